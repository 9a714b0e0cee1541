// Requests that only a raw socket can send, and how the server answers them over the wire.
//
// Provenance audit (issue #24): in live mode a check demands only what the RFCs (RFC 9110, RFC
// 9112), OCP's docs, or the framework OCP runs on (Spring Boot on Tomcat) demand; ocp-mock's own
// answers are `mock` rules, observations against a live server. Each test says which is which:
//   RawRequests/*            mock: the status and JSON error envelope for a malformed or oversized
//                            request are ocp-mock's (Tomcat answers 400 with an HTML page); skipped
//                            live (not GET). Keeping serving afterwards: framework.
//   NegativeZeroAndExponentsInPaging  framework: Spring Data's Pageable resolver falls back to the
//                            default for a page or size it cannot parse; Java's parsers take -0,
//                            +5.
//   Http10IsAnswered         framework (RFC 9110 6.2): HTTP/1.0 or HTTP/1.1 in the status line
//                            (Tomcat says HTTP/1.1); mock: ocp-mock says HTTP/1.0.
//   BodyOnGetIsIgnored       framework (Spring MVC binds the query only); skipped live: RFC 9110
//                            9.3.1 lets a server refuse a GET with a body.
//   KeepAlive..., Pipelined...  framework (RFC 9112 9.3, 9.3.2): answers in order, one per
//                            request, and a server that stops says Connection: close; mock:
//                            ocp-mock keeps the connection for every request.
//   PipelinedRequestWithABodyIsFramedByContentLength  framework (RFC 9112 6.3); skipped live.
//   ClientsThatVanish..., AHalfSentRequest...  framework: a client's reset, or a stalled one, stops
//                            no other client (Tomcat serves each connection on its own).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <filesystem>
#include <ostream>
#include <thread>

#include "contract_tests/support/provenance.h"
#include "contract_tests/support/server_under_test.h"
#include "tools/client/command.h"
#include "tools/client/mock_process.h"
#include "tools/client/raw_http.h"

namespace contract {
namespace {

struct RawCase {
  std::string name;
  std::string bytes;
  int status;
};

// Read by GoogleTest wherever it prints a parameter (test lists, failures): the case's name.
void PrintTo(const RawCase& c, std::ostream* os) { *os << c.name; }

// The status line of an answer.
std::string StatusLine(const RawResponse& r) { return r.head.substr(0, r.head.find("\r\n")); }

// Whether an answer says the server will close the connection (RFC 9112 9.6).
bool Closes(const RawResponse& r) {
  std::string head = r.head;
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head.find("\r\nconnection: close") != std::string::npos;
}

class RawRequests : public testing::TestWithParam<RawCase> {};

TEST_P(RawRequests, AnswerWithAnErrorEnvelopeAndKeepServing) {
  ServerUnderTest& server = ServerUnderTest::Get();
  const std::string rule = "ocp-mock answers a malformed request " +
                           std::to_string(GetParam().status) + " with a JSON error envelope";
  TagProvenance(Source::kMock, rule);
  if (server.live()) GTEST_SKIP() << "live mode sends GET requests only";
  std::string bytes = GetParam().bytes;
  if (size_t at = bytes.find("{auth}"); at != std::string::npos) {
    bytes.replace(at, 6, server.AuthorizationLine());
  }
  RawResponse r = SendRaw(server.base_url(), bytes);
  auto violations = server.schemas().ValidateText("error-envelope", r.body);
  CheckRule(Source::kMock, rule,
            GetParam().status == r.status &&
                r.head.find("Content-Type: application/json") != std::string::npos &&
                violations.empty(),
            "head: " + r.head + "\n" + mock::json::Describe(violations) + "\n" + r.body);
  CheckRule(Source::kFramework, "a malformed request stops no other request",
            server.Fetch("/api/v2/tasks/instances?size=1").http.status == 200,
            "the server stopped serving");
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
    CheckRule(Source::kFramework,
              "Spring Data: a page or size that does not parse is the default; -0 and +5 parse",
              f.http.status == 200,
              std::string(query) + ": HTTP " + std::to_string(f.http.status) + ": " + f.http.body);
  }
}

// RFC 9110 6.2 (RFC 7230 2.6 before it): a server answers with the highest version it supports
// within the request's major version, so Tomcat, and OCP, answer an HTTP/1.0 request "HTTP/1.1".
TEST(RawHttp, Http10IsAnswered) {
  ServerUnderTest& server = ServerUnderTest::Get();
  RawResponse r = SendRaw(server.base_url(), "GET /api/v2/tasks/instances?size=1 HTTP/1.0\r\n" +
                                                 server.AuthorizationLine() + "\r\n");
  const std::string line = StatusLine(r);
  CheckRule(Source::kFramework,
            "RFC 9110 6.2: an HTTP/1.0 request is answered as HTTP/1.0 or HTTP/1.1 (Tomcat: 1.1)",
            r.status == 200 && (line.starts_with("HTTP/1.0 ") || line.starts_with("HTTP/1.1 ")),
            "GET /api/v2/tasks/instances?size=1 HTTP/1.0 answered '" + line + "'");
  CheckRule(Source::kMock, "ocp-mock answers an HTTP/1.0 request as HTTP/1.0",
            line.starts_with("HTTP/1.0 "),
            "GET /api/v2/tasks/instances?size=1 HTTP/1.0 answered '" + line + "'");
  server.CheckBody("task-list-response", "an HTTP/1.0 GET", r.body);
}

TEST(RawHttp, BodyOnGetIsIgnored) {
  ServerUnderTest& server = ServerUnderTest::Get();
  TagProvenance(Source::kFramework, "Spring MVC binds a GET's parameters from the query only");
  if (server.live()) GTEST_SKIP() << "a body on GET is not read-only by everyone's reading";
  RawResponse r = SendRaw(server.base_url(), "GET /api/v2/tasks/instances?size=1 HTTP/1.1\r\n" +
                                                 kHost + server.AuthorizationLine() +
                                                 "Content-Length: 11\r\n\r\n{\"page\":9}\n");
  EXPECT_EQ(200, r.status);
  EXPECT_NE(std::string::npos, r.body.find("\"number\":1")) << r.body;
}

// Answer `n` (1-based) of a series on one connection, each asking for page n: the page asked
// for (RFC 9112 9.3, 9.3.2: one answer per request, in order). Returns whether to go on: not
// after a failure, nor after an answer that says Connection: close (RFC 9112 9.6 lets a server
// close when it says so; ocp-mock's keeping the connection is a `mock` rule).
bool ExpectPage(const RawResponse& r, int n, const std::string& how) {
  const bool right =
      r.status == 200 && r.body.find("\"number\":" + std::to_string(n)) != std::string::npos;
  if (!CheckRule(Source::kFramework, "RFC 9112 9.3: one answer per request, in order", right,
                 how + ": answer " + std::to_string(n) + " was '" + StatusLine(r) + "' " +
                     r.body.substr(0, 200))) {
    return false;
  }
  if (!Closes(r)) return true;
  CheckRule(Source::kMock, "ocp-mock keeps a connection open for every request", n == 3,
            how + ": answer " + std::to_string(n) + " said Connection: close");
  return false;
}

TEST(RawHttp, KeepAliveServesSeveralRequestsOnOneConnection) {
  ServerUnderTest& server = ServerUnderTest::Get();
  RawConnection connection(server.base_url());
  for (int i = 1; i <= 3; ++i) {
    RawResponse r = connection.Exchange(
        "GET /api/v2/tasks/instances?size=1&page=" + std::to_string(i) + " HTTP/1.1\r\n" + kHost +
        server.AuthorizationLine() + "Connection: keep-alive\r\n\r\n");
    if (!ExpectPage(r, i, "keep-alive")) break;
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
  const long status = server.Fetch("/api/v2/tasks/instances?size=1").http.status;
  CheckRule(Source::kFramework, "a client's reset mid-answer stops no other client", status == 200,
            "after 20 resets the list answered HTTP " + std::to_string(status));
}

TEST(RawHttp, AHalfSentRequestDoesNotBlockOthers) {
  ServerUnderTest& server = ServerUnderTest::Get();
  RawConnection stalled(server.base_url());
  stalled.SendOnly("GET /api/v2/tasks/inst");
  RawConnection other(server.base_url());
  RawResponse r = other.Exchange("GET /api/v2/tasks/instances?size=1 HTTP/1.1\r\n" + kHost +
                                 server.AuthorizationLine() + "\r\n");
  CheckRule(Source::kFramework, "a stalled connection blocks no other (Tomcat: one each)",
            r.status == 200,
            "beside a half-sent request, the list answered '" + StatusLine(r) + "'");
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
    if (!ExpectPage(connection.Exchange(page == 1 ? three : ""), page, "pipelined")) break;
  }
}

TEST(RawHttp, PipelinedRequestWithABodyIsFramedByContentLength) {
  ServerUnderTest& server = ServerUnderTest::Get();
  TagProvenance(Source::kFramework, "RFC 9112 6.3: Content-Length frames a request's body");
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

// A TCP relay in front of `upstream` (http://127.0.0.1:PORT) that answers as Tomcat does: an
// answer whose status line says HTTP/1.0 says HTTP/1.1 instead (RFC 9110 6.2). Every other byte
// passes unchanged, both ways.
class TomcatStatusLine {
 public:
  explicit TomcatStatusLine(const std::string& upstream) {
    const std::string port = upstream.substr(upstream.rfind(':') + 1);
    upstream_.sin_family = AF_INET;
    upstream_.sin_port = htons(static_cast<uint16_t>(std::stoi(port)));
    inet_pton(AF_INET, "127.0.0.1", &upstream_.sin_addr);
    listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in any = upstream_;
    any.sin_port = 0;
    socklen_t size = sizeof any;
    if (bind(listener_, reinterpret_cast<sockaddr*>(&any), sizeof any) != 0 ||
        listen(listener_, 16) != 0 ||
        getsockname(listener_, reinterpret_cast<sockaddr*>(&any), &size) != 0) {
      throw std::runtime_error("the relay cannot listen");
    }
    base_url_ = "http://127.0.0.1:" + std::to_string(ntohs(any.sin_port));
    acceptor_ = std::thread([this] { Accept(); });
  }
  ~TomcatStatusLine() {
    stop_ = true;
    acceptor_.join();
    for (std::thread& t : pumps_) t.join();
    close(listener_);
  }
  const std::string& base_url() const { return base_url_; }

 private:
  void Accept() {
    while (!stop_) {
      pollfd p{listener_, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      const int client = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (client >= 0) pumps_.emplace_back([this, client] { Pump(client); });
    }
  }

  static bool SendAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  void Pump(int client) {
    const int server = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    bool open =
        connect(server, reinterpret_cast<const sockaddr*>(&upstream_), sizeof upstream_) == 0;
    std::string answer;  // the upstream's bytes not yet sent (an answer's start: rewritten)
    bool at_start = true;
    while (open && !stop_) {
      pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
      if (poll(p, 2, 50) <= 0) continue;
      char buf[65536];
      for (int side = 0; side < 2 && open; ++side) {
        if ((p[side].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
        const ssize_t n = recv(p[side].fd, buf, sizeof buf, 0);
        if (n <= 0) {
          open = false;
        } else if (side == 0) {
          open = SendAll(server, std::string_view(buf, static_cast<size_t>(n)));
        } else {
          answer.append(buf, static_cast<size_t>(n));
          if (at_start && answer.size() < 9) continue;
          if (at_start && answer.starts_with("HTTP/1.0 ")) answer[7] = '1';
          at_start = false;
          open = SendAll(client, answer);
          answer.clear();
        }
      }
    }
    close(server);
    close(client);
  }

  sockaddr_in upstream_{};
  int listener_ = -1;
  std::string base_url_;
  std::atomic<bool> stop_{false};
  std::thread acceptor_;
  std::vector<std::thread> pumps_;  // the acceptor's until it is joined
};

// The live suite judges an HTTP/1.0 answer as RFC 9110 does: against ocp-mock behind a relay that
// answers as Tomcat does ("HTTP/1.1 200"), Http10IsAnswered passes, and the mock's own HTTP/1.0
// is an observation (issue #24, finding 7).
TEST(RawHttp, LiveModeAcceptsTomcatsHttp11ForAnHttp10Request) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  if (server.live()) GTEST_SKIP() << "already in live mode";
  MockProcess mock(OCPMOCK_BINARY, {"--fixtures", std::string(OCPMOCK_SOURCE_DIR) + "/fixtures",
                                    "--time-scale", "0", "--ocp-version", server.version()});
  TomcatStatusLine tomcat(mock.base_url());
  RawResponse direct =
      SendRaw(tomcat.base_url(), "GET /api/v2/tasks/instances?size=1 HTTP/1.0\r\n" +
                                     server.AuthorizationLine() + "\r\n");
  ASSERT_EQ("HTTP/1.1 200 OK", StatusLine(direct)) << direct.head;
  CommandResult r = RunCommand("OCP_VERSION='" + server.version() + "' OCP_BASE_URL='" +
                               tomcat.base_url() + "' OCP_USER='" + std::string(kAdminUser) +
                               "' OCP_PASSWORD='" + std::string(kAdminPassword) + "' '" +
                               std::filesystem::read_symlink("/proc/self/exe").string() +
                               "' --gtest_filter=RawHttp.Http10IsAnswered --gtest_brief=1");
  EXPECT_EQ(0, r.rc) << r.out;
  EXPECT_NE(std::string::npos,
            r.out.find("observation: differs from ocp-mock [mock: ocp-mock answers an HTTP/1.0 "
                       "request as HTTP/1.0] GET /api/v2/tasks/instances?size=1 HTTP/1.0 "
                       "answered 'HTTP/1.1 200 OK'"))
      << r.out;
}

// Every parameter prints as its case's name, in test lists and failures alike.
TEST(RawHttp, ParametersPrintAsTheirNames) {
  EXPECT_EQ("NulInPath", testing::PrintToString(RawCase{"NulInPath", "GET /%00", 400}));
}

}  // namespace
}  // namespace contract
