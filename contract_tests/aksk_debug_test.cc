// ocp-mock at --log-level debug helps a client author whose AK/SK signature is refused.
#include <gtest/gtest.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"
#include "tools/client/signing.h"

namespace fs = std::filesystem;

namespace contract {
namespace {

// A client author whose AK/SK signature is refused finds, at --log-level debug, the string the
// server signed (never the secret), to compare with their own.
TEST(Binary, AnAkSkMismatchLogsTheStringToSignAtDebug) {
  const fs::path log =
      fs::temp_directory_path() / ("ocpmock-aksk-debug-" + std::to_string(getpid()) + ".log");
  MockProcess mock(OCPMOCK_BINARY, {"--time-scale", "0"},
                   MockProcess::Options{"debug", log.string()});
  const std::string target = "/api/v2/tasks/instances?size=1";
  HttpClient anonymous(mock.base_url(), std::nullopt, std::nullopt);
  HttpResult r = anonymous.Send(
      "GET", target,
      AkSkHeaders(mock.base_url(), target, "cqammmxBpfGjFlto", "wrong-secret", std::time(nullptr)),
      false);
  EXPECT_EQ(401, r.status) << r.body;
  mock.Stop();
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  fs::remove(log);
  EXPECT_NE(std::string::npos,
            text.str().find("AK/SK signature from cqammmxBpfGjFlto does not match; the server "
                            "signed (newlines as \\n): GET\\n"))
      << text.str();
  EXPECT_EQ(std::string::npos, text.str().find("2fc0c299cc94c6be266f2ceece765d4d"))
      << "the secret is never logged";
}

}  // namespace
}  // namespace contract
