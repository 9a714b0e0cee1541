// OCP's arbitration services (docs/reference/ocp-client-flows.md 3.6, 3.7), as the terraform
// provider for private OCP uses them. No ocp-doc branch has a page for them; the en.oceanbase.com
// pages (EP-ARB-L, -C, -D) give the list, the creation and the deletion, and the 4.2.1 and 4.2.2
// user guides make them Enterprise only. So they are served as OCP 4.2.1 and 4.2.2 only (the
// profile's `arbitration`); every other version answers these paths as any unknown path, a 404,
// which the provider reads as "not supported":
//  - GET /api/v2/arbitration/services: a page of services, filtered by hostId, keyword (name,
//    svrIp, description), statusList and tagIdList (the mock's choices of fields and sort keys:
//    docs/terraform.md);
//  - POST /api/v2/arbitration/services: the body checked (create-arbitration-service-request:
//    a missing or wrong-typed field, a clientToken outside 8..64 characters, is invalidParameter
//    naming it; a hostId naming no host, or a host running an OBServer, is invalidParameter
//    naming hostId; a service on that host and port is OBE50020), then the "Create arbitration
//    service" task; the service shows, RUNNING, once that task is SUCCESSFUL;
//  - GET /api/v2/arbitration/services/{id}: the service (no page: provenance `client`, the
//    provider reads data.{id, name, status}); an id not shown is recordNotFound
//    (ARBITRATION_SERVICE);
//  - DELETE /api/v2/arbitration/services/{id}/delete: the "Delete arbitration service" task; the
//    service goes once it is SUCCESSFUL; while its creation or deletion runs, OBE50001 naming the
//    id and CREATING or DELETING.
// Permissions (the pages' "read-only permission on the arbitration services", ARBITRATION:CREATE,
// ARBITRATION:DELETE) map to the host permissions, an arbitration service being a process OCP
// installs on one of its hosts: HOST_VIEWER to read, HOST_MANAGER to create and delete (`mock`).
// A refusal changes nothing.
//
// Data: fixtures/arbitration-services/*.json (schemas/arbitration-service-file.schema.json), with
// /__mock/arbitrationServices, reset and reload from ResourceFamily, in every version (the
// control plane is the same whatever the version). As for OBProxy clusters, what a task decides
// is looked up on every read: a failed creation retried to success brings its service, a failed
// deletion leaves it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mock/core/thread_annotations.h"
#include "mock/entities/entity_store.h"
#include "mock/listing/list_spec.h"
#include "mock/quirks/quirks.h"
#include "mock/resources/resource_family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class ArbitrationFamily : public resources::ResourceFamily {
 public:
  static const resources::ResourceSpec kSpec;

  struct Options {
    bool served = true;  // the version has arbitration services (its profile's `arbitration`)
    api::Quirks quirks = {};
  };

  // The stores, `clock` and `schemas` must outlive the family.
  ArbitrationFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                    std::optional<resources::ResourceSource> source, tasks::TaskStore& tasks,
                    entities::EntityStore& entities, const tasks::MockClock& clock,
                    Options options);

  void Reset() const override;
  StatusOr<Commit> PrepareReload(size_t& count) const override;

 protected:
  std::vector<api::Route> OcpRoutes() const override;
  // One per OCP route (arbitration_operations.cc).
  std::vector<api::Operation> OcpOperations() const override;

 private:
  // The rows tied to a task (by row id: the task's id), and those tasks' statuses when looked.
  struct View {
    std::map<int64_t, int64_t> creating;
    std::map<int64_t, int64_t> deleting;
    std::map<int64_t, std::optional<model::TaskStatus>> status;

    std::optional<model::TaskStatus> Of(int64_t task_id) const;
    bool Visible(int64_t row_id) const;
    bool HoldsPort(int64_t row_id) const;
    // "CREATING" or "DELETING" while the row's creation or deletion runs.
    std::optional<std::string> Busy(int64_t row_id) const;
  };
  View Look() const OCPMOCK_EXCLUDES(mutex_);
  void Forget() const OCPMOCK_EXCLUDES(mutex_);

  StatusOr<api::Reply> List(const QueryParams& params) const;
  StatusOr<api::Reply> Get(int64_t id) const;
  StatusOr<api::Reply> Create(const std::string& body, const auth::User* user) const;
  StatusOr<api::Reply> Delete(int64_t id, const auth::User* user) const;

  listing::ListSpec list_;
  tasks::TaskStore& tasks_;
  entities::EntityStore& entities_;
  const tasks::MockClock& clock_;
  const Options options_;
  mutable Mutex mutex_;
  mutable std::map<int64_t, int64_t> creating_ OCPMOCK_GUARDED_BY(mutex_);
  mutable std::map<int64_t, int64_t> deleting_ OCPMOCK_GUARDED_BY(mutex_);
};

}  // namespace mock::families
