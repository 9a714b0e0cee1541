// One OpenAPI 3.1 document, generated: OCP's API as the mock plays one version, or the mock's
// own /__mock/ control plane. Its only sources are the routes paired with their Operations
// (join.h), the version's JSON Schemas (schema_bundle.h) and its profile (versions/profile.h):
// nothing in it is written by hand. docs/openapi.md says what is in it and why.
//
//   Joined joined = Join(parts);
//   auto doc = BuildDocument({.plane = Plane::kOcp, .profile = &profile,
//                             .operations = joined.operations, .tags = joined.tags});
//   doc.value()["paths"]["/api/v2/tasks/instances"]["get"]["operationId"]  // "listTaskInstances"
//
// Per operation (operation_object.cc, responses.cc, security.cc):
//   - operationId, summary, description, tags [the part], x-ocp-provenance, x-ocp-permission
//     (the route's access: OCP's permission, TASK_VIEWER..., or "authenticated", "public",
//     "control");
//   - parameters: each `{...}` segment of the pattern (int64, required), then Operation::params;
//     a repeated parameter is an array, style form, explode false but for `sort` (Spring binds
//     `a=1&a=2` and
//     `a=1,2` alike: the description says so);
//   - requestBody: the JSON schema, or the form's fields (a file field `format: binary` is a
//     string of contentMediaType application/octet-stream);
//   - responses: the success answer (its schema, which for an enveloped answer is the whole
//     envelope; the generic `envelope` when it names none), with the samples of this version as
//     examples (those its schema refuses, errata, in `x-ocp-sample-errata` instead); then one
//     response per HTTP status of the errors it can answer: those the Operation lists, those
//     of its access (authenticated: 401, 429; with a permission: 403), and 400
//     invalidParameter for a route with path ids; each with the version's error envelope
//     schema and one example per kind, code and message from the profile's catalogue;
//   - security: Basic, and AK/SK where the profile has it; none for public and control routes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/json/schema_set.h"
#include "mock/openapi/join.h"
#include "mock/versions/profile.h"

namespace mock::openapi {

enum class Plane {
  kOcp,      // every path outside /__mock/
  kControl,  // every path under /__mock/
  kAll,      // both: for a validation proxy in front of ocp-mock, which a test steers through
             // /__mock/ while its OCP traffic is checked
};

// "/__mock/..." is the control plane's; every other path is OCP's.
Plane PlaneOf(const std::string& pattern);
// Whether the document of `plane` holds the route of `pattern`.
bool InPlane(const std::string& pattern, Plane plane);

// Which document: a plane, and whether its objects are closed (DocumentInputs::strict).
struct Variant {
  Plane plane = Plane::kOcp;
  bool strict = false;
};

struct DocumentInputs {
  Plane plane = Plane::kOcp;
  const versions::Profile* profile = nullptr;  // required: the version, flags, catalogue, schemas
  // All the operations (join.h); those of the other plane are left out.
  std::vector<DescribedOperation> operations = {};
  // The tags (join.h); a tag no operation of the plane has is left out.
  std::vector<Tag> tags = {};
  // The routes the document lacks, for want of their Operation (Joined::undescribed): said in
  // `x-ocp-undescribed`, so that the document does not pass for complete.
  std::vector<std::string> undescribed = {};
  // contract_tests/samples/: Operation::samples are read from here. Empty, or a folder that is
  // not there: no examples.
  std::filesystem::path samples_dir = {};
  // The version's schemas. Given, a sample that is not valid against its answer's schema (a
  // documented sample with an erratum: contract_tests/samples/README.md) is no example: it is
  // named in the media type's `x-ocp-sample-errata` with its first violation. Without, every
  // sample of the version is an example.
  const json::SchemaSet* schemas = nullptr;
  // Objects as the schemas close them (`additionalProperties: false`), to check ocp-mock's own
  // answers exactly. Without, OCP's objects are open: a real OCP adds fields of its own and its
  // Jackson ignores unknown request fields (docs/reference/real-server-behaviour.md;
  // ocp-client-flows.md §2.4), so a validator given the default document never fails a correct
  // server for an extra field. The control plane's objects stay closed either way: the mock refuses
  // unknown fields there.
  bool strict = false;
};

// kConfig naming the operation and what is wrong: a schema that is missing or that the
// conversion refuses, a parameter whose type, format or default makes no sense, a sample that is
// not JSON; kInvalidArgument without a profile.
StatusOr<rapidjson::Document> BuildDocument(const DocumentInputs& in);

// The document as text: two-space indented (files), or compact.
std::string DocumentText(const rapidjson::Value& doc, bool pretty);

}  // namespace mock::openapi
