// OCP's alert events (docs/reference/ocp-alarms-and-inspection.md §1 to §3; the MCP server's
// calls: docs/reference/ocp-client-calls.md §1.2), alike in every version from 3.1.1 to 4.2.2
// but for the error codes and, from 4.2.0, the names of appType and scope (alarm.h, Vocabulary):
//  - GET /api/v2/alarm/alarms: a page of alert events, newest first (the docs' sample), with
//    the documented filters appType, scope, level, status, activeAtStart, activeAtEnd,
//    isSubscribedByMe and keyword;
//  - GET /api/v2/alarm/alarms/{id}: one event; an unknown id is recordNotFound (mock).
// The events follow the world on the mock clock: every read first observes the hosts, tenants
// and tasks the other families serve (alarm_conditions.h) and opens or resolves alarms at
// MockClock::NowMs() (alarm_book.h). Reading needs CLUSTER_VIEWER, whose grants include
// ALARM:*:READ (docs/reference/ocp-default-roles.md).
//
// Steering (Access::kControl, docs/alarms.md):
//  - GET  /__mock/alarms: every alarm held, as served;
//  - POST /__mock/alarms: raises one (schemas/raise-alarm-request.schema.json), 400 naming the
//    field when the body is wrong; answers the alarm;
//  - POST /__mock/alarms/{id}/resolve: resolves it now (404 unknown, 400 resolved already);
//  - POST /__mock/reset (all, or only=alarms): every alarm forgotten, ids from the start.
#pragma once

#include <vector>

#include "mock/core/thread_annotations.h"
#include "mock/entities/entity_store.h"
#include "mock/families/alarms/alarm_book.h"
#include "mock/json/schema_set.h"
#include "mock/listing/list_spec.h"
#include "mock/reply/family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class AlarmsFamily : public api::Family {
 public:
  // The stores, `clock` and `schemas` must outlive the family; nullptr `schemas` refuses every
  // raise. `ocp_version` chooses the documented vocabulary (alarm.h, Vocabulary).
  AlarmsFamily(tasks::TaskStore& tasks, const entities::EntityStore& entities,
               const tasks::MockClock& clock, const json::SchemaSet* schemas,
               std::string_view ocp_version);

  std::string_view Name() const override { return "alarms"; }
  std::vector<api::Route> Routes() const override;
  // alarms_operations.cc
  std::vector<api::Operation> Operations() const override;
  void Reset() const override;
  bool Resets() const override { return true; }

  // The FAILED tasks the world's alarms read at most, newest first (docs/alarms.md, "Bounds").
  static constexpr int32_t kMaxFailedTasks = 2000;

 private:
  StatusOr<api::Reply> List(const QueryParams& params) const;
  StatusOr<api::Reply> Detail(int64_t id) const;
  StatusOr<api::Reply> Raise(const std::string& body) const;
  StatusOr<api::Reply> Resolve(int64_t id) const;
  api::Reply Held() const;

  // Opens and resolves the world's alarms at now; returns now.
  int64_t Observe() const OCPMOCK_EXCLUDES(observe_mutex_);

  tasks::TaskStore& tasks_;
  const entities::EntityStore& entities_;
  const tasks::MockClock& clock_;
  const json::SchemaSet* schemas_;
  const alarms::Vocabulary& words_;
  listing::ListSpec list_;
  mutable alarms::AlarmBook book_;
  // Makes each observation (reading the stores, then the book) one step, so that a read that
  // saw the world before a change cannot reopen an alarm a later read resolved. Only Observe
  // takes it, outermost: the stores it reads never call a family.
  mutable Mutex observe_mutex_;
};

}  // namespace mock::families
