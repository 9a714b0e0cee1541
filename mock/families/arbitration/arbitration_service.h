// The arbitration service a creation asks for, and the tasks and JSON of OCP's arbitration pages
// (docs/reference/ocp-client-flows.md 3.6): pure functions over a checked request body and a
// snapshot of the hosts, no store and no lock.
//
//   auto plan = PlanService(body, hosts);   // refuses an unknown host, or one with an OBServer
//   resources::Row row = MakeService(plan.value(), id, now);
//   StatusOr<model::Task> t = ArbitrationTask(ArbitrationTaskKind::kCreate, task_id, now, creator);
//
// Where the docs are silent (docs/terraform.md, "Arbitration services", lists each with its
// provenance):
//  - `mock`: a hostId naming no host is invalidParameter naming hostId, as OBProxy's unknown
//    host is; a host that runs an OBServer is invalidParameter naming hostId with the meaning of
//    4.2.2's OBE50000 ("OBServer has been deployed on the host"), which no error kind carries;
//  - `mock`: a service's name is its address, "10.0.0.18:2886", as OBE50020 and the
//    arbitration alarm name one; it is RUNNING once created; its IP is the host's innerIpAddress;
//  - `doc`: "Delete arbitration service" begins with "Prepare delete arbitration service" and
//    "Uninstall arbitration service" (EP-ARB-D's sample, cut after them); `mock`: "Create
//    arbitration service" mirrors it ("Prepare create arbitration service", "Install arbitration
//    service"), as no create sample is published.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/entities/entity_set.h"
#include "mock/json/json_writer.h"
#include "mock/model/task.h"
#include "mock/quirks/quirks.h"
#include "mock/resources/resource_set.h"

namespace mock::families::arbitration {

struct ServicePlan {
  int64_t host_id = 0;
  std::string ip;  // the host's innerIpAddress
  int64_t port = 0;
  std::string install_path;
  std::optional<std::string> run_path;
  std::string run_user;
  std::optional<std::string> description;
};

// The service `body` (valid against create-arbitration-service-request) asks for, on its host
// found in `hosts` (the ones visible now); invalidParameter naming hostId otherwise.
StatusOr<ServicePlan> PlanService(const rapidjson::Value& body,
                                  const std::vector<entities::Row>& hosts);

// The arbitration service of `plan` with id `id`, RUNNING, created at `now` (a timestamp's text).
resources::Row MakeService(const ServicePlan& plan, int64_t id, const std::string& now);

// A service row's hostId, svrPort (0 when absent) and svrIp ("" when absent).
int64_t HostIdOf(const rapidjson::Value& row);
int64_t PortOf(const rapidjson::Value& row);
std::string IpOf(const rapidjson::Value& row);

// Whether `row` carries a tag whose id is one of `tag_ids`.
bool HasAnyTag(const rapidjson::Value& row, const std::vector<int64_t>& tag_ids);

enum class ArbitrationTaskKind {
  kCreate,  // "Create arbitration service"
  kDelete,  // "Delete arbitration service"
};
// The task, RUNNING, its first subtask READY; it runs on the mock clock like any task (5 s a
// subtask).
StatusOr<model::Task> ArbitrationTask(ArbitrationTaskKind kind, int64_t task_id,
                                      const std::string& now, const model::Creator& creator);

// The TaskInstance in its "subtasks" shape (async-task-instance.schema.json). `service_id`, the
// new service's id, is written as `arbitrationServiceId` only under --quirks client-ids: the
// terraform provider reads it, no doc gives it (mock/quirks/client_ids.h).
void WriteArbitrationTask(json::JsonWriter& w, const model::Task& task, const api::Quirks& quirks,
                          std::optional<int64_t> service_id);

}  // namespace mock::families::arbitration
