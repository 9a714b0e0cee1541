// libFuzzer target: authentication of a request built from the input (first line
// "METHOD request-target", then "Name: value" header lines, then a blank line and the body): Basic
// decoding, the AK/SK canonicaliser and signature check, and Date parsing.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "mock/auth/authenticator.h"
#include "mock/http/message.h"

namespace {

mock::http::Request ToRequest(std::string_view input) {
  mock::http::Request r;
  size_t nl = input.find('\n');
  std::string_view first = input.substr(0, nl);
  size_t space = first.find(' ');
  r.method = std::string(first.substr(0, space));
  r.target = space == std::string_view::npos ? "" : std::string(first.substr(space + 1));
  input = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);
  while (!input.empty()) {
    nl = input.find('\n');
    std::string_view line = input.substr(0, nl);
    input = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    r.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  r.body = std::string(input);
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const mock::auth::Authenticator authenticator({
      mock::auth::User{100,
                       "admin",
                       "Admin@123",
                       {{"cqammmxBpfGjFlto", "2fc0c299cc94c6be266f2ceece765d4d"}},
                       {mock::auth::Permission::kTaskManager},
                       {}},
  });
  mock::http::Request request =
      ToRequest(std::string_view(reinterpret_cast<const char*>(data), size));
  auto decoded = mock::http::MakeRequest(std::move(request.method), std::move(request.target),
                                         std::move(request.headers), std::move(request.body));
  if (!decoded.ok()) return 0;
  auto who = authenticator.Authenticate(decoded.value(), 1673946837);
  if (who.ok() && who.value()->name != "admin") __builtin_trap();
  return 0;
}
