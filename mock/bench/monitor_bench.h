// ocp-engine-bench's metric series benchmark (issue #28's acceptance: a one-day series at
// one-minute steps for 100 servers answers in under 50 ms): "monitor/day_100_servers" computes
// and writes GET /api/v2/monitor/metricsWithLabel's data for cpu_percent grouped by svr_ip over
// 100 servers with three tenant units each, 1,441 points (docs/monitor.md, "Performance"). The
// sources are built directly, not from the fixtures: the cost is the load model's and the
// writer's, not the topology's (topology/derive times that).
#pragma once

namespace mock::bench {

// Registers "monitor/day_100_servers"; false, after printing why, when the series is not the
// shape it should be (100 groups of 1,441 points).
bool RegisterMonitorBenchmarks();

}  // namespace mock::bench
