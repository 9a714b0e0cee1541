#include "mock/families/inspection/inspection_params.h"

#include <algorithm>
#include <cctype>

#include "mock/families/inspection/inspection_catalog.h"
#include "mock/ocp/error_kinds.h"
#include "mock/query/param_binding.h"

namespace mock::families::inspection {
namespace {

Status Missing(const char* name) {
  // Spring's MissingServletRequestParameterException, as OCP's invalidParameter (framework).
  return ocp::InvalidParameter(
      name, std::string("Required request parameter '") + name + "' is not present.");
}

Status NotATag(const char* name, int64_t v) {
  return ocp::InvalidParameter(name, std::string(name) + ": " + std::to_string(v) +
                                         " is not an inspection scenario; 1 (basic), 2 "
                                         "(performance), 3 (deep) or 4 (installation).");
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

StatusOr<std::optional<std::string>> ObjectTypeParam(const QueryParams& params, const char* name,
                                                     bool required) {
  auto values =
      query::ParseEnumList(params, name, {std::begin(kObjectTypes), std::end(kObjectTypes)});
  if (!values.ok()) return values.status();
  if (values.value().empty()) {
    if (required) return Missing(name);
    return std::optional<std::string>();
  }
  if (values.value().size() > 1) {
    return ocp::InvalidParameter(name, std::string(name) + " takes one object type.");
  }
  return std::optional<std::string>(values.value().front());
}

StatusOr<std::optional<int64_t>> TagParam(const QueryParams& params, const char* name,
                                          bool required) {
  auto tag = query::ParseId(params, name);
  if (!tag.ok()) return tag.status();
  if (!tag.value()) {
    if (required) return Missing(name);
    return std::optional<int64_t>();
  }
  if (*tag.value() < kMinTag || *tag.value() > kMaxTag) return NotATag(name, *tag.value());
  return tag.value();
}

StatusOr<std::vector<int64_t>> TagListParam(const QueryParams& params, const char* name) {
  auto tags = query::ParseIdList(params, name);
  if (!tags.ok()) return tags.status();
  for (int64_t t : tags.value()) {
    if (t < kMinTag || t > kMaxTag) return NotATag(name, t);
  }
  return tags;
}

StatusOr<std::optional<int64_t>> IdParam(const QueryParams& params, const char* name) {
  return query::ParseId(params, name);
}

std::string TextParam(const QueryParams& params, const char* name) {
  return Lower(query::Scalar(params, name).value_or(""));
}

bool ContainsFolded(const std::string& text, const std::string& needle) {
  return Lower(text).find(needle) != std::string::npos;
}

}  // namespace mock::families::inspection
