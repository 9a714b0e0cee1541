// The time parameters of the pages that answer over a range (metric series, a tenant's top and
// slow SQL): OCP's Datetime, ISO-8601 with an offset, read to the second, and the range's own
// refusals, one wording for every page.
//
//   auto t = TimeParam(params, {"startTime", "start_time"});  // nullopt when neither is given
//   Status s = CheckRange(start, end);  // timeRangeInvalid: end before start, over 31 days
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "mock/core/params.h"
#include "mock/core/status.h"

namespace mock::api {

// The longest range served (mock: OCP documents none; 31 days holds a month of history).
inline constexpr int64_t kMaxRangeSeconds = int64_t{31} * 86'400;

// The first of `names` given, in epoch seconds (rounded down); nullopt when none is given or
// the first given is blank. A value that is no Datetime is invalidParameter naming the parameter as
// sent.
StatusOr<std::optional<int64_t>> TimeParam(const QueryParams& params,
                                           std::initializer_list<std::string_view> names);

// timeRangeInvalid (OCP's documented code for it) when `end` is before `start` or the range is
// over kMaxRangeSeconds; OK otherwise.
Status CheckRange(int64_t start, int64_t end);

}  // namespace mock::api
