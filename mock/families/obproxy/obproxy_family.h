// OCP's OBProxy clusters (docs/reference/ocp-client-flows.md 3.5), as the terraform provider
// for private OCP uses them, documented alike in every version from 3.1.1 to 4.2.2:
//  - POST /api/v2/obproxy/clusters: the body checked (create-obproxy-cluster-request: a missing
//    or wrong-typed field is invalidParameter naming it; a name held is nameExists; a hostId or
//    an obLink naming nothing is invalidParameter naming the field), then the "Install obproxy"
//    task put in the task store; the cluster shows once that task is SUCCESSFUL;
//  - GET /api/v2/obproxy/clusters: a page of the clusters shown (Spring's page, size, sort by
//    id, name, createTime, updateTime; id ascending by default), each as its detail;
//  - GET /api/v2/obproxy/clusters/{id}: the obproxyCluster; an id not shown is recordNotFound;
//  - DELETE /api/v2/obproxy/clusters/{id}: the "Offline obproxy" task; the cluster goes once it
//    is SUCCESSFUL; a second delete while one runs is badRequest.
//  - GET /api/v2/obproxy/clusters/{id}/parameters: the cluster's OBProxy parameters
//    (obproxy_parameters.h; docs/reference/ocp-tenant-objects-and-obproxy.md §4); an id not shown
//    is as the detail's.
// Every route needs an authenticated user only, as each page says. A refusal changes nothing.
//
// Data: fixtures/obproxy-clusters/*.json (schemas/obproxy-cluster-file.schema.json), with
// /__mock/obproxyClusters, reset and reload from ResourceFamily. What a task decides is looked up
// on every read, as for tenants (mock/entities/entity_store.h): a failed install that is retried
// to success brings its cluster, a failed offline leaves it. GET /__mock/obproxyClusters lists
// every row held, those whose install has not succeeded or whose offline has included.
// docs/terraform.md gives every choice where the docs are silent.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "mock/core/thread_annotations.h"
#include "mock/entities/entity_store.h"
#include "mock/listing/list_spec.h"
#include "mock/quirks/quirks.h"
#include "mock/resources/resource_family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class ObproxyFamily : public resources::ResourceFamily {
 public:
  static const resources::ResourceSpec kSpec;
  // The list's declaration: the page documents no parameter but Spring's paging (its sample asks
  // page=1&size=10); the sort keys are the mock's.
  static const listing::ListSpec kList;

  // The stores, `clock` and `schemas` must outlive the family. `quirks`: client-ids adds the
  // new cluster's id to the creation's answer as `obproxyClusterId` (client_ids.h).
  ObproxyFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                std::optional<resources::ResourceSource> source, tasks::TaskStore& tasks,
                entities::EntityStore& entities, const tasks::MockClock& clock,
                api::Quirks quirks = {});

  void Reset() const override;
  StatusOr<Commit> PrepareReload(size_t& count) const override;

 protected:
  std::vector<api::Route> OcpRoutes() const override;
  // One per OCP route (obproxy_operations.cc).
  std::vector<api::Operation> OcpOperations() const override;

 private:
  // The rows tied to a task (by row id: the task's id), and those tasks' statuses when looked.
  struct View {
    std::map<int64_t, int64_t> installing;
    std::map<int64_t, int64_t> offlining;
    std::map<int64_t, std::optional<model::TaskStatus>> status;

    std::optional<model::TaskStatus> Of(int64_t task_id) const;
    bool Visible(int64_t row_id) const;
    bool HoldsName(int64_t row_id) const;
    bool Offlining(int64_t row_id) const;  // its offline task runs
  };
  View Look() const OCPMOCK_EXCLUDES(mutex_);

  StatusOr<api::Reply> List(const QueryParams& params) const;
  StatusOr<api::Reply> Get(int64_t id) const;
  StatusOr<api::Reply> Parameters(int64_t id) const;
  StatusOr<api::Reply> Create(const std::string& body, const auth::User* user) const;
  StatusOr<api::Reply> Delete(int64_t id, const auth::User* user) const;
  // Puts the task `make(id)` builds in the task store under an id no task has.
  StatusOr<tasks::TaskSnapshot> StartTask(
      const std::function<StatusOr<model::Task>(int64_t id)>& make) const;

  tasks::TaskStore& tasks_;
  entities::EntityStore& entities_;
  const tasks::MockClock& clock_;
  api::Quirks quirks_;
  mutable Mutex mutex_;
  mutable std::map<int64_t, int64_t> installing_ OCPMOCK_GUARDED_BY(mutex_);
  mutable std::map<int64_t, int64_t> offlining_ OCPMOCK_GUARDED_BY(mutex_);
};

}  // namespace mock::families
