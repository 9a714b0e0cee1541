#include "mock/entities/operation_tasks.h"

#include <array>

#include "mock/model/task_state.h"

namespace mock::entities {
namespace {

struct SubtaskDef {
  const char* name;
  int series_id;
  int timeout;
};

// In the documented chain's order; the first is READY, the others PENDING.
constexpr std::array<SubtaskDef, 10> kCreateTenant = {{
    {"Prepare create tenant", 6, 30},
    {"Create ob tenant", 4, 1200},
    {"Sync tenant information", 5, 300},
    {"Set super user password", 0, 300},
    {"Set whitelist", 3, 300},
    {"Set system variables", 7, 300},
    {"Set ob tenant parameters", 2, 300},
    {"Update tenant status", 8, 300},
    {"Import tenant srs info", 9, 600},
    {"Import tenant time zone info", 1, 600},
}};

constexpr std::array<SubtaskDef, 5> kPrepareHost = {{
    {"Pre check for create host", 1, 1800},
    {"Uninstall legacy obagent", 3, 2100},
    {"Uninstall legacy ocp agent", 2, 600},
    {"Install ocp agent", 0, 5400},
    {"Update host status", 4, 1800},
}};

// The documented chain (the samples list the subtasks by id; this is their upstream order); the
// samples' "tasks" shape has no series ids nor timeouts: series ids are the chain's order,
// timeouts the mock's.
constexpr std::array<SubtaskDef, 23> kCreateCluster = {{
    {"Prepare install cluster", 0, 300},
    {"Pre check for install OB", 1, 600},
    {"Wait node", 2, 600},
    {"Install rpm", 3, 1800},
    {"Wait node", 4, 600},
    {"Make dir for ob", 5, 300},
    {"Wait node", 6, 600},
    {"Do io bench", 7, 1800},
    {"Bootstrap ob", 8, 3600},
    {"Restart observer process", 9, 600},
    {"Wait observer accessible", 10, 1200},
    {"Set sys password", 11, 300},
    {"Create default user", 12, 300},
    {"Set sys Primary Zone", 13, 300},
    {"Wait cluster accessible", 14, 1200},
    {"Refresh ocp agent config", 15, 300},
    {"Wait node", 16, 600},
    {"Start ocp agent service", 17, 600},
    {"Sync cluster info", 18, 300},
    {"Sync all tenant information", 19, 600},
    {"Update OB cluster status", 20, 300},
    {"Trigger compaction", 21, 1800},
    {"Link obproxy", 22, 600},
}};

constexpr std::array<SubtaskDef, 6> kDeleteCluster = {{
    {"Prepare delete cluster", 0, 300},
    {"Stop ocp agent service", 1, 600},
    {"Wait node", 2, 600},
    {"Clean observer host", 3, 1800},
    {"Delete cluster info", 4, 300},
    {"Unreserve host", 5, 300},
}};

// The mock's (docs/takeover.md): OCP documents no takeover task.
constexpr std::array<SubtaskDef, 6> kTakeOverCluster = {{
    {"Takeover precheck", 0, 600},
    {"Import cluster metadata", 1, 1200},
    {"Import hosts", 2, 1800},
    {"Install ocp agent", 3, 5400},
    {"Switch config url", 4, 600},
    {"Update cluster status", 5, 300},
}};

// The subtasks, one after another. Each field not set here keeps model::Subtask's default,
// which is what the fixture reader gives a subtask that has not run: no executor, runTime 0,
// JAVA_TASK, parallelIdx -1, the default script (5 s, succeeds), a log made when first asked.
template <size_t N>
std::vector<model::Subtask> Subtasks(const std::array<SubtaskDef, N>& defs, int64_t task_id,
                                     const model::Timestamp& created) {
  // Subtask ids follow from the task's, in series order, so they are unique in the mock.
  auto id_of = [&](size_t i) { return task_id * 100 + defs[i].series_id; };
  std::vector<model::Subtask> subtasks(N);
  for (size_t i = 0; i < N; ++i) {
    model::Subtask& s = subtasks[i];
    s.id = id_of(i);
    s.name = defs[i].name;
    s.description = defs[i].name;
    s.status = i == 0 ? model::SubtaskStatus::kReady : model::SubtaskStatus::kPending;
    s.operation = model::Operation::kExecute;
    s.series_id = defs[i].series_id;
    s.timeout = defs[i].timeout;
    if (i > 0) s.upstreams = {id_of(i - 1)};
    if (i + 1 < N) s.downstreams = {id_of(i + 1)};
    s.create_time = created;
    s.initial_log_pending = true;
  }
  return subtasks;
}

template <size_t N>
StatusOr<model::Task> Build(const TaskSpec& spec, const char* name,
                            const std::array<SubtaskDef, N>& defs) {
  auto refuse = [&](const std::string& why) {
    return InternalError(std::string(name) + " task: " + why);
  };
  auto start = model::ParseTimestamp(spec.start_time);
  if (!start) return refuse("'" + spec.start_time + "' is not a valid date and time");
  if (spec.tenant && !spec.cluster) return refuse("a task with a tenant must also have a cluster");
  model::Task task;
  task.id = spec.task_id;
  task.name = name;
  task.status = model::TaskStatus::kRunning;
  task.type = model::TaskType::kManual;
  task.creator = spec.creator;
  task.cluster = spec.cluster;
  task.tenant = spec.tenant;
  task.create_time = start;
  task.start_time = start;
  task.subtasks = Subtasks(defs, spec.task_id, *start);
  task.host_ids = spec.host_ids;
  if (auto impossible = model::ImpossibleState(task)) return refuse(*impossible);
  return task;
}

}  // namespace

StatusOr<model::Task> CreateTenantTask(const TaskSpec& spec) {
  return Build(spec, "Create tenant", kCreateTenant);
}

StatusOr<model::Task> PrepareHostTask(const TaskSpec& spec) {
  return Build(spec, "Prepare host", kPrepareHost);
}

StatusOr<model::Task> CreateClusterTask(const TaskSpec& spec) {
  const bool standby = spec.cluster && spec.cluster->type == "STANDBY";
  return Build(spec, standby ? "Create standby OB cluster" : "Create primary OB cluster",
               kCreateCluster);
}

StatusOr<model::Task> DeleteClusterTask(const TaskSpec& spec) {
  const bool standby = spec.cluster && spec.cluster->type == "STANDBY";
  return Build(spec, standby ? "Delete standby OB cluster" : "Delete primary OB cluster",
               kDeleteCluster);
}

StatusOr<model::Task> TakeOverClusterTask(const TaskSpec& spec) {
  return Build(spec, "Take over cluster", kTakeOverCluster);
}

}  // namespace mock::entities
