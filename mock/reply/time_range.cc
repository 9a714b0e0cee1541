#include "mock/reply/time_range.h"

#include <string>

#include "mock/core/text.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/query/param_binding.h"

namespace mock::api {

StatusOr<std::optional<int64_t>> TimeParam(const QueryParams& params,
                                           std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    // Values joined as Spring binds a repeated scalar; the first name given decides, blank or not.
    const std::optional<std::string> value = query::Scalar(params, name);
    if (!value) continue;
    if (text::IsBlank(*value)) break;
    const auto t = model::ParseTimestamp(text::Trim(*value));
    if (!t) {
      return ocp::InvalidParameter(std::string(name),
                                   std::string(name) + ": '" + Excerpt(*value) +
                                       "' is not a Datetime (ISO-8601 with an offset, as "
                                       "2020-02-16T05:32:16+08:00).");
    }
    // A point in time to the second: the series' points are whole seconds (doc).
    return std::optional<int64_t>(t->epoch_ms >= 0 ? t->epoch_ms / 1000
                                                   : -((-t->epoch_ms + 999) / 1000));
  }
  return std::optional<int64_t>();
}

Status CheckRange(int64_t start, int64_t end) {
  if (end < start) {
    return ocp::OcpError(ocp::ErrorKind::kTimeRangeInvalid, "endTime is before startTime.");
  }
  if (end - start > kMaxRangeSeconds) {
    return ocp::OcpError(ocp::ErrorKind::kTimeRangeInvalid,
                         "The range from startTime to endTime is over 31 days, the most the mock "
                         "serves.");
  }
  return Status();
}

}  // namespace mock::api
