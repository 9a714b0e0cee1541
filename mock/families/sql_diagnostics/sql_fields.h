// The numeric fields of an SQL performance row (GET .../topSql, .../slowSql): their names as the
// docs' field table and sample give them (docs/reference/ocp-monitor-and-sql.md §4), alike in
// every version, and whether each is an Integer. searchAttr and filterExpression name them.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace mock::families::sql_diagnostics {

struct SqlField {
  std::string_view name;
  bool integer = false;
};

enum SqlFieldIndex : size_t {
  kExecutions,
  kExecPs,
  kAvgElapsedTime,
  kMaxElapsedTime,
  kAvgCpuTime,
  kMaxCpuTime,
  kAvgExecuteTime,
  kAvgGetPlanTime,
  kAvgDecodeTime,
  kAvgQueueTime,
  kAvgWaitTime,
  kAvgWaitCount,
  kAvgApplicationWaitTime,
  kAvgConcurrencyWaitTime,
  kAvgUserIoWaitTime,
  kAvgScheduleTime,
  kAvgNetTime,
  kAvgNetWaitTime,
  kAvgAffectedRows,
  kAvgReturnRows,
  kAvgPartitionCount,
  kAvgRpcCount,
  kAvgExecutorRpcCount,
  kAvgRowCacheHit,
  kAvgBloomFilterCacheHit,
  kAvgBlockCacheHit,
  kAvgBlockIndexCacheHit,
  kAvgDiskReads,
  kAvgMemstoreReadRows,
  kAvgSsstoreReadRows,
  kFailCount,
  kFailPercentage,
  kRetryCount,
  kMissPlanPercentage,
  kLocalPlanPercentage,
  kRemotePlanPercentage,
  kDistPlanPercentage,
  kTableScanPercentage,
  kStrongConsistencyPercentage,
  kWeakConsistencyPercentage,
  kRetCode4012Count,
  kRetCode4013Count,
  kRetCode5001Count,
  kRetCode5024Count,
  kRetCode5167Count,
  kRetCode5217Count,
  kRetCode6002Count,
  kSqlFieldCount
};

inline constexpr std::array<SqlField, kSqlFieldCount> kSqlFields = {{
    {"executions", true},
    {"execPs", false},
    {"avgElapsedTime", false},
    {"maxElapsedTime", false},
    {"avgCpuTime", false},
    {"maxCpuTime", false},
    {"avgExecuteTime", false},
    {"avgGetPlanTime", false},
    {"avgDecodeTime", false},
    {"avgQueueTime", false},
    {"avgWaitTime", false},
    {"avgWaitCount", false},
    {"avgApplicationWaitTime", false},
    {"avgConcurrencyWaitTime", false},
    {"avgUserIoWaitTime", false},
    {"avgScheduleTime", false},
    {"avgNetTime", false},
    {"avgNetWaitTime", false},
    {"avgAffectedRows", false},
    {"avgReturnRows", false},
    {"avgPartitionCount", false},
    {"avgRpcCount", false},
    {"avgExecutorRpcCount", false},
    {"avgRowCacheHit", false},
    {"avgBloomFilterCacheHit", false},
    {"avgBlockCacheHit", false},
    {"avgBlockIndexCacheHit", false},
    {"avgDiskReads", false},
    {"avgMemstoreReadRows", false},
    {"avgSsstoreReadRows", false},
    {"failCount", true},
    {"failPercentage", false},
    {"retryCount", true},
    {"missPlanPercentage", false},
    {"localPlanPercentage", false},
    {"remotePlanPercentage", false},
    {"distPlanPercentage", false},
    {"tableScanPercentage", false},
    {"strongConsistencyPercentage", false},
    {"weakConsistencyPercentage", false},
    {"retCode4012Count", true},
    {"retCode4013Count", true},
    {"retCode5001Count", true},
    {"retCode5024Count", true},
    {"retCode5167Count", true},
    {"retCode5217Count", true},
    {"retCode6002Count", true},
}};

// The index of the field named `name` (exact case), if any.
inline std::optional<size_t> SqlFieldNamed(std::string_view name) {
  for (size_t i = 0; i < kSqlFields.size(); ++i) {
    if (kSqlFields[i].name == name) return i;
  }
  return std::nullopt;
}

}  // namespace mock::families::sql_diagnostics
