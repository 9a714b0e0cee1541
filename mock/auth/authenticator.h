// Who sent a request: HTTP Basic (every version) or OCP's AK/SK signature (4.0.3+).
//
//   Authenticator auth(users);
//   StatusOr<const User*> who = auth.Authenticate(request, target, time(nullptr));
//
// kUnauthenticated when credentials are missing, malformed, unknown or wrong, or when an AK/SK
// request's Date is 15 minutes or more away from `now`. Secrets are compared in constant time;
// nothing here logs anything.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mock/auth/users.h"
#include "mock/core/status.h"
#include "mock/http/message.h"

namespace mock::auth {

class Authenticator {
 public:
  // `accept_ak_sk` false: as OCP before 4.0.3, an AK/SK signature is an unsupported scheme (401).
  explicit Authenticator(std::vector<User> users, bool accept_ak_sk = true);

  // `now_epoch_s` is the server's wall clock. The user returned lives as long as this
  // Authenticator.
  StatusOr<const User*> Authenticate(const http::Request& request, int64_t now_epoch_s) const;

  size_t size() const { return users_.size(); }

 private:
  StatusOr<const User*> Basic(std::string_view encoded) const;
  StatusOr<const User*> AkSk(std::string_view credentials, const http::Request& request,
                             int64_t now_epoch_s) const;

  std::vector<User> users_;
  bool accept_ak_sk_;
};

// The access key an AK/SK request names in its Authorization header (not a secret); "" for
// any other request.
std::string AccessKeyOf(const http::Headers& headers);

// "Tue, 17 Jan 2023 09:13:57 GMT" -> epoch seconds; nullopt when not RFC 1123.
std::optional<int64_t> ParseHttpDate(std::string_view date);

}  // namespace mock::auth
