// obdeploy's OCP takeover (docs/reference/ocp-client-flows.md 4.2, 4.5), which no ocp-doc branch
// documents as an API page (en.oceanbase.com pages EP-PRE and EP-TO give the bodies):
//  - POST /api/v2/ob/clusters/takeOverPreCheck: the body checked (takeover-precheck-request),
//    then data {result {valid, messages}}, the shape of OCP's documented sibling pre-checks;
//    what it answers is the mock's setting (below);
//  - POST /api/v2/ob/clusters/takeOver: the body checked (takeover-request: a missing or
//    wrong-typed field is invalidParameter naming it; proxy mode without clusterName is
//    invalidParameter naming it; a cluster of that name held already is nameExists; hosts
//    OCP does not hold need hostInfo with hostTypeId and a credentialId of the password box,
//    else invalidParameter naming the field; a pre-check set to fail is badRequest, as the FAQ
//    shows a takeover failing with its pre-check's error); then the "Take over cluster" task
//    in the task store, answered as a TaskInstance with `clusterId` (obdeploy reads data.id
//    and data.clusterId). The cluster, its zones and its new hosts are in the entity store from
//    then on, tied to the task and shown only once it is SUCCESSFUL (a failed subtask retried
//    to success brings them). A refusal changes nothing.
//  - /__mock/takeover (GET; PUT schemas/takeover-setting.schema.json): what the mock pretends
//    the address reaches (the cluster's name, obClusterId, version, zones and servers), the
//    pre-check's answer, and a subtask that fails on its first run. POST /__mock/reset (part
//    `takeover`) puts the default back.
// Both OCP routes need an authenticated user (the mock has no "create cluster" permission).
// docs/takeover.md gives every choice and its provenance.
#pragma once

#include <string>
#include <vector>

#include "mock/core/thread_annotations.h"
#include "mock/entities/entity_store.h"
#include "mock/families/takeover/credentials_family.h"
#include "mock/families/takeover/takeover_cluster.h"
#include "mock/json/schema_set.h"
#include "mock/reply/family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class TakeoverFamily : public api::Family {
 public:
  // Everything given must outlive the family; `credentials` answers hostInfo.credentialId.
  TakeoverFamily(tasks::TaskStore& tasks, entities::EntityStore& entities,
                 const tasks::MockClock& clock, const json::SchemaSet* schemas,
                 const CredentialsFamily& credentials)
      : tasks_(tasks),
        entities_(entities),
        clock_(clock),
        schemas_(schemas),
        credentials_(credentials) {}

  std::string_view Name() const override { return "takeover"; }
  std::vector<api::Route> Routes() const override;
  // One per route (takeover_operations.cc).
  std::vector<api::Operation> Operations() const override;
  void Reset() const override;
  bool Resets() const override { return true; }

 private:
  StatusOr<api::Reply> PreCheck(const std::string& body) const;
  StatusOr<api::Reply> TakeOver(const std::string& body, const auth::User* user) const;
  StatusOr<api::Reply> PutSetting(const std::string& body) const;
  takeover::Setting Current() const OCPMOCK_EXCLUDES(mutex_);
  // The body checked against `schema`, and proxy mode's clusterName.
  StatusOr<rapidjson::Document> Checked(const std::string& body, const char* schema) const;
  // Whether a cluster named `name` is held (shown, or its takeover still running).
  Status NotHeld(const std::string& name) const;
  // Puts the task `make(id)` builds in the task store under an id no task has.
  StatusOr<tasks::TaskSnapshot> StartTask(
      const std::function<StatusOr<model::Task>(int64_t id)>& make) const;

  tasks::TaskStore& tasks_;
  entities::EntityStore& entities_;
  const tasks::MockClock& clock_;
  const json::SchemaSet* schemas_;
  const CredentialsFamily& credentials_;
  mutable Mutex mutex_;
  mutable takeover::Setting setting_ OCPMOCK_GUARDED_BY(mutex_);
};

}  // namespace mock::families
