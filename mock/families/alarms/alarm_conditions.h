// The alarms the mock's world calls for at one instant, each keyed by what raises it, from the
// state other families already serve (docs/alarms.md, "Alarms from the world"):
//  - a host whose status is OFFLINE: host_unavailable, level 1 (Stopped), scope Host, appType
//    OCP (doc: the rule's page, §4.1);
//  - a tenant that is locked: ob_tenant_operation_info, level 5 (Reminder), the version's tenant
//    scope and OceanBase appType (doc: §4.3; that it stays open while the tenant is locked is the
//    mock's choice);
//  - a FAILED task: ob_cluster_operation_info (a cluster's task) or ob_tenant_operation_info (a
//    tenant's), level 5, "... FAILED" (doc: §4.2, §4.3); a task with neither is the mock's
//    ocp_task_failed, scope Service, appType OCP.
// `words` (alarm.h) gives the version's names of the scopes and the OceanBase appType.
// Pure functions of their inputs; the alarms carry no id nor times (alarm_book.h gives them).
//
//   std::vector<Alarm> now = HostAlarms(hosts);
#pragma once

#include <vector>

#include "mock/entities/entity_set.h"
#include "mock/families/alarms/alarm.h"
#include "mock/tasks/task_store.h"

namespace mock::families::alarms {

// One alarm per OFFLINE host, keyed "host:ID", by id.
std::vector<Alarm> HostAlarms(const std::vector<entities::Row>& hosts);
// One alarm per locked tenant, keyed "tenant:ID", by id.
std::vector<Alarm> TenantAlarms(const std::vector<entities::Row>& tenants, const Vocabulary& words);
// One alarm per task of `failed` (every one FAILED), keyed "task:ID", in the given order.
std::vector<Alarm> TaskAlarms(const std::vector<tasks::TaskSnapshot>& failed,
                              const Vocabulary& words);

}  // namespace mock::families::alarms
