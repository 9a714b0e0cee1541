// libFuzzer target: the request headers the mock reads as text. The input's first line is an
// `Accept-Language` value, the rest an `x-trace-id` value; each is found among the request's
// headers as the Api finds it (http::FindHeader, any letter case of the name) and read:
//  - `Accept-Language` by the language quirk's PreferredLanguage (mock/quirks/accept_language.h):
//    the range it picks is lower-case with '-' for '_', holds no ',' or ';', is not padded, and
//    is a range of the header (its text, so lowered, is in the header so lowered);
//  - `x-trace-id` by TraceIds::For (mock/reply/envelope.h), which the envelope and the journal
//    carry: the trace id is always 16 lowercase hex digits, and it is the header's value exactly
//    when that is one.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mock/http/message.h"
#include "mock/quirks/accept_language.h"
#include "mock/reply/envelope.h"

namespace {

bool IsTraceId(std::string_view s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static mock::api::TraceIds trace_ids;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t eol = input.find('\n');
  const std::string_view language = input.substr(0, eol);
  const std::string_view trace = eol == std::string_view::npos ? "" : input.substr(eol + 1);
  mock::http::Headers headers = {{"accept-LANGUAGE", std::string(language)},
                                 {"X-Trace-Id", std::string(trace)}};

  const std::string* sent = mock::http::FindHeader(headers, "Accept-Language");
  if (sent == nullptr || *sent != language) __builtin_trap();
  const std::string best = mock::api::PreferredLanguage(*sent);
  if (best.find_first_of(",;_") != std::string::npos) __builtin_trap();
  if (!best.empty() &&
      (best.front() == ' ' || best.front() == '\t' || best.back() == ' ' || best.back() == '\t')) {
    __builtin_trap();
  }
  if (best != Lowered(best) || Lowered(language).find(best) == std::string::npos) __builtin_trap();

  const std::string id = trace_ids.For(headers);
  if (!IsTraceId(id) || (id == trace) != IsTraceId(trace)) __builtin_trap();
  headers.pop_back();
  if (!IsTraceId(trace_ids.For(headers))) __builtin_trap();  // none sent: one of our own
  return 0;
}
