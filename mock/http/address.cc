#include "mock/http/address.h"

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

}  // namespace mock::http
