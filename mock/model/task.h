// The task data the mock serves: OCP's TaskInstance with its cluster, tenant, creator and
// subtasks, plus fixture-only facts (the hosts a task ran on) that never appear in a response.
//
// Plain value types; no JSON, no HTTP. Optional fields mirror fields OCP omits when null.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/model/timestamp.h"

namespace mock::model {

enum class TaskStatus { kRunning, kFailed, kSuccessful };
enum class TaskType { kManual, kSysOnece, kScheduled, kSysScheduled };
enum class SubtaskStatus { kPending, kReady, kRunning, kCanceling, kFailed, kSuccessful };
enum class Operation { kExecute, kRetry, kRollback, kSkip, kCancel };

// How many values each enum has: tables indexed by them (the task index's) are sized by these,
// so adding a value cannot leave one too small. Keep each equal to its last value + 1.
inline constexpr size_t kTaskStatusCount = static_cast<size_t>(TaskStatus::kSuccessful) + 1;
inline constexpr size_t kTaskTypeCount = static_cast<size_t>(TaskType::kSysScheduled) + 1;

// OCP's wire spelling of each value (`SYS_ONECE` is OCP's own spelling).
std::string_view ToString(TaskStatus v);
std::string_view ToString(TaskType v);
std::string_view ToString(SubtaskStatus v);
std::string_view ToString(Operation v);

// Exact, case-sensitive parse of a wire spelling; nullopt for anything else.
std::optional<TaskStatus> ParseTaskStatus(std::string_view s);
std::optional<TaskType> ParseTaskType(std::string_view s);
std::optional<SubtaskStatus> ParseSubtaskStatus(std::string_view s);
std::optional<Operation> ParseOperation(std::string_view s);

struct Cluster {
  int64_t id = 0;
  std::string name;
  int64_t ob_cluster_id = 0;
  std::string type;  // PRIMARY or STANDBY
};

struct Tenant {
  int64_t id = 0;
  std::string name;
  int64_t ob_tenant_id = 0;
  std::string mode;  // MYSQL or ORACLE
};

struct Creator {
  int64_t id = 0;
  std::string name;
};

// What a subtask does when it runs: fixture-only, never in a response.
struct SubtaskScript {
  int64_t duration_ms = 5000;     // how long each run takes, in mock-clock time
  std::vector<int> fail_on_runs;  // 1-based runs that end FAILED; every other run succeeds
};

struct Subtask {
  int64_t id = 0;
  std::string name;
  std::string description;
  SubtaskStatus status = SubtaskStatus::kPending;
  Operation operation = Operation::kExecute;
  // WrappedTaskInstance details. Fixtures may omit them; the loader fills consistent values.
  int64_t series_id = 0;
  int32_t timeout = 300;  // seconds
  std::optional<std::string> executor;
  int32_t run_time = 0;  // how many times it has run
  std::string node_type = "JAVA_TASK";
  int32_t parallel_idx = -1;
  std::vector<int64_t> upstreams;
  std::vector<int64_t> downstreams;
  bool prohibit_rollback = false;
  std::optional<Timestamp> create_time;
  std::optional<Timestamp> start_time;
  std::optional<Timestamp> finish_time;
  std::string log;  // the log text so far, lines separated by "\n"
  // Loaded without a log: the log begins with InitialLog(*this), made from the subtask as loaded.
  // It is made when asked for or when the task first changes (SettleLogs), not at load, where
  // it would be a third of a large fixture set's memory.
  bool initial_log_pending = false;
  SubtaskScript script;
  // Mock-clock instant at which the current step (a READY wait, a run, a cancel) ends.
  std::optional<int64_t> step_ends_ms;
};

struct Task {
  int64_t id = 0;
  std::string name;
  TaskStatus status = TaskStatus::kRunning;
  TaskType type = TaskType::kManual;
  Operation operation = Operation::kExecute;
  int64_t task_definition_id = -1;
  std::optional<std::string> executor;
  bool prohibit_rollback = false;
  Creator creator;
  std::optional<Cluster> cluster;
  std::optional<Tenant> tenant;
  std::optional<Timestamp> create_time;
  std::optional<Timestamp> start_time;
  std::optional<Timestamp> finish_time;
  std::vector<Subtask> subtasks;
  // Fixture-only: the hosts the task ran on, for the `hostId` filter.
  std::vector<int64_t> host_ids;
  // Changes whenever the task does (TaskStore sets it), so that JSON rendered for one
  // revision can be reused until the next.
  uint64_t revision = 0;

  Subtask* FindSubtask(int64_t subtask_id);
  const Subtask* FindSubtask(int64_t subtask_id) const;
};

}  // namespace mock::model
