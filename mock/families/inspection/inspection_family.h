// OCP's inspection endpoints as the public MCP server calls them (docs/reference/
// ocp-alarms-and-inspection.md §5: no version of OCP's documentation has a page for them, so
// every shape is the client's, tagged `client`, and the rest the mock's; docs/inspection.md):
//  - GET  /api/v2/inspection/task: the inspection tasks (one per report), newest first, paged;
//    inspectionObjectTypes, tags, taskStates, name;
//  - GET  /api/v2/inspection/overview: the objects of one type that can be inspected, paged;
//    objectIds, inspectionObjectType, scheduleStates, name, parentName;
//  - GET  /api/v2/inspection/report/{id}: one report, with its items' results once it ended;
//  - GET  /api/v2/inspection/report/info: the last SUCCESSFUL report of each object (tagId,
//    objectType required; objectId);
//  - GET  /api/v2/inspection/report/info/item/{itemId}: the same, each with that item's result;
//  - POST /api/v2/inspection/run: inspectionObjectType, objectIds, tag as query parameters (no
//    body): one "Inspection" task on the mock clock, one report per object, answered as the
//    task (async-task-instance).
// The objects are the clusters, tenants and hosts the entity store shows (OB_PROXY has none:
// docs/inspection.md); the items are the catalogue's (fixtures/inspection/, rows of the
// resource pattern "inspectionItems": /__mock/inspectionItems, reset, reload). Reports are held
// beside it (inspection_reports.h) and forgotten by POST /__mock/reset (all, or
// only=inspectionItems) and by a reload. Every route needs CLUSTER_VIEWER (mock).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mock/entities/entity_store.h"
#include "mock/families/inspection/inspection_reports.h"
#include "mock/listing/list_spec.h"
#include "mock/resources/resource_family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class InspectionFamily : public resources::ResourceFamily {
 public:
  static const resources::ResourceSpec kSpec;

  // The stores, `clock` and `schemas` must outlive the family; `seed` chooses which objects the
  // catalogue's `seeded` items fail.
  InspectionFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                   std::optional<resources::ResourceSource> source, const tasks::MockClock& clock,
                   tasks::TaskStore& tasks, const entities::EntityStore& entities, uint64_t seed);

  void Reset() const override;
  StatusOr<Commit> PrepareReload(size_t& count) const override;

 protected:
  std::vector<api::Route> OcpRoutes() const override;
  // inspection_operations.cc
  std::vector<api::Operation> OcpOperations() const override;

 private:
  StatusOr<api::Reply> Tasks(const QueryParams& params) const;
  StatusOr<api::Reply> Overview(const QueryParams& params) const;
  StatusOr<api::Reply> ReportDetail(int64_t id) const;
  StatusOr<api::Reply> ReportInfo(const QueryParams& params, std::optional<int64_t> item_id) const;
  StatusOr<api::Reply> Run(const QueryParams& params, const auth::User* user) const;

  // The objects of `type` the entity store shows now, by id.
  std::vector<inspection::Object> Objects(const std::string& type) const;
  // Each report's task as the task store has it now.
  std::vector<inspection::TaskState> States(const std::vector<inspection::Report>& r) const;

  listing::ListSpec list_;  // page, size and sort of the task list and the overview
  const tasks::MockClock& clock_;
  tasks::TaskStore& tasks_;
  const entities::EntityStore& entities_;
  const uint64_t seed_;
  mutable inspection::InspectionReports reports_;
};

}  // namespace mock::families
