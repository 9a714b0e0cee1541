#include "mock/http/url.h"

namespace mock::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Length of the UTF-8 sequence starting at s[i], or 0 when it is not well-formed (overlong
// forms, surrogates and code points past U+10FFFF included).
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace

StatusOr<std::string> DecodeComponent(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
      continue;
    }
    if (c != '%') {
      out.push_back(c);
      continue;
    }
    int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
    int lo = hi >= 0 ? HexValue(s[i + 2]) : -1;
    if (lo < 0) {
      return InvalidArgument("malformed percent-escape '" + Excerpt(s.substr(i, 3)) + "'");
    }
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  if (out.find('\0') != std::string::npos)
    return InvalidArgument("a NUL byte in the request-target");
  if (!IsValidUtf8(out)) return InvalidArgument("the request-target is not valid UTF-8");
  return out;
}

StatusOr<QueryParams> ParseQuery(std::string_view raw, size_t max_params, Undecodable undecodable) {
  QueryParams params;
  while (!raw.empty()) {
    size_t amp = raw.find('&');
    std::string_view piece = raw.substr(0, amp);
    raw = amp == std::string_view::npos ? std::string_view() : raw.substr(amp + 1);
    if (piece.empty()) continue;
    if (params.size() >= max_params) {
      return InvalidArgument("more than " + std::to_string(max_params) + " query parameters");
    }
    size_t eq = piece.find('=');
    auto key = DecodeComponent(piece.substr(0, eq), true);
    auto value = DecodeComponent(eq == std::string_view::npos ? "" : piece.substr(eq + 1), true);
    if (!key.ok() || !value.ok()) {
      if (undecodable == Undecodable::kDrop) continue;
      return !key.ok() ? key.status() : value.status();
    }
    params.emplace(std::move(key).value(), std::move(value).value());
  }
  return params;
}

StatusOr<Target> ParseTarget(std::string_view target, size_t max_params, Undecodable undecodable) {
  target = target.substr(0, target.find('#'));
  size_t q = target.find('?');
  std::string_view raw_path = target.substr(0, q);
  if (raw_path.empty() || raw_path.front() != '/') {
    return InvalidArgument("the request-target must be an absolute path");
  }
  Target out;
  // Segment by segment, so that an encoded '/' or a dot-segment cannot change the route.
  for (size_t start = 1; start <= raw_path.size();) {
    size_t slash = raw_path.find('/', start);
    std::string_view seg = raw_path.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    auto decoded = DecodeComponent(seg, false);
    if (!decoded.ok()) return decoded.status();
    const std::string& d = decoded.value();
    if (d == "." || d == ".." || d.find('/') != std::string::npos) {
      return InvalidArgument("the path segment '" + Excerpt(seg) + "' is not allowed");
    }
    out.path += "/" + d;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (q != std::string_view::npos) {
    auto query = ParseQuery(target.substr(q + 1), max_params, undecodable);
    if (!query.ok()) return query.status();
    out.query = std::move(query).value();
  }
  return out;
}

}  // namespace mock::http
