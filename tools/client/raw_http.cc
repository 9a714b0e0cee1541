#include "tools/client/raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

namespace contract {
namespace {

// Parses "http://127.0.0.1:PORT".
sockaddr_in AddressOf(const std::string& base_url) {
  std::string hostport = base_url.substr(base_url.find("//") + 2);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(std::stoi(hostport.substr(hostport.rfind(':') + 1))));
  inet_pton(AF_INET, hostport.substr(0, hostport.rfind(':')).c_str(), &addr.sin_addr);
  return addr;
}

// True once `data` holds a head and as many body bytes as its Content-Length says.
bool Complete(const std::string& data, RawResponse* out) {
  size_t end = data.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  std::string head = data.substr(0, end);
  size_t length = 0;
  size_t at = head.find("Content-Length: ");
  if (at != std::string::npos) length = std::stoul(head.substr(at + 16));
  if (data.size() < end + 4 + length) return false;
  out->head = head;
  out->body = data.substr(end + 4, length);
  out->status = std::stoi(head.substr(head.find(' ') + 1, 3));
  return true;
}

}  // namespace

RawConnection::RawConnection(const std::string& base_url) {
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr = AddressOf(base_url);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd_);
    fd_ = -1;
  }
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) close(fd_);
}

RawResponse RawConnection::Exchange(const std::string& bytes, int timeout_ms) {
  RawResponse response;
  if (fd_ < 0) return response;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  // The server may answer (413) before it has read everything: send in chunks, reading between.
  std::string data = std::move(pending_);
  pending_.clear();
  size_t sent = 0;
  while (!Complete(data, &response)) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) break;
    pollfd p{fd_, static_cast<short>(POLLIN | (sent < bytes.size() ? POLLOUT : 0)), 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    if ((p.revents & POLLOUT) && sent < bytes.size()) {
      ssize_t n = send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n > 0) sent += static_cast<size_t>(n);
    }
    if (p.revents & (POLLIN | POLLHUP)) {
      char buf[8192];
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      data.append(buf, static_cast<size_t>(n));
    }
  }
  if (response.status != 0) {
    pending_ = data.substr(response.head.size() + 4 + response.body.size());
  }
  return response;
}

void RawConnection::SendOnly(const std::string& bytes) {
  if (fd_ >= 0) send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
}

void RawConnection::SendAndAbort(const std::string& bytes) {
  if (fd_ < 0) return;
  SendOnly(bytes);
  pollfd p{fd_, POLLIN, 0};
  char buf[64];
  if (poll(&p, 1, 5000) > 0) recv(fd_, buf, sizeof buf, 0);
  linger reset{1, 0};
  setsockopt(fd_, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
  close(fd_);
  fd_ = -1;
}

bool RawConnection::WaitClosed(int timeout_ms) {
  if (fd_ < 0) return false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    char buf[4096];
    if (recv(fd_, buf, sizeof buf, 0) <= 0) return true;
  }
}

RawResponse SendRaw(const std::string& base_url, const std::string& bytes, int timeout_ms) {
  return RawConnection(base_url).Exchange(bytes, timeout_ms);
}

}  // namespace contract
