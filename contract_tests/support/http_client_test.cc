// What HttpClient sends: the language header every live request carries; and what its exchange
// observer sees.
#include "tools/client/http_client.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace contract {
namespace {

// Accepts one connection on a free loopback port, keeps the request head it reads, and answers
// 200 with no body.
class OneRequestServer {
 public:
  OneRequestServer() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd_, 1) != 0 ||
        getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      ADD_FAILURE() << "cannot listen on a loopback port";
    }
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~OneRequestServer() {
    thread_.join();
    close(fd_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Valid once the client has its answer.
  const std::string& head() const { return head_; }

 private:
  void Serve() {
    int c = accept(fd_, nullptr, nullptr);
    char buf[4096];
    while (head_.find("\r\n\r\n") == std::string::npos) {
      ssize_t n = read(c, buf, sizeof buf);
      if (n <= 0) break;
      head_.append(buf, static_cast<size_t>(n));
    }
    const std::string answer = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    (void)!write(c, answer.data(), answer.size());
    close(c);
  }

  int fd_ = -1;
  uint16_t port_ = 0;
  std::string head_;
  std::thread thread_;
};

std::string HeadSent(const std::string& language, const std::vector<std::string>& headers = {}) {
  OneRequestServer server;
  HttpClient client(server.url(), std::nullopt, std::nullopt);
  if (language != "default") client.set_language(language);
  EXPECT_EQ(200, client.Send("GET", "/api/v2/time", headers, false).status);
  return server.head();
}

TEST(HttpClientTest, SendsEnglishByDefault) {
  EXPECT_NE(std::string::npos, HeadSent("default").find("\r\nAccept-Language: en-US\r\n"));
}

TEST(HttpClientTest, SendsTheLanguageAskedFor) {
  EXPECT_NE(std::string::npos, HeadSent("zh-CN").find("\r\nAccept-Language: zh-CN\r\n"));
  EXPECT_EQ(std::string::npos, HeadSent("").find("Accept-Language"));
}

TEST(HttpClientTest, ARequestsOwnLanguageHeaderWins) {
  const std::string head = HeadSent("en-US", {"accept-language: zh-CN"});
  EXPECT_NE(std::string::npos, head.find("accept-language: zh-CN"));
  EXPECT_EQ(std::string::npos, head.find("en-US"));
}

// The observer the contract suite reads a validation proxy's verdicts with (proxy_check.h).
TEST(HttpClientTest, AnObserverSeesEveryExchange) {
  std::vector<std::string> seen;
  SetExchangeObserver([&seen](const Exchange& e) {
    seen.push_back(e.method + " " + e.target + " " + std::to_string(e.result.status) + " " +
                   e.result.headers.at("content-length"));
  });
  HeadSent("default");
  SetExchangeObserver(nullptr);
  HeadSent("default");
  ASSERT_EQ(1u, seen.size());
  EXPECT_EQ("GET /api/v2/time 200 0", seen[0]);
}

}  // namespace
}  // namespace contract
