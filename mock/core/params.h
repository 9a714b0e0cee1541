// Decoded query parameters in the order the client sent them. Repeated keys stay repeated, since
// OCP binds `status=A&status=B` like `status=A,B`.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mock {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Every value of `key`, in order (exact, case-sensitive key match, as Spring binds).
inline std::vector<std::string_view> ValuesOf(const QueryParams& params, std::string_view key) {
  std::vector<std::string_view> values;
  for (const auto& [k, v] : params) {
    if (k == key) values.emplace_back(v);
  }
  return values;
}

}  // namespace mock
