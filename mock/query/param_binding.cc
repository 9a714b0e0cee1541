#include "mock/query/param_binding.h"

#include <algorithm>
#include <charconv>

#include "mock/core/text.h"
#include "mock/ocp/error_kinds.h"

namespace mock::query {

using text::Trim;

std::optional<std::string> Scalar(const QueryParams& params, std::string_view key) {
  std::vector<std::string_view> values = ValuesOf(params, key);
  if (values.empty()) return std::nullopt;
  std::string joined(values.front());
  for (size_t i = 1; i < values.size(); ++i) joined.append(",").append(values[i]);
  return joined;
}

StatusOr<std::optional<int64_t>> ParseId(const QueryParams& params, std::string_view key) {
  std::optional<std::string> raw = Scalar(params, key);
  if (!raw) return std::optional<int64_t>();
  std::string_view s = Trim(*raw);
  if (s.empty()) return std::optional<int64_t>();
  if (s.front() == '+') s.remove_prefix(1);
  int64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    return ocp::InvalidParameter(std::string(key),
                                 "'" + Excerpt(*raw) + "' is not a 64-bit integer.");
  }
  return std::optional<int64_t>(value);
}

StatusOr<std::optional<bool>> ParseBool(const QueryParams& params, std::string_view key) {
  std::optional<std::string> raw = Scalar(params, key);
  if (!raw || Trim(*raw).empty()) return std::optional<bool>();
  const std::string v = text::LowerAscii(Trim(*raw));
  if (v == "true" || v == "on" || v == "yes" || v == "1") return std::optional<bool>(true);
  if (v == "false" || v == "off" || v == "no" || v == "0") return std::optional<bool>(false);
  return ocp::InvalidParameter(std::string(key),
                               "'" + Excerpt(*raw) + "' is not a Boolean (true or false).");
}

StatusOr<std::vector<std::string>> ParseEnumList(const QueryParams& params, std::string_view key,
                                                 const std::vector<std::string>& allowed) {
  std::vector<std::string> out;
  for (std::string_view value : ValuesOf(params, key)) {
    while (true) {
      size_t comma = value.find(',');
      std::string element(Trim(value.substr(0, comma)));
      if (!element.empty()) {
        if (std::find(allowed.begin(), allowed.end(), element) == allowed.end()) {
          std::string names;
          for (const std::string& a : allowed) names += (names.empty() ? "" : ", ") + a;
          return ocp::InvalidParameter(std::string(key),
                                       "'" + Excerpt(element) + "' is not one of " + names + ".");
        }
        if (std::find(out.begin(), out.end(), element) == out.end()) out.push_back(element);
      }
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  }
  return out;
}

StatusOr<std::vector<int64_t>> ParseIdList(const QueryParams& params, std::string_view key) {
  std::vector<int64_t> out;
  for (std::string_view value : ValuesOf(params, key)) {
    while (true) {
      const size_t comma = value.find(',');
      std::string_view element = Trim(value.substr(0, comma));
      if (!element.empty()) {
        std::string_view digits = element.front() == '+' ? element.substr(1) : element;
        int64_t id = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
        if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
          return ocp::InvalidParameter(std::string(key),
                                       "'" + Excerpt(element) + "' is not a 64-bit integer.");
        }
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
      }
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  }
  return out;
}

}  // namespace mock::query
