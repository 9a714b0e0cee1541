// libFuzzer target: the multipart/form-data parser, which reads every byte of an upload. The
// input's first line is the Content-Type value, the rest the body. Whatever it is given, the
// parser never crashes, each part's data lies within the body and holds no delimiter, and the
// parts written out again with the same boundary parse back to the same parts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mock/http/multipart.h"

namespace {

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// The body a client would send for `parts`.
std::string Encode(const std::vector<mock::http::FormPart>& parts, std::string_view boundary) {
  std::string out;
  for (const auto& p : parts) {
    out +=
        "--" + std::string(boundary) + "\r\nContent-Disposition: form-data; name=" + Quote(p.name);
    if (p.filename) out += "; filename=" + Quote(*p.filename);
    out += "\r\n";
    if (!p.content_type.empty()) out += "Content-Type: " + p.content_type + "\r\n";
    out += "\r\n" + std::string(p.data) + "\r\n";
  }
  return out + "--" + std::string(boundary) + "--\r\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t eol = input.find('\n');
  if (eol == std::string_view::npos) return 0;
  auto boundary = mock::http::FormBoundary(input.substr(0, eol));
  if (!boundary.ok()) return 0;
  const std::string_view body = input.substr(eol + 1);
  auto parts = mock::http::ParseFormData(body, boundary.value());
  if (!parts.ok()) return 0;
  const std::string delimiter = "\r\n--" + boundary.value();
  for (const auto& p : parts.value()) {
    if (p.data.data() < body.data() || p.data.data() + p.data.size() > body.data() + body.size())
      __builtin_trap();
    if (p.data.find(delimiter) != std::string_view::npos) __builtin_trap();
  }
  const std::string again = Encode(parts.value(), boundary.value());
  auto reparsed = mock::http::ParseFormData(again, boundary.value());
  if (!reparsed.ok() || reparsed.value().size() != parts.value().size()) __builtin_trap();
  for (size_t i = 0; i < parts.value().size(); ++i) {
    const auto& a = parts.value()[i];
    const auto& b = reparsed.value()[i];
    if (a.name != b.name || a.filename != b.filename || a.content_type != b.content_type ||
        a.data != b.data)
      __builtin_trap();
  }
  return 0;
}
