// OCP's monitor API (docs/reference/ocp-monitor-and-sql.md §1, §2; docs/monitor.md), alike in
// every version from 3.1.1 to 4.2.2 but for the errors' codes and the obregion label's name:
//  - GET /api/v2/monitor/metricGroups: a page of metric categories, each with its metric groups
//    and metrics; `type` (TOP, NORMAL) and `scope` (CLUSTER, TENANT, HOST, OBPROXY) filters,
//    paging and sorting by the list engine; `target` and `targetId` (the MCP server's) are
//    taken and ignored (mock: no page documents them);
//  - GET /api/v2/monitor/metricsWithLabel: series of the metrics asked, grouped by labels
//    (metric_query.h binds, metric_series.h computes), a pure function of the seed, the metric,
//    the labels, the time and the topology the entity store implies (load_model.h).
// Both need authentication only (doc: "You have passed the authentication").
//
// Data: the catalogue is fixtures/monitor/*.json (schemas/metric-category-file.schema.json),
// with /__mock/metricGroups, reset and reload from ResourceFamily. Steering
// (metric_overrides.h): POST /__mock/metricOverrides (a metric-override-request body) adds an
// override and answers it with its id; GET lists them; DELETE /__mock/metricOverrides/{id}
// removes one; POST /__mock/reset (all, or only=metricGroups) and a reload forget them all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock/entities/entity_store.h"
#include "mock/entities/topology_cache.h"
#include "mock/families/monitor/metric_overrides.h"
#include "mock/listing/list_spec.h"
#include "mock/resources/resource_family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class MonitorFamily : public resources::ResourceFamily {
 public:
  static const resources::ResourceSpec kSpec;

  struct Options {
    uint64_t seed = 0;  // --seed: the load model's
    size_t max_overrides = monitor::MetricOverrides::kDefaultMax;
  };

  // The stores, `clock` and `schemas` must outlive the family.
  MonitorFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                std::optional<resources::ResourceSource> source, tasks::TaskStore& tasks,
                const entities::EntityStore& entities, const tasks::MockClock& clock,
                Options options);

  void Reset() const override;
  StatusOr<Commit> PrepareReload(size_t& count) const override;

 protected:
  std::vector<api::Route> OcpRoutes() const override;
  // monitor_operations.cc
  std::vector<api::Operation> OcpOperations() const override;

 private:
  StatusOr<api::Reply> MetricGroups(const QueryParams& params) const;
  StatusOr<api::Reply> MetricsWithLabel(const QueryParams& params) const;
  StatusOr<api::Reply> AddOverride(const std::string& body) const;
  api::Reply ListOverrides() const;
  StatusOr<api::Reply> RemoveOverride(int64_t id) const;

  // The series sources of the clusters the cluster list shows now.
  std::vector<monitor::Source> Sources() const;

  listing::ListSpec list_;
  tasks::TaskStore& tasks_;
  const entities::EntityStore& entities_;
  const tasks::MockClock& clock_;
  Options options_;
  entities::TopologyCache cache_;
  mutable monitor::MetricOverrides overrides_;
};

}  // namespace mock::families
