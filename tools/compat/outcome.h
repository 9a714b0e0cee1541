// How ocp-compat judges one check against one version.
#pragma once

#include <string>
#include <utility>

namespace compat {

// kObserved: the documented rule holds, but the answer differs from ocp-mock's where the docs
// are silent (the detail says how); it counts as a pass.
enum class Verdict { kPass, kFail, kNotApplicable, kObserved };

struct Outcome {
  Verdict verdict = Verdict::kNotApplicable;
  std::string detail;  // the first violation, or why not applicable; "" for a pass
};

inline Outcome Pass() { return {Verdict::kPass, ""}; }
inline Outcome Fail(std::string why) { return {Verdict::kFail, std::move(why)}; }
inline Outcome NotApplicable(std::string why) { return {Verdict::kNotApplicable, std::move(why)}; }

}  // namespace compat
