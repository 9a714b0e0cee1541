// How OCP's Spring MVC controllers bind query parameters, for every list the mock serves (the
// task list's query_params.h and the entity lists' entity_query.h alike).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/core/params.h"
#include "mock/core/status.h"

namespace mock::query {

// A scalar parameter: its values joined by ",", as Spring binds a repeated scalar; nullopt when
// absent.
std::optional<std::string> Scalar(const QueryParams& params, std::string_view key);

// A Long: trimmed, blank = absent; anything but a 64-bit decimal integer is invalidParameter.
StatusOr<std::optional<int64_t>> ParseId(const QueryParams& params, std::string_view key);

// A Boolean as Spring's CustomBooleanEditor reads it: true/on/yes/1 or false/off/no/0, any case,
// trimmed; blank = absent; anything else is invalidParameter.
StatusOr<std::optional<bool>> ParseBool(const QueryParams& params, std::string_view key);

// A StringArray of enum values: comma-separated and/or repeated, elements trimmed, blank ones
// ignored, duplicates dropped; a value not in `allowed` (exact case) is invalidParameter naming
// the allowed ones.
StatusOr<std::vector<std::string>> ParseEnumList(const QueryParams& params, std::string_view key,
                                                 const std::vector<std::string>& allowed);

// A List<Long> (tagIdList=1,2&tagIdList=3): comma-separated and/or repeated, elements trimmed,
// blank ones ignored, duplicates dropped; an element that is not a 64-bit decimal integer is
// invalidParameter naming the parameter.
StatusOr<std::vector<int64_t>> ParseIdList(const QueryParams& params, std::string_view key);

}  // namespace mock::query
