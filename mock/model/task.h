// The task data the mock serves: OCP's TaskInstance with its cluster, tenant, creator and
// subtasks, plus fixture-only facts (the hosts a task ran on) that never appear in a response.
//
// Plain value types; no JSON, no HTTP. Optional fields mirror fields OCP omits when null.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mock::model {

enum class TaskStatus { kRunning, kFailed, kSuccessful };
enum class TaskType { kManual, kSysOnece, kScheduled, kSysScheduled };
enum class SubtaskStatus { kPending, kReady, kRunning, kCanceling, kFailed, kSuccessful };
enum class Operation { kExecute, kRetry, kRollback, kSkip, kCancel };

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

// A point in time as OCP renders it: the original text (offset and precision kept, so a
// fixture's timestamp is served byte for byte) and the instant it denotes, for sorting.
struct Timestamp {
  std::string text;
  int64_t epoch_ms = 0;
};

// Parses ISO-8601 `YYYY-MM-DDThh:mm:ss[.f{1,9}](Z|+hh:mm|-hh:mm)`; nullopt when malformed.
std::optional<Timestamp> ParseTimestamp(std::string_view text);

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

struct Subtask {
  int64_t id = 0;
  std::string name;
  std::string description;
  SubtaskStatus status = SubtaskStatus::kPending;
  Operation operation = Operation::kExecute;
};

struct Task {
  int64_t id = 0;
  std::string name;
  TaskStatus status = TaskStatus::kRunning;
  TaskType type = TaskType::kManual;
  Creator creator;
  std::optional<Cluster> cluster;
  std::optional<Tenant> tenant;
  std::optional<Timestamp> create_time;
  std::optional<Timestamp> start_time;
  std::optional<Timestamp> finish_time;
  std::vector<Subtask> subtasks;
  // Fixture-only: the hosts the task ran on, for the `hostId` filter.
  std::vector<int64_t> host_ids;
};

}  // namespace mock::model
