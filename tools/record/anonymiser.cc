#include "tools/record/anonymiser.h"

#include <cctype>
#include <regex>

namespace record {
namespace {

bool WordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

// Replaces whole-word occurrences of `from` in `text`.
std::string ReplaceWord(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    const bool left = at == 0 || !WordChar(text[at - 1]);
    const size_t end = at + from.size();
    const bool right = end == text.size() || !WordChar(text[end]) ||
                       (text[end] == '.' && (end + 1 == text.size() || !WordChar(text[end + 1])));
    if (left && right) {
      text.replace(at, from.size(), to);
      at += to.size();
    } else {
      at += 1;
    }
  }
  return text;
}

}  // namespace

std::string Anonymiser::Remember(const std::string& name, std::string replacement) {
  if (!name.empty() && name != replacement) names_.emplace(name, replacement);
  return replacement;
}

std::string Anonymiser::Cluster(int64_t id, const std::string& name) {
  return Remember(name, "cluster-" + std::to_string(id));
}

std::string Anonymiser::Tenant(int64_t id, const std::string& name) {
  return Remember(name, "tenant-" + std::to_string(id));
}

std::string Anonymiser::User(int64_t id, const std::string& name) {
  return Remember(name, "user-" + std::to_string(id));
}

std::string Anonymiser::Host(const std::string& host) {
  if (auto it = hosts_.find(host); it != hosts_.end()) return it->second;
  static const std::regex kIpv4(R"(\d{1,3}(\.\d{1,3}){3})");
  const size_t n = hosts_.size();
  static constexpr const char* kNets[] = {"192.0.2.", "198.51.100.", "203.0.113."};
  std::string replacement;
  if (std::regex_match(host, kIpv4) && n < size_t{3} * 254) {
    replacement = kNets[n / 254] + std::to_string(n % 254 + 1);
  } else {
    replacement = "host-" + std::to_string(n + 1);
  }
  hosts_.emplace(host, replacement);
  return replacement;
}

std::string Anonymiser::Text(std::string_view text) {
  static const std::regex kIpv4(R"((^|[^0-9.])(\d{1,3}(\.\d{1,3}){3})(?![0-9]))");
  std::string in(text), out;
  std::smatch m;
  while (std::regex_search(in, m, kIpv4)) {
    out += m.prefix().str() + m[1].str() + Host(m[2].str());
    in = m.suffix().str();
  }
  out += in;
  // Longest first, so "prod-hz-standby" goes before "prod-hz".
  std::multimap<size_t, std::pair<std::string, std::string>, std::greater<>> by_length;
  for (const auto& [from, to] : names_) by_length.emplace(from.size(), std::pair{from, to});
  for (const auto& [length, pair] : by_length)
    out = ReplaceWord(std::move(out), pair.first, pair.second);
  static const std::regex kAddress(R"(\d{1,3}(\.\d{1,3}){3})");
  for (const auto& [from, to] : hosts_) {
    if (!std::regex_match(from, kAddress)) out = ReplaceWord(std::move(out), from, to);
  }
  return out;
}

}  // namespace record
