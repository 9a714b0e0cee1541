// Where each rule the contract suite checks comes from, and what a rule that does not hold
// means (issue: judge a live OCP by OCP's contract, not by ocp-mock's choices).
//
//   kDoc        OCP's documentation (cite the page or the docs/reference/ocp-task-api.md section)
//   kFramework  what every Spring MVC / Spring Data / Jackson application does
//   kClient     what a public client relies on where the docs are silent (the terraform provider
//               polls GET /api/v2/tasks/{id}: docs/reference/ocp-client-flows.md)
//   kMock       ocp-mock's own choice where the docs are silent (tie order, NULL placement, name
//               collation, error wording, extra fields, answers to malformed input)
//
// Against ocp-mock every rule is strict: one that does not hold fails the test. Against a live
// server (OCP_BASE_URL), a kClient or kMock rule that does not hold is an *observation*
// ("differs from ocp-mock: ..."), printed and recorded, not a failure; OCP_STRICT=1 makes it a
// failure again.
// Every check records its provenance in the test's "provenance" property (JUnit XML), and every
// observation in an "observation" property.
//
//   CheckRule(Source::kMock, "ties in id order", a_before_b, "expected ...; came ...; at GET ...");
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace contract {

enum class Source { kDoc, kFramework, kClient, kMock };

std::string_view SourceName(Source source);  // "doc", "framework", "client", "mock"

// OCP_STRICT=1 (or true): observations fail as in mock mode.
bool Strict();

// Whether a rule of `source` that does not hold is only an observation in this run.
bool Observational(Source source);

// Set by the server under test as soon as it knows whether it is a live server (before it
// checks anything, so that checks made while it learns the data are judged rightly).
void SetLiveRun(bool live);

// Checks one rule: `holds`, or else `message` (what was expected, what came, where) is a test
// failure, or an observation when Observational(source). `rule` names the rule and its source
// ("docs/reference/ocp-task-api.md 3.2: the default order is id descending"). Returns `holds`.
bool CheckRule(Source source, std::string_view rule, bool holds, const std::string& message);

// Records an observation of a kMock rule outright (a live server's extra fields, say); in mock
// mode and strict mode it is a failure.
void Observe(std::string_view rule, const std::string& message);

// Adds `source` to the running test's "provenance" property.
void TagProvenance(Source source, std::string_view rule);

// Every observation of this run, for the summary main.cc prints.
std::vector<std::string> Observations();

}  // namespace contract
