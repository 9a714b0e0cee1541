// Sends raw bytes over TCP and reads one HTTP response, for requests libcurl will not send
// (malformed request lines, unknown methods, oversized heads).
#pragma once

#include <string>

namespace contract {

struct RawResponse {
  int status = 0;    // 0: no complete response within the deadline
  std::string head;  // status line and headers
  std::string body;
};

// One TCP connection to `base_url` (http://host:port).
class RawConnection {
 public:
  explicit RawConnection(const std::string& base_url);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Sends `bytes` and reads one response framed by its Content-Length, waiting at most
  // `timeout_ms` in total.
  RawResponse Exchange(const std::string& bytes, int timeout_ms = 5000);

  // Sends `bytes` and returns at once.
  void SendOnly(const std::string& bytes);

  // Sends `bytes`, reads a little of the answer, and resets the connection (SO_LINGER 0).
  void SendAndAbort(const std::string& bytes);

  // Waits (on the socket, at most `timeout_ms`) for the server to close the connection; true if
  // it did. Data that arrives first is discarded.
  bool WaitClosed(int timeout_ms);

 private:
  int fd_ = -1;
  std::string pending_;  // bytes read past the previous response
};

// RawConnection(base_url).Exchange(bytes, timeout_ms).
RawResponse SendRaw(const std::string& base_url, const std::string& bytes, int timeout_ms = 5000);

}  // namespace contract
