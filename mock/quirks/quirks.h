// `ocp-mock --quirks LIST`: behaviour a real OCP deployment shows where OCP's docs are silent
// (docs/reference/real-server-behaviour.md; docs/live-checks.md lists each with its evidence
// grade), played on request so that client projects, and our own live checks, can be tested against
// something other than ocp-mock's own choices. Without --quirks the mock behaves as it always has.
//
//   extra-fields        tasks carry `creatorId` and subtasks `taskId`: fields the docs do not list
//   language            error messages follow Accept-Language: English for en-US/en_US, otherwise
//                       (none, a bare `en`, zh-CN, anything else) the server's default, Chinese;
//                       validation errors stay English, as in Spring's own handlers
//   tie-order           no tie-breaker: within a page, rows with equal sort keys come in storage
//                       (id ascending) order instead of ocp-mock's id descending
//   collation           names sort by code point ("Zeta" before "alpha"), not case-insensitively
//   unknown-path-html   an unknown path outside /__mock/ answers 200 with an HTML page
//   lenient-query       a query parameter that does not decode is dropped, not a 400
//   subtask-order       a task's subtasks come in a different order on each answer (a Set)
//   big-ids-as-strings  integers beyond 2^53-1 are written as JSON strings, as OCP's Jackson does
//   client-ids          writes' answers carry the ids the terraform provider reads and the docs
//                       do not give (client_ids.h)
//   zone-rpm-name       POST /api/v2/ob/clusters takes the zones' rpmName, which the terraform
//                       provider sends, in place of the top-level one the docs require
//
// The last two play a client's reading, not a deployment's: what the terraform provider for
// private OCP needs to work unmodified (docs/terraform.md).
//
// `all` names every one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mock/core/status.h"

namespace mock::api {

struct Quirks {
  bool extra_fields = false;
  bool language = false;
  bool tie_order = false;
  bool collation = false;
  bool unknown_path_html = false;
  bool lenient_query = false;
  bool subtask_order = false;
  bool big_ids_as_strings = false;
  bool client_ids = false;
  bool zone_rpm_name = false;

  // Any quirk that rewrites a success body (body_quirks.h).
  bool RewritesBodies() const {
    return extra_fields || tie_order || subtask_order || big_ids_as_strings;
  }
};

// "extra-fields,unknown-path-html", "all" or ""; kInvalidArgument naming an unknown quirk and
// the known ones.
StatusOr<Quirks> ParseQuirks(std::string_view list);

// The names of the quirks that are on, comma-separated ("" for none), for the start-up line.
std::string QuirkNames(const Quirks& quirks);
// The same names, one per item, in the order --quirks documents them (GET /__mock/health).
std::vector<std::string> QuirkList(const Quirks& quirks);

// The page a real OCP's web app answers an unknown path with.
std::string_view UnknownPathPage();

}  // namespace mock::api
