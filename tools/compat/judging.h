// How a row of ocp-compat's check library (checks.h) judges one answer: the outcomes, an answer's
// status and schema read tolerantly, an error answer against a version's catalogue, and the
// small JSON readers the rows share. The rows' files use it (checks.cc, entity_probe.cc,
// flow_probe.cc); list_rules and entity_rules judge from raw answers and keep their own.
//
//   Outcome o = Conforms("GET /api/v2/ob/clusters", r, json, 200, "cluster-list-response", c,
//                        strict);  // kPass, kFail, or kObserved (an undocumented field)
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "mock/ocp/error_kinds.h"
#include "tools/client/http_client.h"
#include "tools/compat/checks.h"
#include "tools/compat/outcome.h"

namespace compat {

// ocp-mock's own `rule` (where the docs are silent) does not hold: "differs from ocp-mock
// [mock: RULE] WHAT", an observation (Probe::Judge fails it under --strict).
Outcome Observed(const std::string& rule, const std::string& what);
bool Failed(const Outcome& o);

// At most 160 characters of `body`, on one line.
std::string Excerpt(const std::string& body);
// The value at `keys` under `v` (objects only), or nullptr.
const rapidjson::Value* At(const rapidjson::Value& v, std::initializer_list<const char*> keys);
// data.contents when it is an array, else nullptr.
const rapidjson::Value* Contents(const rapidjson::Document& doc);
// The value at JSON Pointer `pointer` under `v`, as JSON text cut to 60 characters; "absent".
std::string JsonAt(const rapidjson::Value& v, const std::string& pointer);

// Whether a member named `key` holds a secret: its name, in any letter case, holds "password",
// "passphrase", "secret" or "privatekey". Its value is never printed.
bool NamesASecret(std::string_view key);

// The answer has HTTP `status` and satisfies schema `schema` of `c`, read tolerantly: properties
// beyond the documented ones make an observation of ocp-mock's rule (a failure when `strict`),
// which names them with an example value (not shown for a member that NamesASecret).
// `body` replaces the answer's body for the schema check when given (a row that leaves a field's
// form to another row validates a copy with that field made valid).
Outcome Conforms(const std::string& request, const contract::HttpResult& r,
                 const std::optional<rapidjson::Document>& json, long status, const char* schema,
                 const Contract& c, bool strict, const std::string* body = nullptr);

// Called, when set, with every body Conforms judges against a schema: the request ("GET
// /path?query", perhaps followed by " (content type)"), the HTTP status, the schema's name and
// the body judged (`body` when given). The contract suite's OCP_DUMP_ANSWERS sets it
// (contract_tests/support/answer_dump.h). Process-wide; set it before any check runs.
using ConformsObserver = void (*)(const std::string& request, long status, std::string_view schema,
                                  std::string_view body);
void ObserveConforms(ConformsObserver observer);

// An error answer with `kind`'s code and message in `c`'s catalogue (a message worded otherwise
// is an observation: messages are free text in the server's language, codes are the contract).
Outcome IsError(const std::string& request, const contract::HttpResult& r,
                const std::optional<rapidjson::Document>& json, long status,
                mock::ocp::ErrorKind kind, const Contract& c, bool strict);

// Whether an answer says the server does not serve its path at all: a 404, or the web app's
// HTML page that a real OCP answers for an unknown path (HTTP 200;
// docs/reference/real-server-behaviour.md). A feature of OCP's Enterprise Edition only, or one
// a version lacks, answers so on the others.
bool NotServed(const contract::HttpResult& r);

}  // namespace compat
