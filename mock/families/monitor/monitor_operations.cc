// What each of the monitor family's routes is (reply/operation.h), for the OpenAPI documents; the
// /__mock/metricGroups ones are ResourceFamily's. The facts: docs/reference/ocp-monitor-and-sql.md
// §1 and §2; the choices: docs/monitor.md.
#include "mock/families/monitor/metric_query.h"
#include "mock/families/monitor/monitor_family.h"
#include "mock/reply/list_params.h"
#include "mock/reply/sample_files.h"

namespace mock::families {

using api::Operation;
using api::Param;
using api::Provenance;
using ocp::ErrorKind;

namespace {

std::vector<Param> MetricsWithLabelParams() {
  const std::string time = "ISO-8601 with an offset, as 2020-02-16T05:32:16+08:00 (doc). ";
  return {
      {.name = "startTime",
       .format = "date-time",
       .description = time + "The docs' table says start_time, its sample and the MCP server "
                             "startTime: both are read (doc, client). Absent: 30 minutes before "
                             "endTime (mock; the docs mark it required)."},
      {.name = "endTime",
       .format = "date-time",
       .description = time + "Also read as end_time. Absent: now on the mock clock (mock)."},
      {.name = "metrics",
       .repeated = true,
       .required = true,
       .description = "Metric keys as GET /api/v2/monitor/metricGroups lists them; at most 20 "
                      "(mock)."},
      {.name = "groupBy",
       .repeated = true,
       .description = "Labels to group by: app, ob_cluster_name, obregion (its name before "
                      "4.2.1, doc), ob_cluster_id, obzone, svr_ip, tenant_name (mock: the "
                      "docs name the first four)."},
      {.name = "interval",
       .type = "integer",
       .default_value = "60",
       .minimum = 1,
       .description = "Seconds; the step is at least this and a multiple of it (doc; the "
                      "default is the mock's)."},
      {.name = "labels",
       .repeated = true,
       .description = "Filters, name:value or name=value (doc: app:ob,ob_cluster_name=foo)."},
      {.name = "minStep",
       .type = "integer",
       .default_value = "0",
       .minimum = 0,
       .description = "The least step in seconds (doc)."},
      {.name = "maxPoints",
       .type = "integer",
       .default_value = "1440",
       .minimum = 1,
       .maximum = monitor::kMaxPoints,
       .description = "The most points per series (doc); the step is raised until the range "
                      "holds no more (mock: the docs give no rule). At most 10,000 (mock)."},
  };
}

}  // namespace

std::vector<Operation> MonitorFamily::OcpOperations() const {
  api::ListFacts facts;
  std::vector<Param> group_params = api::ListParams(list_, facts);
  group_params.push_back({.name = "target",
                          .description = "OBCLUSTER or OBPROXY (the MCP server's docstring); "
                                         "taken and ignored (mock).",
                          .provenance = Provenance::kClient});
  group_params.push_back({.name = "targetId",
                          .type = "integer",
                          .description = "Taken and ignored (mock).",
                          .provenance = Provenance::kClient});
  return {
      {.method = "GET",
       .pattern = "/api/v2/monitor/metricGroups",
       .id = "listMetricGroups",
       .summary = "Query the metadata of monitoring metrics: a page of metric categories",
       .description = "type and scope filter (doc: both required; absent, the mock does not "
                      "filter). The 4.x samples spell the CPU group's description "
                      "\"Description\": an erratum (contract_tests/samples/README.md).",
       .params = group_params,
       .answer = {.schema = "metric-category-list-response"},
       .errors = api::ListErrors(list_),
       .samples = api::SampleFiles("query-metric-groups")},
      {.method = "GET",
       .pattern = "/api/v2/monitor/metricsWithLabel",
       .id = "queryMetricsWithLabel",
       .summary = "Query monitoring data grouped by labels",
       .description = "Deterministic series from the mock's load model (docs/monitor.md): the "
                      "same query at the same clock and seed gives the same bytes. Points are "
                      "multiples of the step within [startTime, endTime] and never after now.",
       .params = MetricsWithLabelParams(),
       .answer = {.schema = "metrics-with-label-response"},
       .errors = {ErrorKind::kInvalidParameter, ErrorKind::kTimeRangeInvalid},
       .samples = api::SampleFiles("query-metrics-with-label")},
      {.method = "POST",
       .pattern = "/__mock/metricOverrides",
       .id = "mockAddMetricOverride",
       .summary = "Steers a metric: its value or a scale over a time window on matching series",
       .description = "At most 100 between resets (mock). Undone by DELETE, POST /__mock/reset "
                      "and a reload.",
       .provenance = Provenance::kMock,
       .body = api::Body{.schema = "metric-override-request"},
       .answer = {.description = "`data`: the override with its id"},
       .errors = {ErrorKind::kBadRequest, ErrorKind::kInvalidParameter}},
      {.method = "GET",
       .pattern = "/__mock/metricOverrides",
       .id = "mockListMetricOverrides",
       .summary = "The metric overrides held, in the order added",
       .provenance = Provenance::kMock,
       .answer = {.description = "`data`: an array of overrides"}},
      {.method = "DELETE",
       .pattern = "/__mock/metricOverrides/{id}",
       .id = "mockRemoveMetricOverride",
       .summary = "Removes one metric override",
       .provenance = Provenance::kMock,
       .answer = {.schema = "no-data-response"},
       .errors = {ErrorKind::kNotFound}},
  };
}

}  // namespace mock::families
