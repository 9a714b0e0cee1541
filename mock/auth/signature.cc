#include "mock/auth/signature.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <map>

namespace mock::auth {
namespace {

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Header(const http::Headers& headers, std::string_view name) {
  const std::string* v = http::FindHeader(headers, name);
  return v == nullptr ? "" : *v;
}

std::string Join(const std::vector<std::string>& values, bool sorted) {
  std::vector<std::string> v = values;
  if (sorted) std::sort(v.begin(), v.end());
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + v[i];
  return out;
}

// "A, 1" -> {"A", "1"}: a comma-separated header value is several values.
std::vector<std::string> SplitValues(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    size_t start = 0;
    while (true) {
      size_t comma = value.find(',', start);
      std::string part = value.substr(start, comma == std::string::npos ? comma : comma - start);
      part.erase(0, part.find_first_not_of(' '));
      part.erase(part.find_last_not_of(' ') + 1);
      out.push_back(part);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

std::string OcpHeaders(const http::Headers& headers, bool sort_values) {
  std::map<std::string, std::vector<std::string>> ocp;  // sorted by key
  for (const auto& [name, value] : headers) {
    if (StartsWithIgnoreCase(name, "x-ocp-")) ocp[Lower(name)].push_back(value);
  }
  std::string out;
  for (const auto& [name, values] : ocp) {
    if (!out.empty()) out += "\n";
    out += name + ":" + (sort_values ? Join(SplitValues(values), true) : Join(values, false));
  }
  return out;
}

std::string Query(const QueryParams& params) {
  std::map<std::string, std::vector<std::string>> merged;
  for (const auto& [k, v] : params) merged[Rfc3986(k)].push_back(Rfc3986(v));
  std::string out;
  for (const auto& [k, values] : merged) {
    out += (out.empty() ? "?" : "&") + k + "=" + Join(values, true);
  }
  return out;
}

std::string Base64(const unsigned char* data, size_t size) {
  std::string out(4 * ((size + 2) / 3) + 1, '\0');
  int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace

std::string Rfc3986(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(ch);
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

std::string Md5Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_md5(), nullptr);
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) out += {kHex[digest[i] >> 4], kHex[digest[i] & 15]};
  return out;
}

std::string CanonicalMessage(const SignedParts& p, const Variant& variant) {
  std::string md5 = p.body.empty() && !variant.md5_of_empty_body ? "" : Md5Hex(p.body);
  return p.method + "\n" + md5 + "\n" + Header(p.headers, "Content-Type") + "\n" +
         Header(p.headers, "Date") + "\n" + Header(p.headers, "Host") + "\n" +
         OcpHeaders(p.headers, variant.sort_header_values) + "\n" + p.path + Query(p.query);
}

std::string Sign(std::string_view secret, std::string_view message) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &size);
  return Base64(mac, size);
}

}  // namespace mock::auth
