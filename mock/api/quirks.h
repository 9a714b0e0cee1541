// `ocp-mock --quirks LIST`: behaviour a real OCP deployment shows where OCP's docs are silent
// (shared/reference/ocp-field-behaviour.md), played on request so that client projects, and
// our own live checks, can be tested against something other than ocp-mock's own choices.
// Without --quirks the mock behaves as it always has.
//
//   extra-fields       tasks carry `creatorId` and subtasks `taskId`: fields the docs do not
//                      list, as real entities do (evidence: OCP Express's DTOs)
//   unknown-path-html  an unknown path outside /__mock/ answers 200 with an HTML page, as a
//                      real OCP's web app does (evidence: OCP Express, a client's test)
//
// `all` names every quirk implemented. The others the live-check issue lists (language,
// tie-order, collation, lenient-query, subtask-order, big-ids-as-strings) are not yet.
#pragma once

#include <string>
#include <string_view>

#include "mock/core/status.h"

namespace mock::api {

struct Quirks {
  bool extra_fields = false;
  bool unknown_path_html = false;
};

// "extra-fields,unknown-path-html", "all" or ""; kInvalidArgument naming an unknown quirk and
// the known ones.
StatusOr<Quirks> ParseQuirks(std::string_view list);

// The page a real OCP's web app answers an unknown path with.
std::string_view UnknownPathPage();

// `body` (a success envelope) with the extra fields added to every task and subtask in `data`.
std::string WithExtraFields(const std::string& body);

}  // namespace mock::api
