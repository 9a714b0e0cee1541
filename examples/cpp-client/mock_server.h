// Starts ocp-mock as a child process for a test, the way a client project's CI does: on a free
// port (--port 0), reading the ready line it prints rather than sleeping, and stopping it when
// the object goes away.
//
//   MockServer mock({"--time-scale", "0"});
//   TaskClient client(mock.url(), "admin", "Admin@123");
#pragma once

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace example {

class MockServer {
 public:
  // The binary is $OCP_MOCK, else `ocp-mock` on the PATH.
  explicit MockServer(const std::vector<std::string>& args) {
    const char* env = std::getenv("OCP_MOCK");
    const std::string binary = env != nullptr && *env != '\0' ? env : "ocp-mock";
    std::vector<std::string> argv_s = {binary, "--port", "0", "--log-level", "warn"};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      std::vector<char*> argv;
      for (auto& a : argv_s) argv.push_back(a.data());
      argv.push_back(nullptr);
      execvp(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    stdout_ = fdopen(out[0], "r");
    // Blocks until the ready line: "listening on http://127.0.0.1:PORT".
    char line[512];
    while (std::fgets(line, sizeof line, stdout_) != nullptr) {
      const std::string text(line);
      const size_t at = text.find("http://");
      if (text.rfind("listening on ", 0) == 0 && at != std::string::npos) {
        url_ = text.substr(at, text.find_last_not_of("\r\n") + 1 - at);
        return;
      }
    }
    Stop();
    throw std::runtime_error(binary + " exited before it was ready");
  }
  ~MockServer() { Stop(); }
  MockServer(const MockServer&) = delete;
  MockServer& operator=(const MockServer&) = delete;

  const std::string& url() const { return url_; }

 private:
  void Stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
    if (stdout_ != nullptr) {
      std::fclose(stdout_);
      stdout_ = nullptr;
    }
  }

  pid_t pid_ = -1;
  FILE* stdout_ = nullptr;
  std::string url_;
};

}  // namespace example
