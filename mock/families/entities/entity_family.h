// OCP's clusters, tenants and hosts (docs/reference/ocp-resources-api.md §2 to §4, §6): the
// seven lists and details, and the operations that create tasks (create, delete, lock and unlock
// a tenant; add hosts). Their state is the entity store below the families, which the task
// family's tasks drive.
#pragma once

#include "mock/families/entities/entity_handlers.h"
#include "mock/families/entities/entity_operations.h"
#include "mock/reply/family.h"

namespace mock::families {

class EntityFamily : public api::Family {
 public:
  // `async_create_tenant`: the version has POST .../tenants/createTenant (4.0.0 on). The stores,
  // `clock` and `schemas` must outlive the family. `quirks`: client-ids adds `id` and `hostIds`
  // to batchCreate's answer (client_ids.h).
  EntityFamily(const api::EntityContext& context, const tasks::MockClock& clock,
               const json::SchemaSet* schemas, bool async_create_tenant, api::Quirks quirks = {})
      : handlers_(context),
        operations_(context, clock, schemas, quirks),
        async_create_tenant_(async_create_tenant) {}

  std::string_view Name() const override { return "entities"; }
  std::vector<api::Route> Routes() const override;
  // entity_family_operations.cc
  std::vector<api::Operation> Operations() const override;

 private:
  api::EntityHandlers handlers_;
  api::EntityOperations operations_;
  bool async_create_tenant_;
};

}  // namespace mock::families
