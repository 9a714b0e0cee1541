// The classification of a validation proxy's verdicts (proxy_check.h), and the proxy command's
// start: its first line is its URL, and a command that ends without one is named.
#include "contract_tests/support/proxy_check.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace contract {
namespace {

constexpr char kResponseError[] =
    R"([{"location":["response","body","data","clusterId"],"severity":"Error",)"
    R"("code":"additionalProperties","message":"Response body property data must NOT have )"
    R"(additional properties; it has clusterId"}])";
constexpr char kRequestError[] =
    R"([{"location":["request","query","size"],"severity":"Error","code":"type",)"
    R"("message":"Request query parameter size must be integer"}])";
constexpr char kRouteNotFound[] =
    R"([{"location":["request"],"severity":"Warning","message":"Selected route not found"}])";

TEST(ProxyVerdicts, NoHeaderIsNoViolation) {
  const ProxyVerdict v = ClassifyViolations("Suite.Test", 200, "");
  EXPECT_TRUE(v.failures.empty());
  EXPECT_EQ(0, v.response_violations + v.request_violations_expected);
}

TEST(ProxyVerdicts, AResponseViolationFailsWhateverTheStatus) {
  for (long status : {200L, 404L, 500L}) {
    const ProxyVerdict v = ClassifyViolations("Suite.Test", status, kResponseError);
    ASSERT_EQ(1u, v.failures.size()) << status;
    EXPECT_EQ(1, v.response_violations);
    EXPECT_NE(std::string::npos, v.failures[0].find("response.body.data.clusterId (Error)"))
        << v.failures[0];
    EXPECT_NE(std::string::npos, v.failures[0].find("it has clusterId")) << v.failures[0];
  }
}

TEST(ProxyVerdicts, ARequestViolationFailsOnlyWhenTheMockAcceptedIt) {
  const ProxyVerdict accepted = ClassifyViolations("Suite.Test", 200, kRequestError);
  ASSERT_EQ(1u, accepted.failures.size());
  EXPECT_EQ(1, accepted.request_violations_accepted);
  EXPECT_NE(std::string::npos, accepted.failures[0].find("the document refuses"));
  for (long status : {400L, 401L, 404L, 503L}) {
    const ProxyVerdict refused = ClassifyViolations("Suite.Test", status, kRequestError);
    EXPECT_TRUE(refused.failures.empty()) << status;
    EXPECT_EQ(1, refused.request_violations_expected) << status;
  }
}

TEST(ProxyVerdicts, AnAcceptedPathTheDocumentLacksFails) {
  EXPECT_EQ(1u, ClassifyViolations("Suite.Test", 200, kRouteNotFound).failures.size());
  EXPECT_TRUE(ClassifyViolations("Suite.Test", 404, kRouteNotFound).failures.empty());
}

TEST(ProxyVerdicts, AResponseWarningIsOnlyCounted) {
  const ProxyVerdict v = ClassifyViolations(
      "Suite.Test", 200,
      R"([{"location":["response","headers"],"severity":"Warning","message":"m"}])");
  EXPECT_TRUE(v.failures.empty());
  EXPECT_EQ(1, v.other);
  ASSERT_EQ(1u, v.warnings.size());
  EXPECT_EQ("response.headers (Warning): m", v.warnings[0]);
}

TEST(ProxyVerdicts, AHeaderThatIsNotTheArrayFails) {
  // Prism's own form beyond 8 kB: never read as no violation.
  const ProxyVerdict v =
      ClassifyViolations("Suite.Test", 200, R"(Too many violations! [{"location":)");
  ASSERT_EQ(1u, v.failures.size());
  EXPECT_NE(std::string::npos, v.failures[0].find("Too many violations!"));
}

TEST(ProxyVerdicts, AnAllowanceCoversItsTestAndLocationOnly) {
  constexpr char kPage[] =
      R"([{"location":["request","query","page"],"severity":"Error","code":"minimum",)"
      R"("message":"Request query parameter page must be >= 1"}])";
  const std::string paging = "PageAndSize/PagingEdge.ResolvesAsSpringDataDoes/4";
  const ProxyVerdict tolerated = ClassifyViolations(paging, 200, kPage);
  EXPECT_TRUE(tolerated.failures.empty());
  EXPECT_EQ(1, tolerated.tolerated);
  // Another test, a parameter it does not name, or an answer's violation: no allowance.
  EXPECT_EQ(1u, ClassifyViolations("Paging.Other", 200, kPage).failures.size());
  EXPECT_EQ(1u, ClassifyViolations(paging, 200, kRouteNotFound).failures.size());
  EXPECT_EQ(1u, ClassifyViolations(paging, 200, kResponseError).failures.size());
  // Where Prism is wrong: every violation of that one test.
  const ProxyVerdict slash =
      ClassifyViolations("ErrorEnvelope.TrailingSlashIsTheSameList", 200, kResponseError);
  EXPECT_TRUE(slash.failures.empty());
  EXPECT_EQ(1, slash.excepted);
}

TEST(ProxyCommand, ItsFirstLineIsTheProxysUrl) {
  ProxyUnderTest proxy("sh -c 'echo \"$0/proxied\"; exec sleep 30'", "http://127.0.0.1:9");
  EXPECT_EQ("http://127.0.0.1:9/proxied", proxy.base_url());
}

TEST(ProxyCommand, ACommandThatEndsWithoutAUrlIsNamed) {
  try {
    ProxyUnderTest proxy("false", "http://127.0.0.1:9");
    ADD_FAILURE() << "no error for a command that printed nothing";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string::npos, std::string(e.what()).find("OCP_PROXY_COMMAND (false)"))
        << e.what();
  }
}

}  // namespace
}  // namespace contract
