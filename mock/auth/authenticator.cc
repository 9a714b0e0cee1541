#include "mock/auth/authenticator.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <ctime>

#include "mock/auth/signature.h"
#include "mock/core/log.h"

namespace mock::auth {
namespace {

// `text` on one log line: newlines as \n.
std::string Escaped(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out;
}

constexpr std::string_view kAkSkScheme = "OCP-ACCESS-KEY-HMACSHA1 ";
constexpr int64_t kMaxSkewSeconds = int64_t{15} * 60;

// Equal without revealing where they differ, or their lengths: compares SHA-256 digests.
bool SecretEquals(std::string_view a, std::string_view b) {
  // Fetched once: OpenSSL 3 looks the algorithm up again on every EVP_sha256() digest, which
  // was a tenth of a list request's time.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  unsigned char da[32], db[32];
  EVP_Digest(a.data(), a.size(), da, nullptr, sha256, nullptr);
  EVP_Digest(b.data(), b.size(), db, nullptr, sha256, nullptr);
  return CRYPTO_memcmp(da, db, sizeof da) == 0;
}

std::optional<std::string> DecodeBase64(std::string_view in) {
  if (in.empty() || in.size() % 4 != 0 || in.size() > 4096) return std::nullopt;
  std::string out(in.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(in.data()),
                          static_cast<int>(in.size()));
  if (n < 0) return std::nullopt;
  size_t size = static_cast<size_t>(n);
  // EVP_DecodeBlock counts the bytes that stand for '=' padding (at most two, at the end).
  size_t padding = 0;
  for (size_t i = in.size(); i > 0 && in[i - 1] == '=' && padding < 2; --i) ++padding;
  if (padding > size) return std::nullopt;
  size -= padding;
  out.resize(size);
  return out;
}

std::string_view Path(std::string_view target) { return target.substr(0, target.find('?')); }

}  // namespace

std::optional<int64_t> ParseHttpDate(std::string_view date) {
  std::string text(date);
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return static_cast<int64_t>(timegm(&tm));
}

std::string AccessKeyOf(const http::Headers& headers) {
  const std::string* header = http::FindHeader(headers, "Authorization");
  if (header == nullptr || header->rfind(kAkSkScheme, 0) != 0) return "";
  std::string_view credentials = std::string_view(*header).substr(kAkSkScheme.size());
  return std::string(credentials.substr(0, credentials.find(':')));
}

Authenticator::Authenticator(std::vector<User> users, bool accept_ak_sk)
    : users_(std::make_shared<const std::vector<User>>(std::move(users))),
      accept_ak_sk_(accept_ak_sk) {}

void Authenticator::ReplaceUsers(std::vector<User> users) {
  auto fresh = std::make_shared<const std::vector<User>>(std::move(users));
  MutexLock lock(mutex_);
  users_ = std::move(fresh);
}

Authenticator::UserList Authenticator::Users() const {
  MutexLock lock(mutex_);
  return users_;
}

StatusOr<std::shared_ptr<const User>> Authenticator::Authenticate(const http::Request& request,
                                                                  int64_t now_epoch_s) const {
  const std::string* header = http::FindHeader(request.headers, "Authorization");
  if (header == nullptr) return Unauthenticated("No Authorization header.");
  std::string_view value = *header;
  if (value.size() > 6 && value.substr(0, 6) == "Basic ") return Basic(Users(), value.substr(6));
  if (value.rfind(kAkSkScheme, 0) == 0) {
    if (!accept_ak_sk_) {
      return Unauthenticated("AK/SK signatures are accepted from OCP 4.0.3 on; use Basic.");
    }
    return AkSk(Users(), value.substr(kAkSkScheme.size()), request, now_epoch_s);
  }
  return Unauthenticated("Unsupported Authorization scheme.");
}

StatusOr<std::shared_ptr<const User>> Authenticator::Basic(const UserList& users,
                                                           std::string_view encoded) {
  auto decoded = DecodeBase64(encoded);
  size_t colon = decoded ? decoded->find(':') : std::string::npos;
  if (colon == std::string::npos) return Unauthenticated("Malformed Basic credentials.");
  std::string_view name = std::string_view(*decoded).substr(0, colon);
  std::string_view password = std::string_view(*decoded).substr(colon + 1);
  for (const User& user : *users) {
    if (user.name == name && SecretEquals(user.password, password)) {
      return std::shared_ptr<const User>(users, &user);  // keeps the whole list alive
    }
  }
  return Unauthenticated("Incorrect username or password.");
}

StatusOr<std::shared_ptr<const User>> Authenticator::AkSk(const UserList& users,
                                                          std::string_view credentials,
                                                          const http::Request& request,
                                                          int64_t now_epoch_s) {
  size_t colon = credentials.find(':');
  if (colon == std::string_view::npos) return Unauthenticated("Malformed AK/SK credentials.");
  std::string_view ak = credentials.substr(0, colon);
  std::string_view signature = credentials.substr(colon + 1);
  const std::string* date = http::FindHeader(request.headers, "Date");
  std::optional<int64_t> sent = date ? ParseHttpDate(*date) : std::nullopt;
  if (!sent) return Unauthenticated("AK/SK requests need an RFC 1123 Date header.");
  if (std::abs(*sent - now_epoch_s) >= kMaxSkewSeconds) {
    return Unauthenticated("The Date header is 15 minutes or more away from the server's time.");
  }
  // The client signs the path as it sent it, not decoded.
  SignedParts parts{request.method, std::string(Path(request.target)), request.query,
                    request.headers, request.body};
  for (const User& user : *users) {
    for (const AccessKey& key : user.access_keys) {
      if (key.id != ak) continue;
      for (Variant v : {Variant{false, false}, Variant{true, false}, Variant{false, true},
                        Variant{true, true}}) {
        if (SecretEquals(Sign(key.secret, CanonicalMessage(parts, v)), signature)) {
          return std::shared_ptr<const User>(users, &user);
        }
      }
      // The string the server signed, never the secret: a client author compares it with their
      // own to find the difference (a header, the query order, the Host).
      if (LogEnabled(LogLevel::kDebug)) {
        Log(LogLevel::kDebug, "AK/SK signature from " + std::string(ak) +
                                  " does not match; the server signed (newlines as \\n): " +
                                  Escaped(CanonicalMessage(parts, Variant{false, false})));
      }
      return Unauthenticated("The signature does not match.");
    }
  }
  return Unauthenticated("Unknown access key.");
}

}  // namespace mock::auth
