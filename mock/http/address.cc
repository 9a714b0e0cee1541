#include "mock/http/address.h"

#include <arpa/inet.h>

#include <string>

namespace mock::http {

bool IsLoopback(std::string_view address) {
  if (address == "localhost" || address == "::1" || address == "[::1]") return true;
  if (address.rfind("127.", 0) != 0) return false;
  // Four dotted decimal octets.
  int dots = 0;
  for (char c : address) {
    if (c == '.') {
      ++dots;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return dots == 3;
}

Status CheckBindAddress(std::string_view address) {
  const std::string text(address);
  if (text.empty()) return InvalidArgument("the address to listen on is empty");
  if (text.find(':') != std::string::npos || text.front() == '[') {
    const bool bracketed = text.front() == '[' && text.back() == ']' && text.size() > 2;
    const std::string bare = bracketed ? text.substr(1, text.size() - 2) : text;
    in6_addr v6{};
    if (inet_pton(AF_INET6, bare.c_str(), &v6) == 1) return {};
    return InvalidArgument(text + " is not an IPv6 address (IPv6: ::1 or [::1]; IPv4: 127.0.0.1)");
  }
  if (text.find_first_not_of("0123456789.") == std::string::npos) {
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return {};
    return InvalidArgument(text +
                           " is not an IPv4 address: four numbers from 0 to 255 separated by dots");
  }
  // A host name: letters, digits, hyphens and dots (RFC 1123); the bind resolves it.
  for (char c : text) {
    const bool name_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!name_char) {
      return InvalidArgument(text + " is neither an IPv4 or IPv6 address nor a host name");
    }
  }
  return {};
}

}  // namespace mock::http
