// Every error case answers with the right status and a schema-valid OCP error envelope (the
// schema check is in ServerUnderTest::Fetch), never a 5xx, a crash or a plain-text body.
#include <gtest/gtest.h>

#include "contract_tests/support/provenance.h"
#include "contract_tests/support/server_under_test.h"
#include "mock/json/json.h"

namespace contract {
namespace {

struct ErrorCase {
  std::string name;  // test name suffix
  std::string method;
  std::string target;
  long status;
  std::string mentions;  // the message must name this (the parameter, usually)
  // Where the answer's rule comes from. kMock: ocp-mock's answer where OCP's docs are silent (a
  // real OCP answers an unknown path with its web app's HTML, and Tomcat drops a parameter
  // with a malformed escape): against a live server, a different answer is an observation.
  Source source = Source::kDoc;
};

// Read by GoogleTest wherever it prints a parameter (test lists, failures): the request and the
// answer it must get.
void PrintTo(const ErrorCase& c, std::ostream* os) {
  *os << c.method << " " << c.target << " -> " << c.status << " mentioning \"" << c.mentions
      << "\"";
  if (c.source != Source::kDoc) *os << " (" << SourceName(c.source) << " rule)";
}

class ErrorCases : public testing::TestWithParam<ErrorCase> {};

TEST_P(ErrorCases, AnswerWithAnErrorEnvelope) {
  const ErrorCase& c = GetParam();
  const ServerUnderTest& server = ServerUnderTest::Get();
  if (server.live() && c.method != "GET") GTEST_SKIP() << "live mode sends GET requests only";
  const std::string request = c.method + " " + c.target;
  if (server.live() && c.source == Source::kMock) {
    HttpResult r = server.client().Send(c.method, c.target);
    const bool envelope = r.body.find("\"error\"") != std::string::npos;
    CheckRule(c.source, "a JSON error envelope for " + c.name, r.status == c.status && envelope,
              request + ": expected HTTP " + std::to_string(c.status) +
                  " with an error envelope; came HTTP " + std::to_string(r.status) + ": " +
                  mock::Excerpt(r.body));
    return;
  }
  TagProvenance(c.source, "the answer to " + c.name);
  Fetched f = server.Fetch(c.target, c.method);
  EXPECT_EQ(c.status, f.http.status) << request << ": " << f.http.body;
  ASSERT_TRUE(f.json.IsObject()) << "not JSON: " << f.http.body;
  ASSERT_TRUE(f.json.HasMember("error"));
  std::string message = f.json["error"]["message"].GetString();
  CheckRule(Source::kMock, "messages name what was wrong",
            message.find(c.mentions) != std::string::npos,
            request + ": expected /error/message to mention '" + c.mentions + "'; came \"" +
                message + "\"");
  if (c.status == 405) {
    EXPECT_NE(std::string::npos, f.http.headers["allow"].find("GET")) << "no Allow: GET";
  }
  EXPECT_EQ(200, server.Fetch("/api/v2/tasks/instances?size=1").http.status)
      << "the server stopped serving after " << c.target;
}

const char kErrorsList[] = "/api/v2/tasks/instances";

std::string List(const std::string& query) { return std::string(kErrorsList) + "?" + query; }

INSTANTIATE_TEST_SUITE_P(
    ListTasks, ErrorCases,
    testing::Values(
        ErrorCase{"UnknownStatus", "GET", List("status=DONE"), 400, "status"},
        ErrorCase{"LowerCaseStatus", "GET", List("status=running"), 400, "status"},
        ErrorCase{"OneBadStatusOfMany", "GET", List("status=RUNNING&status=X"), 400, "status"},
        ErrorCase{"UnknownType", "GET", List("type=SYS_ONCE"), 400, "type"},
        ErrorCase{"TwoTypes", "GET", List("type=MANUAL&type=SCHEDULED"), 400, "type"},
        ErrorCase{"ClusterIdNotANumber", "GET", List("clusterId=abc"), 400, "clusterId"},
        ErrorCase{"ClusterIdTrailingJunk", "GET", List("clusterId=12abc"), 400, "clusterId"},
        ErrorCase{"TwoClusterIds", "GET", List("clusterId=1&clusterId=2"), 400, "clusterId"},
        ErrorCase{"TenantIdFraction", "GET", List("tenantId=1.5"), 400, "tenantId"},
        ErrorCase{"HostIdPast64Bits", "GET", List("hostId=99999999999999999999"), 400, "hostId"},
        ErrorCase{"HostIdExponent", "GET", List("hostId=1e3"), 400, "hostId"},
        ErrorCase{"TenantNameWithoutClusterId", "GET", List("tenantName=sys"), 400, "clusterId"},
        ErrorCase{"UnknownSortProperty", "GET", List("sort=colour,asc"), 400, "colour"},
        ErrorCase{"SortDirectionTypo", "GET", List("sort=id,sideways"), 400, "sideways"},
        ErrorCase{"MalformedEscape", "GET", List("name=%zz"), 400, "%zz", Source::kMock},
        ErrorCase{"TruncatedEscape", "GET", List("name=abc%2"), 400, "percent", Source::kMock},
        ErrorCase{"NulByte", "GET", List("name=a%00b"), 400, "NUL", Source::kMock},
        ErrorCase{"InvalidUtf8", "GET", List("name=%FF%FE"), 400, "UTF-8", Source::kMock},
        ErrorCase{"UnknownPath", "GET", "/api/v2/nothing-here", 404, "/api/v2/nothing-here",
                  Source::kMock},
        ErrorCase{"UnknownSubPath", "GET", "/api/v2/tasks/instances/1/2/3/4", 404, "/api/v2",
                  Source::kMock},
        ErrorCase{"EncodedTraversal", "GET", "/api/v2/tasks/instances/..%2F..", 400, "..",
                  Source::kMock},
        ErrorCase{"PostOnList", "POST", kErrorsList, 405, "GET", Source::kFramework},
        ErrorCase{"PutOnList", "PUT", kErrorsList, 405, "GET", Source::kFramework},
        ErrorCase{"DeleteOnList", "DELETE", kErrorsList, 405, "GET", Source::kFramework},
        ErrorCase{"PatchOnList", "PATCH", kErrorsList, 405, "GET", Source::kFramework}),
    [](const testing::TestParamInfo<ErrorCase>& p) { return p.param.name; });

TEST(ErrorEnvelope, SortErrorCarriesOcpsSortFieldCode) {
  // 1011 up to OCP 4.2.1, COM10011 in 4.2.2.
  ExpectErrorOf(ServerUnderTest::Get().Fetch(List("sort=colour")).http, 400,
                mock::ocp::ErrorKind::kUnsupportedSort);
}

TEST(ErrorEnvelope, TraceIdsDifferPerRequest) {
  Fetched a = ServerUnderTest::Get().Fetch(List("sort=colour"));
  Fetched b = ServerUnderTest::Get().Fetch(List("sort=colour"));
  ASSERT_TRUE(a.json.IsObject() && b.json.IsObject());
  EXPECT_STRNE(a.json["traceId"].GetString(), b.json["traceId"].GetString());
}

// OCP echoes a request's x-trace-id as the envelope's traceId
// (docs/reference/real-server-behaviour.md: OCP Express's TraceHandlerInterceptor, not OCP's docs),
// so a live server is not judged by it.
TEST(ErrorEnvelope, TraceIdEchoesTheRequestsXTraceId) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  if (server.live()) GTEST_SKIP() << "ocp-mock's choice where OCP's docs are silent";
  auto trace_of = [&](const std::string& target, const std::string& header) {
    HttpResult r = server.client().Send("GET", target, {"x-trace-id: " + header}, true);
    auto doc = mock::json::ParseJson(r.body);
    return doc.ok() ? std::string(doc.value()["traceId"].GetString()) : "(not JSON)";
  };
  EXPECT_EQ("00000000deadbeef", trace_of("/api/v2/tasks/instances?size=1", "00000000deadbeef"));
  EXPECT_EQ("0123456789abcdef", trace_of("/api/v2/nothing-here", "0123456789abcdef"));
  // Not the documented form (16 lowercase hex digits): a trace id of the mock's own instead.
  const std::string own = trace_of("/api/v2/tasks/instances?size=1", "Not-A-Trace-Id");
  EXPECT_NE("Not-A-Trace-Id", own);
  EXPECT_EQ(16u, own.size()) << own;
}

TEST(ErrorEnvelope, TrailingSlashIsTheSameList) {
  Fetched f = ServerUnderTest::Get().Fetch("/api/v2/tasks/instances/?size=1");
  EXPECT_EQ(200, f.http.status);
}

}  // namespace
}  // namespace contract
