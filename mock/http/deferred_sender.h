// Sends the responses a fault rule delays, drips, truncates or drops (Delivery), from a thread of
// its own, so that the server's event loop never waits: Pistache serves every connection from
// one epoll thread, and a sleeping handler would stall them all (docs/reference/pistache-0.0.5.md
// P12). It writes the bytes itself, to the connection's socket; a Socket is marked gone, under its
// mutex, before the server closes its descriptor, so nothing is ever written to a closed or
// reused one. At most kMaxPending responses wait at once; more are sent at once instead.
//
//   DeferredSender sender;
//   sender.Schedule(socket, "HTTP/1.1 200 OK\r\n...\r\n\r\n", body, delivery, /*close=*/false);
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <queue>
#include <string>
#include <thread>
#include <vector>

#include "mock/core/thread_annotations.h"
#include "mock/http/message.h"

namespace mock::http {

// A connection's socket as the sender sees it.
class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  // Called by the server before it closes the descriptor; no write or shutdown follows.
  void MarkGone() OCPMOCK_EXCLUDES(mutex_);
  // Writes what it can of `bytes` without blocking; the count written, 0 when the socket is full,
  // -1 when it is gone or broken.
  long Write(std::string_view bytes) OCPMOCK_EXCLUDES(mutex_);
  // Ends the connection (both directions): the client sees it closed, the server's event loop
  // sees the end of input and cleans up.
  void Shutdown() OCPMOCK_EXCLUDES(mutex_);

 private:
  Mutex mutex_;
  // Used only under mutex_ and while !gone_ (the descriptor is open then); the number itself
  // never changes.
  const int fd_;
  bool gone_ OCPMOCK_GUARDED_BY(mutex_) = false;
};

class DeferredSender {
 public:
  static constexpr size_t kMaxPending = 1024;

  DeferredSender();
  // Sends nothing more; pending responses are dropped (their connections are being closed).
  ~DeferredSender();
  DeferredSender(const DeferredSender&) = delete;
  DeferredSender& operator=(const DeferredSender&) = delete;

  // Sends `head` (status line and headers, ending with the blank line) and `body` to `socket` as
  // `delivery` says; `close`: shut the connection down once the whole response is sent.
  // false when kMaxPending responses are already waiting (nothing is scheduled).
  bool Schedule(std::shared_ptr<Socket> socket, const std::string& head, const std::string& body,
                Delivery delivery, bool close) OCPMOCK_EXCLUDES(mutex_);

 private:
  using Clock = std::chrono::steady_clock;
  // One response in flight: the bytes still to send, and when the next piece may go.
  struct Job {
    Clock::time_point due;
    std::shared_ptr<Socket> socket;
    std::vector<std::string> pieces;   // sent in order, each once `due` has come
    std::chrono::milliseconds gap{0};  // between pieces (drip)
    bool shutdown_after = false;
  };
  struct Later {
    bool operator()(const Job& a, const Job& b) const { return a.due > b.due; }
  };

  void Run() OCPMOCK_EXCLUDES(mutex_);
  // Waits for the next job that is due and takes it from the queue; nullopt once stopping.
  std::optional<Job> NextDue() OCPMOCK_EXCLUDES(mutex_);
  // Sends what is due of `job`; true when it has more to send (it is rescheduled).
  static bool Step(Job& job);

  Mutex mutex_;
  CondVar wake_;
  std::priority_queue<Job, std::vector<Job>, Later> jobs_ OCPMOCK_GUARDED_BY(mutex_);
  bool stopping_ OCPMOCK_GUARDED_BY(mutex_) = false;
  std::thread thread_;
};

}  // namespace mock::http
