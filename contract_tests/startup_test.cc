// ocp-mock's start-up as a program: every flag checked and the port bound before any fixture is
// read, a signal during the load stopping it without ever serving, bad values said in words, and
// docs/running.md's flag table kept to `ocp-mock --help`.
//
// The slow load is deliberate, not large: a FIFO among the fixture files. The mock's read of it
// waits until this test writes it, so "during the load" is a fact, not a race; nothing sleeps.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <string.h>  // sigabbrev_np
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <regex>
#include <set>
#include <sstream>

#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"

namespace contract {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// ocp-mock with `args`, its stdout and stderr captured apart; killed if still running at the end.
class Child {
 public:
  explicit Child(const std::vector<std::string>& args) {
    std::vector<std::string> all = {OCPMOCK_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    int to_out[2], to_err[2];
    if (pipe2(to_out, O_CLOEXEC) != 0 || pipe2(to_err, O_CLOEXEC) != 0) {
      throw std::runtime_error("pipe");
    }
    pid_ = fork();
    if (pid_ == 0) {
      dup2(to_out[1], STDOUT_FILENO);
      dup2(to_err[1], STDERR_FILENO);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(to_out[1]);
    close(to_err[1]);
    fds_[0] = to_out[0];
    fds_[1] = to_err[0];
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    for (int fd : fds_) {
      if (fd >= 0) close(fd);
    }
  }

  // Reads the output until stderr holds `text` (true), or the child exits or `limit` passes.
  bool AwaitLog(const std::string& text, milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    while (err.find(text) == std::string::npos) {
      if (!ReadSome(deadline)) return err.find(text) != std::string::npos;
    }
    return true;
  }
  // Reads the output until the child exits (true; its status in `status`) or `limit` passes.
  bool AwaitExit(milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    while (fds_[0] >= 0 || fds_[1] >= 0) {
      if (!ReadSome(deadline)) return false;
    }
    waitpid(pid_, &status, 0);  // both ends closed: it has exited
    exited_ = true;
    return true;
  }
  // The exit code, or -1 when it did not exit normally.
  int code() const { return exited_ && WIFEXITED(status) ? WEXITSTATUS(status) : -1; }
  pid_t pid() const { return pid_; }

  std::string out, err;
  int status = -1;

 private:
  // One read of whatever arrives first; false at the deadline or when both pipes are closed.
  bool ReadSome(Clock::time_point deadline) {
    pollfd p[2] = {{fds_[0], POLLIN, 0}, {fds_[1], POLLIN, 0}};
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
    if (left <= 0 || (fds_[0] < 0 && fds_[1] < 0)) return false;
    if (poll(p, 2, static_cast<int>(left)) <= 0) return false;
    for (int i = 0; i < 2; ++i) {
      if (fds_[i] < 0 || p[i].revents == 0) continue;
      char buf[4096];
      ssize_t n = read(fds_[i], buf, sizeof buf);
      if (n <= 0) {
        close(fds_[i]);
        fds_[i] = -1;
      } else {
        (i == 0 ? out : err).append(buf, static_cast<size_t>(n));
      }
    }
    return true;
  }

  pid_t pid_ = -1;
  int fds_[2] = {-1, -1};
  bool exited_ = false;
};

// A fixture folder whose tasks/slow.json is a FIFO: a mock that reads it waits for this test.
class SlowFixtures {
 public:
  SlowFixtures()
      : root_(fs::temp_directory_path() /
              ("ocpmock-startup-" + std::to_string(getpid()) + "-" + std::to_string(counter_++))) {
    fs::create_directories(root_ / "tasks");
    if (mkfifo(fifo().c_str(), 0600) != 0) throw std::runtime_error("mkfifo failed");
  }
  ~SlowFixtures() {
    if (writer_ < 0) Release();  // frees a mock, or an opener below, still waiting on it
    if (writer_ >= 0) close(writer_);
    fs::remove_all(root_);
  }
  std::string dir() const { return root_.string(); }
  fs::path fifo() const { return root_ / "tasks" / "slow.json"; }

  // Opens the FIFO for writing, which returns once the mock has opened it to read it, that is,
  // while it loads; false if that has not happened within `limit`.
  bool AwaitReader(milliseconds limit) {
    auto opened = std::async(std::launch::async,
                             [path = fifo()] { return open(path.c_str(), O_WRONLY | O_CLOEXEC); });
    if (opened.wait_for(limit) == std::future_status::ready) {
      writer_ = opened.get();
      return writer_ >= 0;
    }
    int reader = open(fifo().c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);  // frees the opener
    close(opened.get());
    close(reader);
    return false;
  }
  // Writes one valid task and closes the FIFO: the mock's read of it ends.
  void Release() {
    if (writer_ < 0) writer_ = open(fifo().c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (writer_ < 0) return;  // no mock reads it
    const std::string doc = R"({"format":"ocp-mock-fixtures/1","tasks":[{"task":{"id":1,)"
                            R"("name":"t","status":"SUCCESSFUL","creator":{"id":1,"name":"a"},)"
                            R"("subtasks":[]}}]})";
    // The mock may have gone already: EPIPE, without the SIGPIPE that would end this test.
    sigset_t pipe_signal, before;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &before);
    if (write(writer_, doc.data(), doc.size()) < 0 && errno == EPIPE) {
      const timespec now{};
      sigtimedwait(&pipe_signal, nullptr, &now);
    }
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    close(writer_);
    writer_ = -2;
  }

 private:
  static inline int counter_ = 0;
  fs::path root_;
  int writer_ = -1;
};

std::vector<std::string> MockArgs(const SlowFixtures& fixtures, std::vector<std::string> more) {
  std::vector<std::string> args = {"--no-auth", "--log-level", "info", "--fixtures",
                                   fixtures.dir()};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// A signal to send, which GoogleTest prints (test lists, names, failures) by its name.
struct Signal {
  int number;
};

void PrintTo(const Signal& s, std::ostream* os) { *os << "SIG" << sigabbrev_np(s.number); }

// SIGTERM or SIGINT while the fixtures load: the load stops (here once the read of the FIFO ends),
// the mock exits 128 + the signal within a second, on its own and not by the grace period's
// force, and never prints the ready line. Meanwhile the port is bound, every request a JSON 503.
class StopWhileLoading : public testing::TestWithParam<Signal> {};

TEST_P(StopWhileLoading, EndsTheLoadAndNeverServes) {
  SlowFixtures fixtures;
  Child mock(MockArgs(fixtures, {"--port", "0"}));
  ASSERT_TRUE(fixtures.AwaitReader(milliseconds(20'000))) << mock.err;
  EXPECT_TRUE(mock.AwaitLog("; loading the fixtures", milliseconds(5'000))) << mock.err;
  std::smatch bound;
  if (std::regex_search(mock.err, bound, std::regex("bound (http://127\\.0\\.0\\.1:[0-9]+);"))) {
    HttpResult health =
        HttpClient(bound[1], std::nullopt, std::nullopt).Send("GET", "/__mock/health");
    EXPECT_EQ(503, health.status) << health.body;
    EXPECT_NE(std::string::npos, health.body.find("loading its fixtures")) << health.body;
  }
  const auto signalled = Clock::now();
  ASSERT_EQ(0, kill(mock.pid(), GetParam().number));
  EXPECT_TRUE(mock.AwaitLog("while loading the fixtures: stopping", milliseconds(3'000)))
      << mock.err;
  fixtures.Release();  // the read ends; the load stops there
  const bool exited = mock.AwaitExit(milliseconds(3'000));
  const auto took = Clock::now() - signalled;
  if (!exited) mock.AwaitExit(milliseconds(20'000));
  EXPECT_TRUE(exited && took < std::chrono::seconds(1))
      << "exited " << exited << " after " << std::chrono::duration_cast<milliseconds>(took).count()
      << " ms";
  EXPECT_EQ(128 + GetParam().number, mock.code()) << mock.err;
  EXPECT_EQ(std::string::npos, mock.out.find("listening on")) << "served anyway: " << mock.out;
  // Whether the cooperative stop or the 500 ms fallback ended it depends on how fast this test
  // writes the FIFO on a loaded machine; the cooperative stop itself is checked without timing
  // by FixtureLoaderTest.AStoppedLoadReadsNoFurtherFile.
}

INSTANTIATE_TEST_SUITE_P(Signals, StopWhileLoading,
                         testing::Values(Signal{SIGTERM}, Signal{SIGINT}),
                         [](const testing::TestParamInfo<Signal>& p) {
                           return testing::PrintToString(p.param);
                         });

// A load that cannot stop (the mock waits on a file that never ends) does not keep a stopped mock
// alive: it exits all the same, within a second, saying so.
TEST(Startup, AStopDoesNotWaitForAFileThatBlocks) {
  SlowFixtures fixtures;
  Child mock(MockArgs(fixtures, {"--port", "0"}));
  ASSERT_TRUE(fixtures.AwaitReader(milliseconds(20'000))) << mock.err;
  const auto signalled = Clock::now();
  ASSERT_EQ(0, kill(mock.pid(), SIGTERM));
  const bool exited = mock.AwaitExit(milliseconds(3'000));
  const auto took = Clock::now() - signalled;
  fixtures.Release();
  if (!exited) mock.AwaitExit(milliseconds(20'000));
  EXPECT_TRUE(exited && took < std::chrono::seconds(1))
      << "exited " << exited << " after " << std::chrono::duration_cast<milliseconds>(took).count()
      << " ms";
  EXPECT_EQ(128 + SIGTERM, mock.code()) << mock.err;
  EXPECT_EQ(std::string::npos, mock.out.find("listening on")) << mock.out;
  EXPECT_NE(std::string::npos, mock.err.find("exiting without waiting")) << mock.err;
}

// A port in use and a bad flag value are reported at once: the mock never opens a fixture.
TEST(Startup, APortInUseOrABadValueIsReportedBeforeAnyFixtureIsRead) {
  MockProcess first(OCPMOCK_BINARY, {"--no-auth"});
  const std::string port = first.base_url().substr(first.base_url().rfind(':') + 1);
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string says;
  };
  for (const Case& c : {Case{{"--port", port}, 1, "cannot listen on 127.0.0.1:" + port},
                        Case{{"--port", "0", "--quirks", "nope"}, 2, "--quirks"},
                        Case{{"--port", "0", "--faults", "/nonexistent/faults.json"},
                             2,
                             "/nonexistent/faults.json"}}) {
    SlowFixtures fixtures;
    Child mock(MockArgs(fixtures, c.args));
    const bool exited = mock.AwaitExit(milliseconds(3'000));
    fixtures.Release();  // an old mock reads the fixtures first: let it get to the refusal
    if (!exited) mock.AwaitExit(milliseconds(20'000));
    std::string args;
    for (const std::string& a : c.args) args += " " + a;
    EXPECT_TRUE(exited) << args << ": waited for the fixtures first";
    EXPECT_EQ(c.code, mock.code()) << mock.err;
    EXPECT_NE(std::string::npos, mock.err.find(c.says)) << mock.err;
  }
}

struct Ran {
  int code;
  std::string out, err;
};

// Runs ocp-mock with `args` to its end (at most 20 s).
Ran RunToEnd(const std::vector<std::string>& args) {
  Child child(args);
  child.AwaitExit(milliseconds(20'000));
  return {child.code(), child.out, child.err};
}

TEST(Startup, BadValuesAreSaidInWords) {
  Ran port = RunToEnd({"--port", "70000"});
  EXPECT_NE(0, port.code);
  EXPECT_NE(std::string::npos, port.err.find("70000 is not a port number: give 0 to 65535"))
      << port.err;
  EXPECT_EQ(std::string::npos, port.err.find("Could not convert")) << port.err;

  Ran fixtures = RunToEnd({"--port", "0", "--fixtures", "/nonexistent"});
  EXPECT_EQ(2, fixtures.code);
  EXPECT_NE(std::string::npos, fixtures.err.find("--fixtures /nonexistent: no such folder"))
      << fixtures.err;
  EXPECT_EQ(std::string::npos, fixtures.err.find("-:")) << fixtures.err;

  Ran bind = RunToEnd({"--port", "0", "--bind", "300.1.1.1"});
  EXPECT_EQ(2, bind.code);
  EXPECT_NE(std::string::npos, bind.err.find("--bind: 300.1.1.1 is not an IPv4 address"))
      << bind.err;
  EXPECT_EQ(std::string::npos, bind.err.find("Failed to get")) << bind.err;

  Ran clock = RunToEnd({"--port", "0", "--clock-start", "2026-12-01 08:00"});
  EXPECT_NE(0, clock.code);
  EXPECT_NE(std::string::npos,
            clock.err.find("2026-12-01 08:00 is not a time: give ISO-8601 with an offset"))
      << clock.err;
}

// docs/running.md's flag table lists exactly the flags `ocp-mock --help` lists, and so does its
// synopsis: neither can drift from the program.
TEST(Startup, RunningMdListsEveryFlagOfHelp) {
  Ran help = RunToEnd({"--help"});
  ASSERT_EQ(0, help.code) << help.err;
  std::set<std::string> flags;
  std::istringstream lines(help.out);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;  // "  --port UINT..." or "  -h,--help ..."
    if (std::regex_search(line, m, std::regex("^  (?:-[a-z],)?(--[a-z][a-z0-9-]*)"))) {
      flags.insert(m[1]);
    }
  }
  ASSERT_GT(flags.size(), 20u) << help.out;
  std::ifstream in(fs::path(OCPMOCK_SOURCE_DIR) / "docs/running.md");
  std::set<std::string> table, synopsis;
  const std::regex option("\\[(--[a-z][a-z0-9-]*)");
  bool in_synopsis = false;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, std::regex("^\\| `(--[a-z][a-z0-9-]*)"))) table.insert(m[1]);
    if (line.rfind("ocp-mock [", 0) == 0) in_synopsis = true;
    if (in_synopsis) {
      for (std::sregex_iterator it(line.begin(), line.end(), option), end; it != end; ++it) {
        synopsis.insert((*it)[1]);
      }
      if (line.rfind("```", 0) == 0) in_synopsis = false;
    }
  }
  for (const std::string& flag : flags) {
    EXPECT_TRUE(table.count(flag)) << flag << " is not in docs/running.md's flag table";
    EXPECT_TRUE(synopsis.count(flag)) << flag << " is not in docs/running.md's synopsis";
  }
  for (const std::string& flag : table) {
    EXPECT_TRUE(flags.count(flag)) << flag << " is in docs/running.md but not in --help";
  }
}

}  // namespace
}  // namespace contract
