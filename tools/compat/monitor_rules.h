// The rules of the monitor, alarm and inspection rows (issue #28; checks.h), judged from answers
// that monitor_probe.cc fetched. The facts behind each rule: docs/reference/ocp-monitor-and-sql.md
// (M§, the metric pages) and docs/reference/ocp-alarms-and-inspection.md (A§, the alert events;
// A§5, inspection, which no OCP page documents); each row's provenance, and why:
// docs/live-checks.md, "The monitor, alarm, inspection and SQL rows".
//
//   Outcome o = PointsInRange(series, start_s, end_s, contract, strict);  // kPass or kFail
//
// Values from a live OCP are never compared with numbers: only shapes, ranges and documented
// rules. A rule the docs do not state (the step a multiple of the interval) is `mock`, and
// Probe::Judge makes its failure an observation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "tools/compat/checks.h"
#include "tools/compat/flow_rules.h"
#include "tools/compat/outcome.h"

namespace compat {

// One filtered request of a list, by the value its rows must hold: `param`=`value`.
struct AskedValue {
  std::string param;  // "type", "level"
  std::string value;  // "TOP", "2"
  FlowAnswer answer;
};

// The value of member `param` of `row` as text: a string as it is, an integer in decimal; ""
// when absent or of another type.
std::string MemberText(const rapidjson::Value& row, const std::string& param);

// The filters narrow (metric-groups-filter: M§1's type and scope; alarms-filter-each:
// A§1's level and status): each answer is 200 with a list, and every row of it holds every value
// asked. Only "only" is judged: a live OCP's alarms open and resolve between two requests, so
// "all" would not hold; a value no row holds, asked too, shows a filter that is ignored.
Outcome OnlyMatching(const std::vector<std::vector<AskedValue>>& asked);

// A value of `candidates` that no row of `rows` holds for `param`, else nullopt; the value of
// `candidates` the fewest rows hold, but at least one (ties: the first), else nullopt.
std::optional<std::string> UnheldValue(const rapidjson::Value& rows, const std::string& param,
                                       const std::vector<std::string>& candidates);
std::optional<std::string> RarestHeld(const rapidjson::Value& rows, const std::string& param,
                                      const std::vector<std::string>& candidates);

// metric-series (M§2): every group's every point has a `timestamp` (epoch seconds, the page's
// words) inside [start_s, end_s], the range asked. The schema is Conforms's.
Outcome PointsInRange(const FlowAnswer& series, int64_t start_s, int64_t end_s);

// metric-steps (mock: M§2 leaves the step undocumented, and the 4.x sample's points are two
// seconds apart at an unstated interval): within each group the timestamps ascend, each a
// whole multiple of `interval_s` after the one before. n/a when no group has two points.
Outcome StepsFollowInterval(const FlowAnswer& series, int64_t interval_s);

// alarm-detail (A§3): the detail answers the version's alarm schema, and every member it and
// the list's row carry has the same value, but those that change as an alarm lives (`status`,
// `resolvedAt`, `updatedAt`, `statusUpdatedAt`, `gmtModified`, `labels`): a live alarm may
// resolve between the two requests.
Outcome AlarmAgreesWithList(const FlowAnswer& detail, const rapidjson::Value& listed,
                            const Contract& c, bool strict);

// An ISO-8601 time in UTC with seconds ("2026-12-05T10:00:00Z"): what the probe sends.
std::string IsoSeconds(int64_t epoch_s);

// The server's clock, read from an answer's envelope `timestamp` (every answer carries one), in
// epoch seconds; nullopt when absent or not a time.
std::optional<int64_t> ServerNow(const std::optional<rapidjson::Document>& json);

}  // namespace compat
