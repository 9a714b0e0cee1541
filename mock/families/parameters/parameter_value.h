// What a parameter's value must be, by the type and range OCP shows for it (valueRange:
// docs/reference/ocp-cluster-topology.md §9 VR1-VR4, §13.2 N1 and N2). OCP documents no rule of
// its own: the types' syntax follows OceanBase's spelling in the docs' samples and pages (§9,
// §13.1, §15), and the choices are the mock's (docs/parameters.md, "Values"):
//   INT          an integer, optionally signed, within minValue and maxValue
//   DOUBLE       a decimal number (digits, optionally a fraction), within the bounds
//   CAPACITY     an integer with a unit B, K, KB, M, MB, G, GB, T, TB, P or PB ("10G", "30MB");
//                a bare 0 only (OCP Express requires the unit, §14; the docs' defaults write 0)
//   TIME         an integer with a unit us, ms, s, m, h or d ("10s", "2h"); a bare 0 only
//   MOMENT       a time of day HH:MM, 00:00 to 23:59
//   BOOL         true, false, 1 or 0
//   ENUM         one of allowedValues (comma-separated)
//   STRING       any text; one of allowedValues when it has them
//   STRING_LIST  any text
// Units, Booleans and allowed values compare ASCII case-insensitively. Every value is at most
// kMaxValueBytes long. Bounds that do not parse as the type's values are ignored (the row schema
// refuses them: schemas/parameter-definition.schema.json).
//
//   ValueRange r{.type = "INT", .min = "10", .max = "90"};
//   ValueProblem(r, "95");   // "an INT (an integer) from 10 to 90; '95' is above the maximum 90"
//   ValueProblem(r, "80");   // nullopt
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mock::families::parameters {

// The longest value a PUT may set: what keeps the values held bounded (parameter_values.h).
inline constexpr size_t kMaxValueBytes = 4096;

struct ValueRange {
  std::string type;                    // "INT", "CAPACITY", ... (above)
  std::optional<std::string> allowed;  // allowedValues: "TRUE,FALSE"
  std::optional<std::string> min;      // minValue, inclusive
  std::optional<std::string> max;      // maxValue, inclusive
};

// nullopt when `value` fits `range`; else what was expected and why the value is not that, one
// clause for an error message ("a TIME (an integer with a unit ...); '10x' is not one").
std::optional<std::string> ValueProblem(const ValueRange& range, std::string_view value);

}  // namespace mock::families::parameters
