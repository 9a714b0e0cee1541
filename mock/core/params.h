// Decoded query parameters, as a multimap (cpp-httplib's `Params`): repeated keys stay
// repeated, the values of one key in the order the client sent them, since OCP binds
// `status=A&status=B` like `status=A,B`.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mock {

using QueryParams = std::multimap<std::string, std::string, std::less<>>;

// Every value of `key`, in the order sent (exact, case-sensitive key match, as Spring binds).
inline std::vector<std::string_view> ValuesOf(const QueryParams& params, std::string_view key) {
  std::vector<std::string_view> values;
  auto [first, last] = params.equal_range(key);
  for (auto it = first; it != last; ++it) values.emplace_back(it->second);
  return values;
}

}  // namespace mock
