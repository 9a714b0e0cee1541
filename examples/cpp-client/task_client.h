// A small OCP task client, of the kind a client project (obdiag, obdeploy, a terraform
// provider) has: it retries a failed task and waits for a task to finish, riding out the
// transient failures a real OCP shows (503s, dropped connections). The tests beside it run it
// against ocp-mock.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace example {

struct HttpAnswer {
  long status = 0;  // 0: no answer (connection reset, timeout)
  std::string body;
};

class TaskClient {
 public:
  TaskClient(std::string base_url, std::string user, std::string password);

  // POST /api/v2/tasks/instances/{id}/retry; true when OCP accepted it.
  bool Retry(long long task_id);

  // The task's status ("RUNNING", "FAILED", "SUCCESSFUL"), asking again (at most `attempts`
  // times) when the answer is a 5xx or no answer at all; nullopt when every attempt failed.
  std::optional<std::string> Status(long long task_id, int attempts = 5);

  // Polls until the task is no longer RUNNING; `between_polls` runs between two polls (a real
  // client sleeps there; a test moves the mock's clock). nullopt after `max_polls`.
  std::optional<std::string> WaitDone(long long task_id, const std::function<void()>& between_polls,
                                      int max_polls = 100);

  HttpAnswer Send(const std::string& method, const std::string& target,
                  const std::string& body = "") const;

 private:
  std::string base_url_;
  std::string credentials_;  // "user:password"
};

}  // namespace example
