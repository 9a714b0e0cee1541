// What a route is, described for a reader: the parameters it takes, the body it reads, the
// answer it gives, the errors it documents, and where each of those facts comes from. The
// OpenAPI documents (mock/openapi/) are built from these and the route table alone, so a route
// without its Operation, or an Operation without its route, fails the route-walk test
// (mock/openapi/openapi_routes_test.cc).
//
// Each family lists its own beside its routes (Family::Operations()):
//
//   Operation{.method = "GET", .pattern = "/api/v2/compute/hostTypes",
//             .id = "listHostTypes", .summary = "Lists the host types",
//             .provenance = Provenance::kDoc,
//             .params = PageParams(kHostTypeList),             // page, size, sort, filters
//             .response = {.schema = "host-type-list-response"},
//             .errors = {ocp::ErrorKind::kInvalidParameter, ocp::ErrorKind::kUnsupportedSort}}
//
// The path's own `{...}` segments need no Param: the pattern names them, and each is a 64-bit id
// or, named `...Name`, text (route.h, IsTextSegment). What every route of an access level answers
// (401, 429, 403 where a permission is needed, 400 for a path id that is not a number) is added by
// the generator from Route::access and the pattern, not repeated (mock/openapi/document.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock/ocp/error_kinds.h"

namespace mock::api {

// Where a fact comes from (docs/contract.md): OCP's documentation; what Spring, Jackson, Tomcat
// or the HTTP RFCs do; what a public client relies on where the docs are silent; the mock's own
// choice.
enum class Provenance { kDoc, kFramework, kClient, kMock };

// "doc", "framework", "client", "mock": the x-ocp-provenance value.
const char* ProvenanceName(Provenance p);

// One query parameter (or, with `in_form`, one field of a form or multipart body).
struct Param {
  std::string name;
  // The JSON Schema type of one value: "string", "integer", "boolean", "number". With
  // `repeated`, the parameter is an array of them (comma-separated or repeated, as Spring binds).
  std::string type = "string";
  bool repeated = false;
  bool required = false;
  std::vector<std::string> allowed = {};       // enum values; empty: any
  std::optional<std::string> default_value{};  // as sent on the wire: "0", "10", "id,asc"
  std::optional<int64_t> minimum{};
  std::optional<int64_t> maximum{};
  std::optional<int64_t> max_length{};
  std::string pattern = {};  // a regular expression the value matches (ECMA 262)
  std::string format = {};   // "date-time", "int64", "binary" (a multipart file)
  std::string description = {};
  Provenance provenance = Provenance::kDoc;
};

// A request body: its media type and the schema (a file name under schemas/, without
// `.schema.json`) its content is checked against, or the form fields it holds.
struct Body {
  std::string media_type = "application/json";  // or multipart/form-data, x-www-form-urlencoded
  std::string schema = {};                      // JSON bodies
  std::vector<Param> fields = {};               // form and multipart bodies
  bool required = true;
};

// The success answer. JSON answers name their whole schema (the envelope around `data`:
// "task-list-response"); others give their media type ("text/plain", "text/html").
struct Answer {
  int status = 200;
  std::string schema = {};
  std::string media_type = "application/json";
  bool enveloped = true;  // false: a bare body (GET /api/v2/info, the probes)
  std::string description = "OK";
};

struct Operation {
  std::string method;            // as the route: "GET"
  std::string pattern;           // as the route: "/api/v2/tasks/instances/{taskInstanceId}"
  std::string id;                // the operationId: unique, lowerCamelCase ("listTaskInstances")
  std::string summary;           // one line
  std::string description = {};  // where the facts come from, what the docs leave out
  Provenance provenance = Provenance::kDoc;
  std::vector<Param> params = {};  // query parameters, in the docs' order
  std::optional<Body> body{};
  Answer answer = {};
  // The errors this operation documents besides those of its access level (see above): each
  // kind's HTTP status and code come from the version's error catalogue.
  std::vector<ocp::ErrorKind> errors = {};
  // Documented samples of the answer: file names under contract_tests/samples/ whose version
  // suffix matches the document's version ("task-list-4.2.2.json" for 4.2.2).
  std::vector<std::string> samples = {};
};

}  // namespace mock::api
