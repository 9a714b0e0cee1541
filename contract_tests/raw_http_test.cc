// Requests that only a raw socket can send. Each must be answered with an OCP error envelope
// (never plain text, never silence), and the server must keep serving afterwards.
#include <gtest/gtest.h>

#include "contract_tests/support/server_under_test.h"
#include "tools/client/raw_http.h"

namespace contract {
namespace {

struct RawCase {
  std::string name;
  std::string bytes;
  int status;
};

class RawRequests : public testing::TestWithParam<RawCase> {};

TEST_P(RawRequests, AnswerWithAnErrorEnvelopeAndKeepServing) {
  ServerUnderTest& server = ServerUnderTest::Get();
  if (server.live()) GTEST_SKIP() << "live mode sends GET requests only";
  std::string bytes = GetParam().bytes;
  if (size_t at = bytes.find("{auth}"); at != std::string::npos) {
    bytes.replace(at, 6, server.AuthorizationLine());
  }
  RawResponse r = SendRaw(server.base_url(), bytes);
  ASSERT_EQ(GetParam().status, r.status) << "head: " << r.head;
  EXPECT_NE(std::string::npos, r.head.find("Content-Type: application/json")) << r.head;
  auto violations = server.schemas().ValidateText("error-envelope", r.body);
  EXPECT_TRUE(violations.empty()) << mock::json::Describe(violations) << "\n" << r.body;
  EXPECT_EQ(200, server.Fetch("/api/v2/tasks/instances?size=1").http.status)
      << "the server stopped serving";
}

const std::string kHost = "Host: test\r\n";

std::string Repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// "{auth}" is replaced by the suite's Authorization line when the test runs (not at
// registration, which must not start a server).
std::string Get(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\n" + kHost + "{auth}\r\n";
}

INSTANTIATE_TEST_SUITE_P(
    Hostile, RawRequests,
    testing::Values(RawCase{"QueryOf100KB",
                            Get("/api/v2/tasks/instances?name=" + std::string(100000, 'x')), 413},
                    RawCase{"TenThousandParameters",
                            Get("/api/v2/tasks/instances?" + Repeat("p=1&", 10000)), 400},
                    RawCase{"ParameterRepeated10000Times",
                            Get("/api/v2/tasks/instances?" + Repeat("status=FAILED&", 10000)), 413},
                    RawCase{"BodyOf100KB",
                            "POST /api/v2/tasks/instances/8000004/retry HTTP/1.1\r\n" + kHost +
                                "Content-Length: 100000\r\n\r\n" + std::string(100000, '{'),
                            413},
                    // Under the 64 KiB request limit, over the 48 KiB head and 16 KiB body limits.
                    RawCase{"HeadOf50KB",
                            "GET /api/v2/tasks/instances HTTP/1.1\r\nX-Big: " +
                                std::string(50000, 'a') + "\r\n\r\n",
                            413},
                    RawCase{"BodyOf20KB",
                            "POST /api/v2/tasks/instances/8000004/retry HTTP/1.1\r\n" + kHost +
                                "Content-Length: 20000\r\n\r\n" + std::string(20000, '{'),
                            413},
                    RawCase{"NulInPath", Get("/api/v2/tasks/instances/%00"), 400},
                    RawCase{"InvalidUtf8InPath", Get("/api/v2/tasks/instances/%C0%AF"), 400}),
    [](const testing::TestParamInfo<RawCase>& p) { return p.param.name; });

INSTANTIATE_TEST_SUITE_P(
    Malformed, RawRequests,
    testing::Values(
        RawCase{"UnknownMethod", "BREW /api/v2/tasks/instances HTTP/1.1\r\n" + kHost + "\r\n", 400},
        RawCase{"UnknownVersion", "GET /api/v2/tasks/instances HTTP/9.9\r\n" + kHost + "\r\n", 400},
        RawCase{"RequestLineWithoutSpaces", "GARBAGE\r\n\r\n", 400},
        RawCase{"HeaderWithoutColon",
                "GET /api/v2/tasks/instances HTTP/1.1\r\n" + kHost + "no colon here\r\n\r\n", 400},
        RawCase{"OversizedHeader",
                "GET /api/v2/tasks/instances HTTP/1.1\r\nX-Big: " + std::string(70000, 'a') +
                    "\r\n\r\n",
                413},
        RawCase{"OversizedQuery",
                "GET /api/v2/tasks/instances?name=" + std::string(70000, 'a') + " HTTP/1.1\r\n" +
                    kHost + "\r\n",
                413},
        RawCase{"InvalidChunkSize",
                "GET /api/v2/tasks/instances HTTP/1.1\r\n" + kHost +
                    "Transfer-Encoding: chunked\r\n\r\nzz\r\n",
                400}),
    [](const testing::TestParamInfo<RawCase>& p) { return p.param.name; });

// Odd but valid numbers are read as Spring reads them: never an error, never a 5xx.
TEST(RawHttp, NegativeZeroAndExponentsInPaging) {
  ServerUnderTest& server = ServerUnderTest::Get();
  for (const char* query : {"page=-0&size=-0", "page=1e3&size=2e1", "clusterId=-0", "size=+5"}) {
    Fetched f = server.Fetch(std::string("/api/v2/tasks/instances?") + query);
    EXPECT_EQ(200, f.http.status) << query << ": " << f.http.body;
  }
}

TEST(RawHttp, Http10IsAnswered) {
  ServerUnderTest& server = ServerUnderTest::Get();
  RawResponse r = SendRaw(server.base_url(), "GET /api/v2/tasks/instances?size=1 HTTP/1.0\r\n" +
                                                 server.AuthorizationLine() + "\r\n");
  EXPECT_EQ(200, r.status);
  EXPECT_EQ(0u, r.head.rfind("HTTP/1.0 200", 0)) << r.head;
  server.CheckBody("task-list-response", "an HTTP/1.0 GET", r.body);
}

TEST(RawHttp, BodyOnGetIsIgnored) {
  ServerUnderTest& server = ServerUnderTest::Get();
  if (server.live()) GTEST_SKIP() << "a body on GET is not read-only by everyone's reading";
  RawResponse r = SendRaw(server.base_url(), "GET /api/v2/tasks/instances?size=1 HTTP/1.1\r\n" +
                                                 kHost + server.AuthorizationLine() +
                                                 "Content-Length: 11\r\n\r\n{\"page\":9}\n");
  EXPECT_EQ(200, r.status);
  EXPECT_NE(std::string::npos, r.body.find("\"number\":1")) << r.body;
}

TEST(RawHttp, KeepAliveServesSeveralRequestsOnOneConnection) {
  ServerUnderTest& server = ServerUnderTest::Get();
  RawConnection connection(server.base_url());
  for (int i = 1; i <= 3; ++i) {
    RawResponse r = connection.Exchange(
        "GET /api/v2/tasks/instances?size=1&page=" + std::to_string(i) + " HTTP/1.1\r\n" + kHost +
        server.AuthorizationLine() + "Connection: keep-alive\r\n\r\n");
    ASSERT_EQ(200, r.status) << "request " << i << " on the same connection";
    EXPECT_NE(std::string::npos, r.body.find("\"number\":" + std::to_string(i))) << r.body;
  }
}

TEST(RawHttp, ClientsThatVanishMidResponseDoNotHurtTheServer) {
  ServerUnderTest& server = ServerUnderTest::Get();
  for (int i = 0; i < 20; ++i) {
    RawConnection connection(server.base_url());
    // Read only the status line of a large answer, then close with unread data (an RST).
    connection.SendAndAbort("GET /api/v2/tasks/instances?size=2000 HTTP/1.1\r\n" + kHost +
                            server.AuthorizationLine() + "\r\n");
  }
  EXPECT_EQ(200, server.Fetch("/api/v2/tasks/instances?size=1").http.status);
}

TEST(RawHttp, AHalfSentRequestDoesNotBlockOthers) {
  ServerUnderTest& server = ServerUnderTest::Get();
  RawConnection stalled(server.base_url());
  stalled.SendOnly("GET /api/v2/tasks/inst");
  RawConnection other(server.base_url());
  RawResponse r = other.Exchange("GET /api/v2/tasks/instances?size=1 HTTP/1.1\r\n" + kHost +
                                 server.AuthorizationLine() + "\r\n");
  EXPECT_EQ(200, r.status);
}

TEST(RawHttp, PipelinedRequestsAreAllAnsweredInOrder) {
  ServerUnderTest& server = ServerUnderTest::Get();
  std::string three;
  for (int page = 1; page <= 3; ++page) {
    three += "GET /api/v2/tasks/instances?size=1&page=" + std::to_string(page) + " HTTP/1.1\r\n" +
             kHost + server.AuthorizationLine() + "Connection: keep-alive\r\n\r\n";
  }
  RawConnection connection(server.base_url());
  for (int page = 1; page <= 3; ++page) {
    // The first exchange sends all three; the next ones only read.
    RawResponse r = connection.Exchange(page == 1 ? three : "");
    ASSERT_EQ(200, r.status) << "answer " << page;
    EXPECT_NE(std::string::npos, r.body.find("\"number\":" + std::to_string(page))) << r.body;
  }
}

TEST(RawHttp, PipelinedRequestWithABodyIsFramedByContentLength) {
  ServerUnderTest& server = ServerUnderTest::Get();
  if (server.live()) GTEST_SKIP() << "a body on GET is not read-only by everyone's reading";
  const std::string first = "GET /api/v2/tasks/instances?size=1&page=1 HTTP/1.1\r\n" + kHost +
                            server.AuthorizationLine() + "Content-Length: 4\r\n\r\nGET ";
  const std::string second = "GET /api/v2/tasks/instances?size=1&page=2 HTTP/1.1\r\n" + kHost +
                             server.AuthorizationLine() + "\r\n";
  RawConnection connection(server.base_url());
  EXPECT_EQ(200, connection.Exchange(first + second).status);
  RawResponse r = connection.Exchange("");
  ASSERT_EQ(200, r.status);
  EXPECT_NE(std::string::npos, r.body.find("\"number\":2")) << r.body;
}

}  // namespace
}  // namespace contract
