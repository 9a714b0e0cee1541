#include "mock/families/sql_diagnostics/sql_plans.h"

#include <algorithm>
#include <string>

#include "mock/families/monitor/load_model.h"
#include "mock/model/timestamp.h"

namespace mock::families::sql_diagnostics {
namespace {

uint64_t UidHash(const std::string& uid) {
  uint64_t h = 0;
  for (char c : uid) h = monitor::Mix(h, static_cast<unsigned char>(c));
  return h;
}

size_t NodeCount(const PlanNode& n) {
  size_t count = 1;
  for (const PlanNode& c : n.children) count += NodeCount(c);
  return count;
}

int64_t RowsOf(const PlanNode& n, const Statement& st, uint64_t hash, int depth) {
  if (n.children.empty() && n.property.starts_with("full scan")) {
    return 1'000 +
           static_cast<int64_t>(
               monitor::Uniform(0, hash, static_cast<uint64_t>(depth), NodeCount(n)) * 99'000);
  }
  return std::max<int64_t>(1, static_cast<int64_t>(st.return_rows + st.affected_rows));
}

// rows / 10 + 1, plus the children's cost.
int64_t CostOf(const PlanNode& n, const Statement& st, uint64_t hash, int depth) {
  int64_t cost = RowsOf(n, st, hash, depth) / 10 + 1;
  for (const PlanNode& c : n.children) cost += CostOf(c, st, hash, depth + 1);
  return cost;
}

void WriteNode(json::JsonWriter& w, const PlanNode& n, const Statement& st, uint64_t hash,
               int depth) {
  w.StartObject();
  w.Field("cost", CostOf(n, st, hash, depth));
  w.Field("objectName", n.object.empty() ? std::string("NULL") : n.object);
  w.Field("operator", n.op);
  w.Field("property", n.property.empty() ? std::string("NULL") : n.property);
  w.Field("rows", RowsOf(n, st, hash, depth));
  if (!n.children.empty()) {
    w.Key("children");
    w.StartArray();
    for (const PlanNode& c : n.children) WriteNode(w, c, st, hash, depth + 1);
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

void WritePlans(json::JsonWriter& w, const std::vector<SqlRow>& rows, const TimeRange& range) {
  w.StartObject();
  w.Key("contents");
  w.StartArray();
  for (const SqlRow& r : rows) {
    const Statement& st = *r.statement;
    const std::string uid = PlanUid(st.sql_id, r.server_id);
    const uint64_t h = UidHash(uid);
    w.StartObject();
    w.Field("uid", uid);
    w.Field("server", r.ip + ":" + std::to_string(r.port));
    w.Field("planId", static_cast<int64_t>(h % 100'000) + 1);
    w.Field("firstLoadTime", model::MakeTimestamp(range.start_s * 1000, 0).text());
    w.Field("planType", "LOCAL");
    w.Field("planHash", static_cast<int64_t>(h >> 1));
    w.Field("planSize", static_cast<int64_t>(4'096 + 1'024 * NodeCount(st.plan)));
    w.Field("schemaVersion", int64_t{1'700'000'000'000'000});
    w.Field("mergedVersion", int64_t{1});
    w.Field("hitPercentage", 1.0 - r.v[kMissPlanPercentage]);
    w.Field("executions", static_cast<int64_t>(r.v[kExecutions]));
    w.Field("execPs", r.v[kExecPs]);
    w.Field("maxExecTime", r.v[kMaxElapsedTime]);
    w.Field("avgDiskReads", r.v[kAvgDiskReads]);
    w.Field("avgDiskWrites", 0.0);
    w.Field("avgBufferGets", r.v[kAvgBlockCacheHit]);
    w.Field("avgApplicationWaitTime", r.v[kAvgApplicationWaitTime]);
    w.Field("avgConcurrencyWaitTime", r.v[kAvgConcurrencyWaitTime]);
    w.Field("avgUserIoWaitTime", r.v[kAvgUserIoWaitTime]);
    w.Field("avgRowProcessed", r.v[kAvgReturnRows] + r.v[kAvgAffectedRows]);
    w.Field("avgElapsedTime", r.v[kAvgElapsedTime]);
    w.Field("avgCpuTime", r.v[kAvgCpuTime]);
    w.Field("largeQueryPercentage", r.v[kAvgElapsedTime] >= kSlowMs ? 1.0 : 0.0);
    w.Field("delayedLargeQueryPercentage", 0.0);
    w.Field("timeoutPercentage", 0.0);
    w.Field("tableScan", st.table_scan);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteExplain(json::JsonWriter& w, const Statement& statement, int64_t server_id) {
  const uint64_t h = UidHash(PlanUid(statement.sql_id, server_id));
  w.StartObject();
  w.Key("rootOperations");
  w.StartArray();
  WriteNode(w, statement.plan, statement, h, 0);
  w.EndArray();
  w.EndObject();
}

}  // namespace mock::families::sql_diagnostics
