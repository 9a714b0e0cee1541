#include "mock/http/deferred_sender.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

namespace mock::http {
namespace {

// A drip sends the body in this many pieces (fewer for a shorter body).
constexpr size_t kDripPieces = 10;
// How soon to try again when the socket's buffer is full.
constexpr std::chrono::milliseconds kRetry{2};

std::vector<std::string> Split(const std::string& body, size_t pieces) {
  std::vector<std::string> out;
  const size_t size = std::max<size_t>(1, (body.size() + pieces - 1) / pieces);
  for (size_t at = 0; at < body.size(); at += size) out.push_back(body.substr(at, size));
  return out;
}

}  // namespace

void Socket::MarkGone() {
  MutexLock lock(mutex_);
  gone_ = true;
}

long Socket::Write(std::string_view bytes) {
  MutexLock lock(mutex_);
  if (gone_) return -1;
  const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  if (n >= 0) return n;
  return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
}

void Socket::Shutdown() {
  MutexLock lock(mutex_);
  if (!gone_) ::shutdown(fd_, SHUT_RDWR);
}

DeferredSender::DeferredSender() : thread_([this] { Run(); }) {}

DeferredSender::~DeferredSender() {
  {
    MutexLock lock(mutex_);
    stopping_ = true;
  }
  wake_.NotifyAll();
  thread_.join();
}

bool DeferredSender::Schedule(std::shared_ptr<Socket> socket, const std::string& head,
                              const std::string& body, Delivery delivery, bool close) {
  using Mode = Delivery::Mode;
  Job job;
  job.due = Clock::now() + std::chrono::milliseconds(delivery.delay_ms);
  job.socket = std::move(socket);
  job.shutdown_after = close || delivery.mode != Mode::kWhole;
  switch (delivery.mode) {
    case Mode::kReset:
      break;  // nothing to send: the shutdown is the answer
    case Mode::kTruncate:
      job.pieces = {head + body.substr(0, body.size() / 2)};
      break;
    case Mode::kDrip: {
      job.pieces = Split(body, kDripPieces);
      job.pieces.insert(job.pieces.begin(), head);
      job.gap =
          std::chrono::milliseconds(delivery.drip_ms) / std::max<size_t>(1, job.pieces.size() - 1);
      // A drip keeps the connection only as the client asked: shutdown_after follows `close`.
      job.shutdown_after = close;
      break;
    }
    case Mode::kWhole:
      job.pieces = {head + body};
      break;
  }
  {
    MutexLock lock(mutex_);
    if (jobs_.size() >= kMaxPending) return false;
    jobs_.push(std::move(job));
  }
  wake_.NotifyAll();
  return true;
}

bool DeferredSender::Step(Job& job) {
  while (!job.pieces.empty()) {
    std::string& piece = job.pieces.front();
    const long n = job.socket->Write(piece);
    if (n < 0) return false;  // gone or broken: nothing more to do
    piece.erase(0, static_cast<size_t>(n));
    if (!piece.empty()) {  // the socket is full: try again soon
      job.due = Clock::now() + kRetry;
      return true;
    }
    job.pieces.erase(job.pieces.begin());
    if (!job.pieces.empty() && job.gap.count() > 0) {
      job.due = Clock::now() + job.gap;
      return true;
    }
  }
  if (job.shutdown_after) job.socket->Shutdown();
  return false;
}

std::optional<DeferredSender::Job> DeferredSender::NextDue() {
  MutexLock lock(mutex_);
  while (!stopping_) {
    if (jobs_.empty()) {
      wake_.Wait(mutex_);
      continue;
    }
    // A copy: while it waits, the lock is released and a push may move the queue's storage.
    const Clock::time_point due = jobs_.top().due;
    if (due > Clock::now()) {
      wake_.WaitUntil(mutex_, due);
      continue;
    }
    Job job = jobs_.top();
    jobs_.pop();
    return job;
  }
  return std::nullopt;
}

void DeferredSender::Run() {
  while (std::optional<Job> job = NextDue()) {
    if (!Step(*job)) continue;
    MutexLock lock(mutex_);
    jobs_.push(std::move(*job));
  }
}

}  // namespace mock::http
