#include "mock/model/subtask_log.h"

namespace mock::model {
namespace {

// "2021-08-25T15:09:32.7+08:00" -> "2021-08-25 15:09:32.700".
std::string LogTime(const Timestamp& at) {
  std::string text = std::string(at.text().substr(0, 19));
  if (text.size() > 10) text[10] = ' ';
  std::string fraction = "000";
  if (at.text().size() > 20 && at.text()[19] == '.') {
    for (size_t i = 0; i < 3 && 20 + i < at.text().size() && std::isdigit(at.text()[20 + i]); ++i) {
      fraction[i] = at.text()[20 + i];
    }
  }
  return text + "." + fraction;
}

}  // namespace

std::string LogHeader(Operation operation, const Timestamp& at) {
  return "############{" + std::string(ToString(operation)) + "}{" + std::string(at.text()) +
         "}############\n";
}

std::string LogLine(const Timestamp& at, std::string_view level, std::string_view message) {
  std::string line = LogTime(at) + "  " + std::string(level);
  line += " 1 --- [pool-subtask-executor-thread-1] c.o.o.task.SubtaskExecutor  : ";
  line += message;
  line += "\n\n";
  return line;
}

std::string InitialLog(const Subtask& s) {
  if (!s.start_time) return "";
  std::string log = LogHeader(s.operation, *s.start_time);
  log += LogLine(*s.start_time, "INFO",
                 "Run subtask, id=" + std::to_string(s.id) + ", name=" + s.name +
                     (s.executor ? ", executor=" + *s.executor : ""));
  if (s.finish_time &&
      (s.status == SubtaskStatus::kSuccessful || s.status == SubtaskStatus::kFailed)) {
    log += LogLine(*s.finish_time, s.status == SubtaskStatus::kFailed ? "ERROR" : "INFO",
                   "Set state for subtask: " + std::to_string(s.id) +
                       ", current state: RUNNING, new state: " + std::string(ToString(s.status)));
  }
  return log;
}

std::string LogText(const Subtask& s) {
  return s.initial_log_pending ? InitialLog(s) + s.log : s.log;
}

void SettleLogs(Task& task) {
  for (Subtask& s : task.subtasks) {
    if (!s.initial_log_pending) continue;
    s.log = InitialLog(s) + s.log;
    s.initial_log_pending = false;
  }
}

}  // namespace mock::model
