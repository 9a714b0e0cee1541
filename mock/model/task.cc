#include "mock/model/task.h"

#include <algorithm>
#include <array>
#include <utility>

namespace mock::model {
namespace {

template <typename Enum, size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Names<TaskStatus, 3> kTaskStatus{{{TaskStatus::kRunning, "RUNNING"},
                                            {TaskStatus::kFailed, "FAILED"},
                                            {TaskStatus::kSuccessful, "SUCCESSFUL"}}};
constexpr Names<TaskType, 4> kTaskType{{{TaskType::kManual, "MANUAL"},
                                        {TaskType::kSysOnece, "SYS_ONECE"},
                                        {TaskType::kScheduled, "SCHEDULED"},
                                        {TaskType::kSysScheduled, "SYS_SCHEDULED"}}};
constexpr Names<SubtaskStatus, 6> kSubtaskStatus{{{SubtaskStatus::kPending, "PENDING"},
                                                  {SubtaskStatus::kReady, "READY"},
                                                  {SubtaskStatus::kRunning, "RUNNING"},
                                                  {SubtaskStatus::kCanceling, "CANCELING"},
                                                  {SubtaskStatus::kFailed, "FAILED"},
                                                  {SubtaskStatus::kSuccessful, "SUCCESSFUL"}}};
constexpr Names<Operation, 5> kOperation{{{Operation::kExecute, "EXECUTE"},
                                          {Operation::kRetry, "RETRY"},
                                          {Operation::kRollback, "ROLLBACK"},
                                          {Operation::kSkip, "SKIP"},
                                          {Operation::kCancel, "CANCEL"}}};

template <typename Enum, size_t N>
std::string_view NameOf(const Names<Enum, N>& names, Enum v) {
  for (const auto& [value, name] : names) {
    if (value == v) return name;
  }
  return "";
}

template <typename Enum, size_t N>
std::optional<Enum> ValueOf(const Names<Enum, N>& names, std::string_view s) {
  for (const auto& [value, name] : names) {
    if (name == s) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(TaskStatus v) { return NameOf(kTaskStatus, v); }
std::string_view ToString(TaskType v) { return NameOf(kTaskType, v); }
std::string_view ToString(SubtaskStatus v) { return NameOf(kSubtaskStatus, v); }
std::string_view ToString(Operation v) { return NameOf(kOperation, v); }

std::optional<TaskStatus> ParseTaskStatus(std::string_view s) { return ValueOf(kTaskStatus, s); }
std::optional<TaskType> ParseTaskType(std::string_view s) { return ValueOf(kTaskType, s); }
std::optional<SubtaskStatus> ParseSubtaskStatus(std::string_view s) {
  return ValueOf(kSubtaskStatus, s);
}
std::optional<Operation> ParseOperation(std::string_view s) { return ValueOf(kOperation, s); }

Subtask* Task::FindSubtask(int64_t subtask_id) {
  for (Subtask& s : subtasks) {
    if (s.id == subtask_id) return &s;
  }
  return nullptr;
}

const Subtask* Task::FindSubtask(int64_t subtask_id) const {
  return const_cast<Task*>(this)->FindSubtask(subtask_id);
}

}  // namespace mock::model
