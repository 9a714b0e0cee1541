#include "mock/reply/list_params.h"

#include <string_view>

#include "mock/query/task_query.h"

namespace mock::api {
namespace {

using listing::Match;

// What text::Trim removes around an element (bytes up to the space).
constexpr std::string_view kBlank = "[\\x00-\\x20]*";
// A direction, in any case (query/sort.h).
constexpr std::string_view kDirection = "[aA][sS][cC]|[dD][eE][sS][cC]";

// Escapes ECMA 262's syntax characters only: an identity escape of another character (`\-`) is
// an error in a Unicode-mode pattern, which JSON Schema validators may use.
std::string EscapeRegex(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// "`a`, `b` or `c`".
std::string Listed(const std::vector<std::string>& names, std::string_view last = " or ") {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? std::string(last) : std::string(", ");
    out += "`" + names[i] + "`";
  }
  return out;
}

// The sentence binding a list of enum values adds (query/param_binding.h, ParseEnumList).
constexpr const char* kEnumList =
    " Comma-separated and/or repeated (framework: Spring binds a StringArray either way); "
    "elements trimmed, blank ones ignored; a value not listed (exact case) is invalidParameter "
    "naming the parameter.";

// The sentence a Boolean adds (query/param_binding.h, ParseBool).
constexpr const char* kBoolean =
    " Bound as Spring's CustomBooleanEditor does (framework): true/on/yes/1 or false/off/no/0, "
    "any case; blank is absent; anything else is invalidParameter naming the parameter.";

std::string FilterDescription(const listing::Filter& f) {
  const std::string fields = Listed(f.fields);
  switch (f.match) {
    case Match::kAnyOf:
      return "Rows whose " + fields + " is one of these." + kEnumList;
    case Match::kHasAnyOf:
      return "Rows with some " + fields + " among these." + kEnumList;
    case Match::kHasNoneOf:
      return "Rows with no " + fields + " among these." + kEnumList;
    case Match::kContains:
      return "An ASCII case-insensitive keyword (substring) of " + fields + ".";
    case Match::kBool:
      return "Rows whose " + fields + " is this Boolean." + kBoolean;
    case Match::kWhenTrue:
      return "true: only rows whose " + fields + " is " + f.value +
             "; false or absent: no filter." + kBoolean;
  }
  return {};
}

}  // namespace

Param PageParam(Provenance provenance) {
  return {.name = "page",
          .type = "integer",
          .default_value = "1",
          .minimum = 1,
          .format = "int32",
          .description =
              "The number of the page to return. Pages start from page 1 (doc: "
              "\"Default value: 1\"). Never refused: 0, a negative number or one that "
              "is not a 32-bit integer is page 1, as Spring Data's resolver reads it "
              "(framework: docs/reference/spring-paging.md). A page past the last "
              "answers `contents: []` with the real totals.",
          .provenance = provenance};
}

Param SizeParam(Provenance provenance) {
  return {.name = "size",
          .type = "integer",
          .default_value = std::to_string(query::kDefaultPageSize),
          .minimum = 1,
          .maximum = query::kMaxPageSize,
          .format = "int32",
          .description =
              "The number of entries to return on each page (doc: \"Maximum value: "
              "2000\"; zh: default 10). Never refused (framework: Spring Data's "
              "resolver, docs/reference/spring-paging.md): below 1 or not a 32-bit "
              "integer is 10, above 2000 is 2000.",
          .provenance = provenance};
}

Param SortParam(const std::vector<std::string>& properties, const std::string& default_sort,
                const std::string& note, Provenance provenance) {
  std::string any;
  for (const std::string& p : properties) any += (any.empty() ? "" : "|") + EscapeRegex(p);
  const std::string blank(kBlank);
  const std::string property = "(?:" + any + ")";
  // Elements separated by commas, each trimmed and possibly blank; a direction only last (a
  // trailing one applies to every property before it); query/sort.h.
  const std::string pattern = "^(?:" + blank + property + "?" + blank + ",)*" + blank +
                              "(?:" + property + "|(?:" + std::string(kDirection) + ")(?:" + blank +
                              "," + blank + ")*)?" + blank + "$";
  return {.name = "sort",
          .repeated = true,
          .default_value = default_sort,
          .pattern = pattern,
          .description =
              "The order: `property`, `property,direction` or `a,b,direction` (the direction, "
              "asc or desc in any case, applies to every property before it; default asc); "
              "several `sort` parameters apply in turn, ties broken on id (framework: Spring "
              "Data's SortHandlerMethodArgumentResolver, docs/reference/spring-paging.md). "
              "Properties (case-sensitive): " +
              Listed(properties, ", ") +
              "; any other is unsupportedSort naming it. Without one: `" + default_sort + "`. " +
              note,
          .provenance = provenance};
}

Param FilterParam(const listing::Filter& f, Provenance provenance) {
  Param p{.name = f.param, .description = FilterDescription(f), .provenance = provenance};
  switch (f.match) {
    case Match::kAnyOf:
    case Match::kHasAnyOf:
    case Match::kHasNoneOf:
      p.repeated = true;
      p.allowed = f.allowed;
      break;
    case Match::kBool:
    case Match::kWhenTrue:
      p.type = "boolean";
      break;
    case Match::kContains:
      break;
  }
  return p;
}

std::vector<Param> ListParams(const listing::ListSpec& spec, const ListFacts& facts) {
  std::vector<Param> params;
  for (const listing::Filter& f : spec.filters) params.push_back(FilterParam(f, facts.filters));
  params.push_back(PageParam(facts.paging));
  params.push_back(SizeParam(facts.paging));
  std::vector<std::string> keys;
  for (const listing::SortKey& k : spec.sort_keys) keys.push_back(k.name);
  params.push_back(SortParam(keys, facts.default_sort, facts.sort_note, facts.paging));
  return params;
}

std::vector<ocp::ErrorKind> ListErrors(const listing::ListSpec& spec) {
  std::vector<ocp::ErrorKind> errors;
  for (const listing::Filter& f : spec.filters) {
    if (f.match != Match::kContains) {
      errors.push_back(ocp::ErrorKind::kInvalidParameter);
      break;
    }
  }
  errors.push_back(ocp::ErrorKind::kUnsupportedSort);
  return errors;
}

}  // namespace mock::api
