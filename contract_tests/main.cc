// The contract suite's entry point: sets up the server under test (mock or live, see
// support/server_under_test.h) before the first test and stops it after the last.
#include <gtest/gtest.h>

#include <curl/curl.h>

#include "contract_tests/support/server_under_test.h"

namespace {

class ServerEnvironment : public testing::Environment {
 public:
  void SetUp() override { contract::ServerUnderTest::Get(); }
  void TearDown() override { contract::ServerUnderTest::Shutdown(); }
};

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  testing::AddGlobalTestEnvironment(new ServerEnvironment);
  int rc = RUN_ALL_TESTS();
  curl_global_cleanup();
  return rc;
}
