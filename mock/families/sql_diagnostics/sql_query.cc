#include "mock/families/sql_diagnostics/sql_query.h"

#include <charconv>
#include <cmath>

#include "mock/core/text.h"
#include "mock/families/sql_diagnostics/sql_catalog.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/query/param_binding.h"
#include "mock/reply/time_range.h"

namespace mock::families::sql_diagnostics {
namespace {

constexpr char kSupported[] =
    " The mock supports `@field op number [and @field op number ...]`, op one of > >= < <= = "
    "== != (docs/sql-diagnostics.md).";

StatusOr<int64_t> RequiredTime(const QueryParams& params, const char* name) {
  auto t = api::TimeParam(params, {name});
  if (!t.ok()) return t.status();
  if (!t.value()) return ocp::InvalidParameter(name, std::string(name) + " is required.");
  return *t.value();
}

std::optional<double> NumberOf(std::string_view s) {
  s = text::Trim(s);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

std::optional<CompareOp> SearchOpOf(std::string_view s) {
  const std::string up = UpperAscii(text::Trim(s));
  static constexpr std::pair<const char*, CompareOp> kOps[] = {
      {"EQ", CompareOp::kEq}, {"NE", CompareOp::kNe}, {"GT", CompareOp::kGt},
      {"GE", CompareOp::kGe}, {"LT", CompareOp::kLt}, {"LE", CompareOp::kLe}};
  for (const auto& [name, op] : kOps) {
    if (up == name) return op;
  }
  return std::nullopt;
}

std::optional<CompareOp> SymbolOpOf(std::string_view s) {
  static constexpr std::pair<const char*, CompareOp> kOps[] = {
      {">=", CompareOp::kGe}, {"<=", CompareOp::kLe}, {"!=", CompareOp::kNe},
      {"==", CompareOp::kEq}, {">", CompareOp::kGt},  {"<", CompareOp::kLt},
      {"=", CompareOp::kEq}};
  for (const auto& [name, op] : kOps) {
    if (s == name) return op;
  }
  return std::nullopt;
}

StatusOr<size_t> FieldOf(const std::string& param, std::string_view name) {
  const auto field = SqlFieldNamed(name);
  if (field) return *field;
  return ocp::InvalidParameter(
      param, param + ": '" + Excerpt(name) +
                 "' is not a numeric field of the answer (executions, avgElapsedTime, "
                 "maxElapsedTime, avgCpuTime, ...; docs/sql-diagnostics.md).");
}

// The search triple, all or none.
Status BindSearch(const QueryParams& params, SqlQuery& q) {
  const auto attr = query::Scalar(params, "searchAttr");
  const auto op = query::Scalar(params, "searchOp");
  const auto val = query::Scalar(params, "searchVal");
  const bool any = attr || op || val;
  if (!any) return Status();
  for (const auto& [name, given] :
       {std::pair{"searchAttr", attr}, std::pair{"searchOp", op}, std::pair{"searchVal", val}}) {
    if (!given || text::IsBlank(*given)) {
      return ocp::InvalidParameter(name, std::string(name) +
                                             " is required with the other two of searchAttr, "
                                             "searchOp and searchVal.");
    }
  }
  auto field = FieldOf("searchAttr", text::Trim(*attr));
  if (!field.ok()) return field.status();
  const auto compare = SearchOpOf(*op);
  if (!compare) {
    return ocp::InvalidParameter(
        "searchOp", "searchOp: '" + Excerpt(*op) + "' is not one of EQ, NE, GT, GE, LT, LE.");
  }
  const auto value = NumberOf(*val);
  if (!value) {
    return ocp::InvalidParameter("searchVal",
                                 "searchVal: '" + Excerpt(*val) + "' is not a number.");
  }
  q.conditions.push_back({field.value(), *compare, *value});
  return Status();
}

StatusOr<std::optional<int64_t>> BoundedInt(const QueryParams& params, const char* name,
                                            int64_t most) {
  auto v = query::ParseId(params, name);
  if (!v.ok()) return v.status();
  if (v.value() && (*v.value() < 1 || *v.value() > most)) {
    return ocp::InvalidParameter(name, std::string(name) + ": " + std::to_string(*v.value()) +
                                           " is not from 1 to " + std::to_string(most) + ".");
  }
  return v.value();
}

// Splits `text` into words: `@name`, operators, numbers, `and`, `&&`; anything else is a word of
// its own, which the parser refuses.
std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (c == '<' || c == '>' || c == '=' || c == '!' || c == '&' || c == '|') {
      while (j < text.size() && j < i + 2 && (text[j] == '=' || text[j] == '&' || text[j] == '|')) {
        ++j;
      }
    } else if (c != '(' && c != ')') {
      while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '<' &&
             text[j] != '>' && text[j] != '=' && text[j] != '!' && text[j] != '(' &&
             text[j] != ')') {
        ++j;
      }
    }
    out.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

Status Refuse(const std::string& token, std::string_view why) {
  return ocp::InvalidParameter("filterExpression", "filterExpression: '" + Excerpt(token) + "' " +
                                                       std::string(why) + "." + kSupported);
}

}  // namespace

StatusOr<TimeRange> BindRange(const QueryParams& params) {
  auto start = RequiredTime(params, "startTime");
  if (!start.ok()) return start.status();
  auto end = RequiredTime(params, "endTime");
  if (!end.ok()) return end.status();
  if (Status s = api::CheckRange(start.value(), end.value()); !s.ok()) return s;
  return TimeRange{start.value(), end.value()};
}

bool Condition::Holds(double v) const {
  switch (op) {
    case CompareOp::kEq:
      return v == value;
    case CompareOp::kNe:
      return v != value;
    case CompareOp::kGt:
      return v > value;
    case CompareOp::kGe:
      return v >= value;
    case CompareOp::kLt:
      return v < value;
    case CompareOp::kLe:
      return v <= value;
  }
  return false;
}

StatusOr<std::vector<Condition>> ParseFilterExpression(std::string_view text) {
  const std::vector<std::string> tokens = Tokens(text);
  std::vector<Condition> out;
  size_t i = 0;
  while (i < tokens.size()) {
    if (!out.empty()) {
      const std::string joiner = UpperAscii(tokens[i]);
      if (joiner != "AND" && joiner != "&&") return Refuse(tokens[i], "is not `and`");
      if (++i == tokens.size()) return Refuse(tokens[i - 1], "ends the expression");
    }
    if (tokens[i].size() < 2 || tokens[i][0] != '@') {
      return Refuse(tokens[i], "is not a field written @name");
    }
    auto field = FieldOf("filterExpression", std::string_view(tokens[i]).substr(1));
    if (!field.ok()) return field.status();
    if (i + 2 >= tokens.size()) return Refuse(tokens[i], "lacks an operator and a number");
    const auto op = SymbolOpOf(tokens[i + 1]);
    if (!op) return Refuse(tokens[i + 1], "is not an operator the mock supports");
    const auto value = NumberOf(tokens[i + 2]);
    if (!value) return Refuse(tokens[i + 2], "is not a number");
    out.push_back({field.value(), *op, *value});
    i += 3;
  }
  if (out.empty()) return Refuse(std::string(text), "holds no condition");
  return out;
}

bool SqlQuery::Keeps(const std::array<double, kSqlFieldCount>& values) const {
  for (const Condition& c : conditions) {
    if (!c.Holds(values[c.field])) return false;
  }
  return true;
}

StatusOr<SqlQuery> BindSqlQuery(const QueryParams& params, SqlList list) {
  SqlQuery q;
  auto range = BindRange(params);
  if (!range.ok()) return range.status();
  q.range = range.value();
  auto server = query::ParseId(params, "serverId");
  if (!server.ok()) return server.status();
  q.server_id = server.value();
  auto inner = query::ParseBool(params, "inner");
  if (!inner.ok()) return inner.status();
  q.inner = inner.value().value_or(false);
  if (auto keyword = query::Scalar(params, "sqlText")) q.keyword = UpperAscii(*keyword);
  if (auto db = query::Scalar(params, "dbName"); db && !text::IsBlank(*db)) {
    q.db_name = std::string(text::Trim(*db));
  }
  auto length = BoundedInt(params, "sqlTextLength", kMaxTextLength);
  if (!length.ok()) return length.status();
  q.text_length = static_cast<size_t>(length.value().value_or(100));
  if (list == SqlList::kTop) {
    if (Status s = BindSearch(params, q); !s.ok()) return s;
    return q;
  }
  if (auto e = query::Scalar(params, "filterExpression"); e && !text::IsBlank(*e)) {
    auto conditions = ParseFilterExpression(*e);
    if (!conditions.ok()) return conditions.status();
    q.conditions = std::move(conditions).value();
  }
  auto limit = BoundedInt(params, "limit", kMaxLimit);
  if (!limit.ok()) return limit.status();
  q.limit = limit.value();
  return q;
}

}  // namespace mock::families::sql_diagnostics
