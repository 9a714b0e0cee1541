// The deferred sender on its own, over socket pairs: each mode delivers what it promises, in
// time order, and schedules from several threads while it waits (run under ASan and TSan in
// tools/test --full: a wait on a queue element that a push moved was caught this way).
#include "mock/http/deferred_sender.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

namespace mock::http {
namespace {

struct Pair {
  int server = -1;
  int client = -1;
  Pair() {
    int fds[2];
    EXPECT_EQ(0, socketpair(AF_UNIX, SOCK_STREAM, 0, fds));
    server = fds[0];
    client = fds[1];
  }
  ~Pair() {
    close(server);
    close(client);
  }
  // Everything the client reads until the server side shuts down (or `bytes` arrived).
  std::string ReadAll(size_t bytes = SIZE_MAX) const {
    std::string out;
    char buf[4096];
    while (out.size() < bytes) {
      const ssize_t n = read(client, buf, sizeof buf);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }
};

Delivery Mode(Delivery::Mode mode, int delay_ms = 0, int drip_ms = 0) {
  Delivery d;
  d.mode = mode;
  d.delay_ms = delay_ms;
  d.drip_ms = drip_ms;
  return d;
}

TEST(DeferredSenderTest, EachModeDeliversWhatItPromises) {
  DeferredSender sender;
  const std::string head = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n";
  const std::string body = "0123456789";
  Pair whole, cut, drip, reset;
  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(sender.Schedule(std::make_shared<Socket>(whole.server), head, body,
                              Mode(Delivery::Mode::kWhole, 50), /*close=*/false));
  ASSERT_TRUE(sender.Schedule(std::make_shared<Socket>(cut.server), head, body,
                              Mode(Delivery::Mode::kTruncate), false));
  ASSERT_TRUE(sender.Schedule(std::make_shared<Socket>(drip.server), head, body,
                              Mode(Delivery::Mode::kDrip, 0, 100), true));
  ASSERT_TRUE(sender.Schedule(std::make_shared<Socket>(reset.server), head, body,
                              Mode(Delivery::Mode::kReset), false));
  EXPECT_EQ(head + body, whole.ReadAll(head.size() + body.size()));
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(50));
  EXPECT_EQ(head + "01234", cut.ReadAll()) << "half the body, then closed";
  EXPECT_EQ(head + body, drip.ReadAll()) << "all of it, then closed (close was asked)";
  EXPECT_EQ("", reset.ReadAll()) << "nothing at all";
}

TEST(DeferredSenderTest, AGoneSocketIsNeverWritten) {
  DeferredSender sender;
  Pair pair;
  auto socket = std::make_shared<Socket>(pair.server);
  ASSERT_TRUE(sender.Schedule(socket, "head", "body", Mode(Delivery::Mode::kWhole, 30), false));
  socket->MarkGone();
  EXPECT_EQ(-1, socket->Write("x"));
  shutdown(pair.server, SHUT_WR);  // what the sender would not do: end the stream ourselves
  EXPECT_EQ("", pair.ReadAll());
}

// Threads schedule while the sender waits on the earliest job: every response arrives whole.
TEST(DeferredSenderTest, SchedulesFromSeveralThreadsWhileWaiting) {
  DeferredSender sender;
  constexpr int kThreads = 3, kEach = 40;
  std::vector<std::unique_ptr<Pair>> pairs;
  for (int i = 0; i < kThreads * kEach; ++i) pairs.push_back(std::make_unique<Pair>());
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const int n = t * kEach + i;
        EXPECT_TRUE(sender.Schedule(std::make_shared<Socket>(pairs[static_cast<size_t>(n)]->server),
                                    "H" + std::to_string(n) + ":", "body",
                                    Mode(Delivery::Mode::kWhole, (n * 7) % 30), true));
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int n = 0; n < kThreads * kEach; ++n) {
    EXPECT_EQ("H" + std::to_string(n) + ":body", pairs[static_cast<size_t>(n)]->ReadAll()) << n;
  }
}

}  // namespace
}  // namespace mock::http
