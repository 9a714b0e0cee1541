// What every parser-level fuzz target asserts of a refusal: it says something, in its sentence or
// in the arguments of OCP's message (a badRequest's cause: ocp::BadRequest), and, when the input
// was UTF-8, quotes it as UTF-8 (a value cut inside a character made a 400 whose body was not
// JSON: 2026-12-05). Aborts, which libFuzzer reports, when it does not.
#pragma once

#include <cstdlib>
#include <string>

#include "mock/core/status.h"
#include "mock/json/utf8.h"

namespace mock::fuzz {

inline void AbortUnlessRefusalSaysWhy(const Status& s, bool input_utf8) {
  if (s.ok()) return;
  bool says = !s.message().empty();
  bool utf8 = json::IsValidUtf8(s.message());
  for (const std::string& arg : s.args()) {
    says = says || !arg.empty();
    utf8 = utf8 && json::IsValidUtf8(arg);
  }
  if (!says || (input_utf8 && !utf8)) std::abort();
}

}  // namespace mock::fuzz
