// The quirks that rewrite a success body after it is rendered (quirks.h): extra fields, tie
// order, subtask order and big ids as strings. They work on the JSON, so the render path and its
// cache stay as they are; the cost (a parse and a write per answer) falls only on a mock started
// with one of them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mock/quirks/quirks.h"

namespace mock::api {

struct BodyQuirkContext {
  // The request's sort properties in order ("status", "createTime"), as JSON field names; the
  // tie-order quirk takes rows equal in all of them as ties.
  std::vector<std::string> sort_fields;
  // Differs per answer: the subtask-order quirk's shuffle depends on it.
  uint64_t answer_seed = 0;
};

// `body` (a success envelope) with every quirk in `quirks` that rewrites bodies applied to its
// `data`; `body` itself when it is not an envelope with data.
std::string ApplyBodyQuirks(const Quirks& quirks, const BodyQuirkContext& context,
                            const std::string& body);

}  // namespace mock::api
