// The inspection routes' query parameters as OCP's controllers would bind them (Spring's
// @RequestParam; docs/inspection.md): an object type, a tag id, id lists, enum lists. Each
// refusal is OCP's invalidParameter naming the parameter.
//
//   auto type = ObjectTypeParam(params, "objectType", /*required=*/true);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock/core/params.h"
#include "mock/core/status.h"

namespace mock::families::inspection {

// One of kObjectTypes; nullopt when absent and not `required`.
StatusOr<std::optional<std::string>> ObjectTypeParam(const QueryParams& params, const char* name,
                                                     bool required);
// A tag id 1 to 4; nullopt when absent and not `required`.
StatusOr<std::optional<int64_t>> TagParam(const QueryParams& params, const char* name,
                                          bool required);
// A comma-separated or repeated list of tag ids 1 to 4.
StatusOr<std::vector<int64_t>> TagListParam(const QueryParams& params, const char* name);
// A 64-bit id; nullopt when absent.
StatusOr<std::optional<int64_t>> IdParam(const QueryParams& params, const char* name);
// Lower-cased text for a case-insensitive substring match; "" when absent.
std::string TextParam(const QueryParams& params, const char* name);
// Whether `needle` (lower-cased) is a substring of `text`, ASCII case-insensitively.
bool ContainsFolded(const std::string& text, const std::string& needle);

}  // namespace mock::families::inspection
