#include "mock/families/sql_diagnostics/sql_stats.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace mock::families::sql_diagnostics {
namespace {

using monitor::Uniform;

// Distinct streams of the seed (load_model.h draws with others).
constexpr uint64_t kWeightStream = 0x73716c77;
constexpr uint64_t kTimeStream = 0x73716c74;

uint64_t HashOf(const std::string& sql_id) {
  uint64_t h = 0;
  for (char c : sql_id) h = monitor::Mix(h, static_cast<unsigned char>(c));
  return h;
}

double Round(double v, double scale) { return std::round(v * scale) / scale; }

// A draw in [0, 1) for `what` of one statement on one server of one tenant.
double Draw(const TenantScope& s, const Statement& st, int64_t server_id, uint64_t what) {
  return Uniform(s.seed, kTimeStream,
                 monitor::Mix(static_cast<uint64_t>(s.tenant_id), HashOf(st.sql_id)),
                 monitor::Mix(static_cast<uint64_t>(server_id), what));
}

// round(E) split over `catalogue` by the weights of the header: largest remainder.
std::vector<int64_t> Split(const TenantScope& s, const std::vector<Statement>& catalogue,
                           int64_t total) {
  std::vector<double> w(catalogue.size());
  double sum = 0;
  for (size_t i = 0; i < catalogue.size(); ++i) {
    w[i] = catalogue[i].weight *
           (0.5 + Uniform(s.seed, kWeightStream, static_cast<uint64_t>(s.tenant_id),
                          HashOf(catalogue[i].sql_id)));
    sum += w[i];
  }
  std::vector<int64_t> out(catalogue.size());
  std::vector<std::pair<double, size_t>> rest;
  int64_t given = 0;
  for (size_t i = 0; i < catalogue.size() && sum > 0; ++i) {
    const double share = static_cast<double>(total) * w[i] / sum;
    out[i] = static_cast<int64_t>(std::floor(share));
    given += out[i];
    rest.emplace_back(share - static_cast<double>(out[i]), i);
  }
  std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (size_t k = 0; given < total && k < rest.size(); ++k, ++given) ++out[rest[k].second];
  return out;
}

// The times, rows and rates of `row` from its average and maximum elapsed times and CPU share.
void FillFrom(SqlRow& row, const Statement& st, double avg, double max, double cpu_share,
              double seconds) {
  auto& v = row.v;
  const double n = v[kExecutions];
  v[kExecPs] = Round(seconds > 0 ? n / seconds : 0, 100);
  v[kAvgElapsedTime] = Round(avg, 100);
  v[kMaxElapsedTime] = Round(max, 100);
  v[kAvgCpuTime] = Round(avg * cpu_share, 100);
  v[kMaxCpuTime] = Round(max * cpu_share, 100);
  v[kAvgExecuteTime] = Round(avg * 0.8, 100);
  v[kAvgGetPlanTime] = Round(avg * 0.08, 100);
  v[kAvgDecodeTime] = Round(avg * 0.02, 100);
  v[kAvgQueueTime] = Round(avg * 0.02, 100);
  const double wait = avg * (1 - cpu_share);
  v[kAvgWaitTime] = Round(wait, 100);
  v[kAvgWaitCount] = Round(1 + wait / 10, 100);
  v[kAvgUserIoWaitTime] = Round(wait * 0.5, 100);
  v[kAvgConcurrencyWaitTime] = Round(wait * 0.2, 100);
  v[kAvgApplicationWaitTime] = Round(wait * 0.1, 100);
  v[kAvgScheduleTime] = Round(wait * 0.2, 100);
  v[kAvgAffectedRows] = Round(st.affected_rows, 100);
  v[kAvgReturnRows] = Round(st.return_rows, 100);
  v[kAvgPartitionCount] = 1;
  const double read = std::max(1.0, st.return_rows + st.affected_rows) * (st.table_scan ? 50 : 1);
  v[kAvgMemstoreReadRows] = Round(read * 0.3, 100);
  v[kAvgSsstoreReadRows] = Round(read * 0.7, 100);
  v[kAvgBlockCacheHit] = Round(read / 20, 100);
  v[kAvgBlockIndexCacheHit] = Round(read / 50, 100);
  v[kAvgDiskReads] = Round(st.table_scan ? read / 100 : 0, 100);
  v[kLocalPlanPercentage] = 1;
  v[kStrongConsistencyPercentage] = 1;
  v[kTableScanPercentage] = st.table_scan ? 1 : 0;
  v[kFailPercentage] = n > 0 ? Round(v[kFailCount] / n, 10'000) : 0;
  row.wait_event = wait > 1.0 ? "db file data read" : "none";
}

SqlRow GeneratedRow(const TenantScope& s, const UnitRef& u, const Statement& st, int64_t executions,
                    double seconds) {
  SqlRow row{&st, u.input.server_id, u.ip, u.port, {}, "none"};
  const double avg = st.elapsed_ms * (0.75 + 0.5 * Draw(s, st, u.input.server_id, 1));
  const double max = avg * (1.5 + 6.0 * Draw(s, st, u.input.server_id, 2));
  const double cpu = 0.4 + 0.5 * Draw(s, st, u.input.server_id, 3);
  row.v[kExecutions] = static_cast<double>(executions);
  row.v[kFailCount] =
      std::floor(static_cast<double>(executions) * 0.002 * Draw(s, st, u.input.server_id, 4));
  FillFrom(row, st, avg, max, cpu, seconds);
  return row;
}

// Adds steered `e` to `rows`: to the row of its sqlId and server, else as a row of its own.
void AddSteered(std::vector<SqlRow>& rows, const SlowSql& e, double seconds) {
  const auto n = static_cast<double>(e.executions);
  for (SqlRow& r : rows) {
    if (r.statement->sql_id != e.statement.sql_id || r.server_id != e.server_id) continue;
    const double before = r.v[kExecutions];
    const double avg = (r.v[kAvgElapsedTime] * before + e.elapsed_ms * n) / (before + n);
    const double max = std::max(r.v[kMaxElapsedTime], e.elapsed_ms);
    r.v[kExecutions] = before + n;
    FillFrom(r, *r.statement, avg, max, 0.5, seconds);
    return;
  }
  SqlRow row{&e.statement, e.server_id, e.server_ip, e.server_port, {}, "none"};
  row.v[kExecutions] = n;
  FillFrom(row, e.statement, e.elapsed_ms, e.elapsed_ms, 0.5, seconds);
  rows.push_back(std::move(row));
}

bool ContainsUpper(const std::string& text, const std::string& upper_keyword) {
  return upper_keyword.empty() || UpperAscii(text).find(upper_keyword) != std::string::npos;
}

}  // namespace

double UnitExecutions(uint64_t seed, const monitor::UnitInput& unit, const TimeRange& range) {
  double total = 0;
  for (int64_t t = range.start_s; t < range.end_s; t += 60) {
    const double width = static_cast<double>(std::min<int64_t>(60, range.end_s - t));
    total += monitor::UnitLoadAt(seed, unit, t).qps * width;
  }
  return total;
}

std::vector<SqlRow> ComputeRows(const TenantScope& scope, const std::vector<Statement>& catalogue,
                                const TimeRange& range, const std::vector<SlowSql>& steered) {
  const auto seconds = static_cast<double>(range.end_s - range.start_s);
  std::vector<SqlRow> rows;
  for (const UnitRef& u : scope.units) {
    const auto total = std::llround(UnitExecutions(scope.seed, u.input, range));
    const std::vector<int64_t> split = Split(scope, catalogue, total);
    for (size_t i = 0; i < catalogue.size(); ++i) {
      if (split[i] > 0) rows.push_back(GeneratedRow(scope, u, catalogue[i], split[i], seconds));
    }
  }
  for (const SlowSql& e : steered) {
    if (e.Meets(range.start_s, range.end_s)) AddSteered(rows, e, std::max(1.0, seconds));
  }
  return rows;
}

std::vector<SqlRow> Select(std::vector<SqlRow> rows, const SqlQuery& q, SqlList list) {
  std::erase_if(rows, [&](const SqlRow& r) {
    const Statement& st = *r.statement;
    return (q.server_id && r.server_id != *q.server_id) || (st.inner && !q.inner) ||
           !ContainsUpper(st.text, q.keyword) || (q.db_name && st.db_name != *q.db_name) ||
           (list == SqlList::kSlow && r.v[kMaxElapsedTime] < kSlowMs) || !q.Keeps(r.v);
  });
  const size_t key = list == SqlList::kSlow ? kMaxElapsedTime : kAvgElapsedTime;
  auto weight = [&](const SqlRow& r) {
    return list == SqlList::kSlow ? r.v[key] : r.v[key] * r.v[kExecutions];
  };
  std::sort(rows.begin(), rows.end(), [&](const SqlRow& a, const SqlRow& b) {
    if (weight(a) != weight(b)) return weight(a) > weight(b);
    if (a.statement->sql_id != b.statement->sql_id) {
      return a.statement->sql_id < b.statement->sql_id;
    }
    return a.server_id < b.server_id;
  });
  if (list == SqlList::kSlow && q.limit && rows.size() > static_cast<size_t>(*q.limit)) {
    rows.resize(static_cast<size_t>(*q.limit));
  }
  return rows;
}

std::string ShortText(const std::string& text, size_t n) {
  size_t at = 0;
  for (size_t chars = 0; at < text.size() && chars < n; ++chars) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return text.substr(0, at);
}

void WriteSqlRows(json::JsonWriter& w, const std::vector<SqlRow>& rows, size_t text_length) {
  w.StartObject();
  w.Key("contents");
  w.StartArray();
  for (const SqlRow& r : rows) {
    const Statement& st = *r.statement;
    w.StartObject();
    w.Field("sqlId", st.sql_id);
    w.Field("server", r.ip + ":" + std::to_string(r.port));
    w.Field("serverId", r.server_id);
    w.Field("serverIp", r.ip);
    w.Field("dbName", st.db_name);
    w.Field("userName", st.user_name);
    w.Field("sqlType", st.sql_type);
    w.Field("sqlTextShort", ShortText(st.text, text_length));
    w.Field("inner", st.inner);
    w.Field("waitEvent", r.wait_event);
    for (size_t i = 0; i < kSqlFields.size(); ++i) {
      if (kSqlFields[i].integer) {
        w.Field(kSqlFields[i].name, static_cast<int64_t>(r.v[i]));
      } else {
        w.Field(kSqlFields[i].name, r.v[i]);
      }
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace mock::families::sql_diagnostics
