#include "mock/http/multipart.h"

#include <algorithm>
#include <utility>

#include "mock/core/text.h"

namespace mock::http {
namespace {

constexpr std::string_view kCrlf = "\r\n";
// RFC 2046 §5.1.1: "boundary := 0*69<bchars> bcharsnospace", so 1 to 70 characters.
constexpr size_t kMaxBoundary = 70;

// RFC 2046 §5.1.1's bchars: bcharsnospace (digits, letters, '()+_,-./:=?) and the space.
bool IsBchar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

bool IsPadding(char c) { return c == ' ' || c == '\t'; }

std::string_view TrimOws(std::string_view s) {
  while (!s.empty() && IsPadding(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsPadding(s.back())) s.remove_suffix(1);
  return s;
}

// A header value `type *( ";" name "=" ( token / quoted-string ) )` (RFC 9110 §5.6.6): the type
// and parameter names lower-cased; quoted values unquoted, a backslash escaping the next byte.
struct HeaderValue {
  std::string type;
  std::vector<std::pair<std::string, std::string>> params;

  const std::string* Param(std::string_view name) const {
    for (const auto& [key, value] : params) {
      if (key == name) return &value;
    }
    return nullptr;
  }
};

// Reads a quoted-string starting at s[at] == '"'; moves `at` past its closing quote.
std::optional<std::string> Quoted(std::string_view s, size_t& at) {
  std::string out;
  for (++at; at < s.size(); ++at) {
    if (s[at] == '"') {
      ++at;
      return out;
    }
    if (s[at] == '\\' && at + 1 < s.size()) ++at;
    out.push_back(s[at]);
  }
  return std::nullopt;
}

StatusOr<HeaderValue> ParseHeaderValue(std::string_view s, std::string_view header) {
  HeaderValue out;
  size_t at = s.find(';');
  out.type = text::LowerAscii(TrimOws(s.substr(0, at)));
  while (at < s.size()) {
    ++at;  // past ';'
    const size_t eq = s.find_first_of("=;", at);
    const std::string name = text::LowerAscii(TrimOws(s.substr(at, eq - at)));
    if (eq == std::string_view::npos || s[eq] == ';') {  // a parameter without a value: skipped
      at = eq;
      continue;
    }
    at = eq + 1;
    while (at < s.size() && IsPadding(s[at])) ++at;
    std::string value;
    if (at < s.size() && s[at] == '"') {
      auto quoted = Quoted(s, at);
      if (!quoted) {
        return InvalidArgument(std::string(header) + ": the quoted value of `" + name +
                               "` has no closing quote");
      }
      value = std::move(*quoted);
      while (at < s.size() && IsPadding(s[at])) ++at;
      if (at < s.size() && s[at] != ';') {
        return InvalidArgument(std::string(header) + ": text after the quoted value of `" + name +
                               "`");
      }
    } else {
      const size_t end = s.find(';', at);
      value = std::string(TrimOws(s.substr(at, end - at)));
      at = end;
    }
    if (!name.empty()) out.params.emplace_back(name, std::move(value));
  }
  return out;
}

std::string PartName(size_t index) { return "part " + std::to_string(index + 1); }

// One header line of part `index` applied to `part`; `disposition` says whether it had one.
Status ApplyHeader(std::string_view line, size_t index, FormPart& part, bool& disposition) {
  const size_t colon = line.find(':');
  const std::string_view name =
      colon == std::string_view::npos ? "" : TrimOws(line.substr(0, colon));
  if (name.empty()) {
    return InvalidArgument(PartName(index) + ": the header line \"" + Excerpt(line) +
                           "\" is not `Name: value`");
  }
  const std::string_view value = TrimOws(line.substr(colon + 1));
  if (text::EqualsIgnoreCase(name, "Content-Type")) {
    part.content_type = std::string(value);
    return Status();
  }
  if (!text::EqualsIgnoreCase(name, "Content-Disposition") || disposition) return Status();
  auto parsed = ParseHeaderValue(value, PartName(index) + "'s Content-Disposition");
  if (!parsed.ok()) return parsed.status();
  if (parsed.value().type != "form-data") {
    return InvalidArgument(PartName(index) + "'s Content-Disposition is \"" + Excerpt(value) +
                           "\", not form-data (RFC 7578 §4.2)");
  }
  const std::string* field = parsed.value().Param("name");
  if (field == nullptr) {
    return InvalidArgument(PartName(index) +
                           "'s Content-Disposition has no `name` (RFC 7578 §4.2)");
  }
  part.name = *field;
  if (const std::string* file = parsed.value().Param("filename")) part.filename = *file;
  disposition = true;
  return Status();
}

// The part whose header block starts at body[at], up to the next `delimiter`; moves `at` to the
// delimiter's end.
StatusOr<FormPart> ReadPart(std::string_view body, std::string_view delimiter, size_t index,
                            size_t& at) {
  FormPart part;
  bool disposition = false;
  for (;;) {
    const size_t eol = body.find(kCrlf, at);
    if (eol == std::string_view::npos) {
      return InvalidArgument(PartName(index) + ": its headers are not ended by an empty line");
    }
    const std::string_view line = body.substr(at, eol - at);
    at = eol + kCrlf.size();
    if (line.empty()) break;
    if (Status s = ApplyHeader(line, index, part, disposition); !s.ok()) return s;
  }
  const size_t end = body.find(delimiter, at);
  if (end == std::string_view::npos) {
    return InvalidArgument("no closing delimiter \"" +
                           Excerpt(std::string(delimiter.substr(2)) + "--") + "\" after " +
                           PartName(index));
  }
  if (!disposition) {
    return InvalidArgument(PartName(index) +
                           " has no Content-Disposition: form-data header (RFC 7578 §4.2)");
  }
  part.data = body.substr(at, end - at);
  at = end + delimiter.size();
  return part;
}

}  // namespace

std::string MediaType(std::string_view content_type) {
  return text::LowerAscii(TrimOws(content_type.substr(0, content_type.find(';'))));
}

StatusOr<std::string> FormBoundary(std::string_view content_type) {
  auto parsed = ParseHeaderValue(content_type, "Content-Type");
  if (!parsed.ok()) return parsed.status();
  if (parsed.value().type != "multipart/form-data") {
    return InvalidArgument("the Content-Type is \"" + Excerpt(content_type) +
                           "\", not multipart/form-data");
  }
  const std::string* boundary = parsed.value().Param("boundary");
  if (boundary == nullptr) {
    return InvalidArgument("the Content-Type multipart/form-data has no boundary parameter");
  }
  const bool fits = !boundary->empty() && boundary->size() <= kMaxBoundary &&
                    boundary->back() != ' ' &&
                    std::all_of(boundary->begin(), boundary->end(), IsBchar);
  if (!fits) {
    return InvalidArgument("the boundary \"" + Excerpt(*boundary) +
                           "\" is not 1 to 70 of RFC 2046's characters");
  }
  return *boundary;
}

StatusOr<std::vector<FormPart>> ParseFormData(std::string_view body, std::string_view boundary) {
  if (boundary.empty()) return InvalidArgument("the boundary is empty");
  const std::string dash = "--" + std::string(boundary);
  const std::string delimiter = std::string(kCrlf) + dash;
  size_t at = 0;
  if (body.starts_with(dash)) {
    at = dash.size();
  } else if (size_t first = body.find(delimiter); first != std::string_view::npos) {
    at = first + delimiter.size();  // after a preamble
  } else {
    return InvalidArgument("the body has no delimiter line \"" + Excerpt(dash) + "\"");
  }
  std::vector<FormPart> parts;
  for (;;) {
    if (body.substr(at).starts_with("--")) return parts;  // the close delimiter; epilogue ignored
    while (at < body.size() && IsPadding(body[at])) ++at;
    if (!body.substr(at).starts_with(kCrlf)) {
      return InvalidArgument("the delimiter line before " + PartName(parts.size()) +
                             " goes on after \"" + Excerpt(dash) + "\" (or the body ends there)");
    }
    at += kCrlf.size();
    auto part = ReadPart(body, delimiter, parts.size(), at);
    if (!part.ok()) return part.status();
    parts.push_back(std::move(part).value());
  }
}

const FormPart* FindPart(const std::vector<FormPart>& parts, std::string_view name) {
  for (const FormPart& p : parts) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace mock::http
