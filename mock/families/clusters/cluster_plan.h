// The OceanBase cluster a creation asks for, and the rules that decide whether it may be made
// (docs/reference/ocp-resources-api.md 6.5, ocp-client-flows.md 3.2): pure functions over a
// checked request body and a snapshot of the hosts, and admissions the entity store runs under
// its lock. No store is called here.
//
//   auto plan = PlanCluster(body, visible_hosts);        // unknown, repeated or OFFLINE hosts
//   store.Check(MayCreate(plan.value(), statuses));      // the name and every host free
//   entities::Doc doc = entities::MakeCluster(NewClusterOf(plan.value(), ...), id);
//
// Where the docs are silent (docs/terraform.md lists each with its provenance):
//  - `mock`: a server naming no host, named twice, or OFFLINE, or a host serving a cluster OCP
//    holds, is invalidParameter naming the field (zones[0].servers[1]): OCP's tables have 7005
//    "The host <{0}:{1}> does not exist" and 7004 "The host {0} is offline or in use" but no
//    page says this endpoint answers them, and the mock has no kind for them; two zones of one
//    name likewise (zones[1].name);
//  - `mock`: a host serves a cluster when the cluster lists it among its zones' servers, or the
//    host's services name the cluster (OB_CLUSTER "name:obClusterId"); a cluster whose creation
//    failed (or whose task is gone), or whose deletion succeeded, holds neither its hosts nor its
//    name;
//  - `doc`: a name held is kClusterExists (11014 "The cluster to be created already exists.");
//  - `mock`: the version is the RPM's ("oceanbase-2.2.73-20201211175814.el7.x86_64.rpm" is 2.2.73,
//    as the sample's context pairs them).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/entities/created_entities.h"
#include "mock/entities/entity_store.h"

namespace mock::families::clusters {

struct ClusterPlan {
  struct Zone {
    std::string name;
    std::string idc_name;
    std::vector<entities::Row> hosts;  // in the request's order
    std::vector<std::string> fields;   // each host's field: "zones[0].servers[1]"
  };
  std::string name;
  std::string type;      // PRIMARY or STANDBY
  std::string rpm_name;  // "oceanbase-2.2.73-20201211175814.el7.x86_64.rpm"
  std::string ob_version;
  std::vector<Zone> zones;

  std::vector<int64_t> HostIds() const;
};

// The cluster `body` (valid against create-ob-cluster-request) asks for on `hosts` (the ones
// visible now); invalidParameter naming the field otherwise.
StatusOr<ClusterPlan> PlanCluster(const rapidjson::Value& body,
                                  const std::vector<entities::Row>& hosts);

// "2.2.73" from "oceanbase-2.2.73-20201211175814.el7.x86_64.rpm", "4.2.1.0" from
// "oceanbase-ce-4.2.1.0-100000102023.el7.x86_64.rpm"; the text itself without a digit.
std::string ObVersionOfRpm(const std::string& rpm);

// --quirks zone-rpm-name: `body` with the first zone's rpmName at the top level when it has no
// rpmName and every zone gives one (what the terraform provider sends); `body` as it is otherwise.
std::string WithZoneRpmName(const std::string& body);

// The cluster document's description: `plan` as OCP's cluster `ob_cluster_id`, by `creator` at
// `now`.
entities::NewCluster NewClusterOf(const ClusterPlan& plan, int64_t ob_cluster_id,
                                  const std::string& creator, const std::string& now);

// Under the entity store's lock: `plan`'s name and hosts free (kClusterExists, invalidParameter
// naming the host's field), by `statuses` (taken before: no store is called under the lock).
// `plan` and `statuses` must outlive the admission.
entities::EntityStore::Admission MayCreate(const ClusterPlan& plan,
                                           const entities::TaskStatuses& statuses);
// One more than any obClusterId the store holds (1 when none), read under its lock.
entities::EntityStore::Admission NextObClusterId(int64_t& out);

// Under the entity store's lock: cluster `id` not being deleted already (badRequest naming the
// task otherwise), by `statuses`, which must outlive the admission.
entities::EntityStore::Admission NotLeaving(int64_t id, const entities::TaskStatuses& statuses);

// The hosts `cluster` (an ObCluster) runs on, among `hosts`: those its zones list, and those
// whose services name it; ascending.
std::vector<int64_t> HostsOf(const rapidjson::Value& cluster,
                             const std::vector<entities::Row>& hosts);

}  // namespace mock::families::clusters
