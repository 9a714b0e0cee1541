// Who sent a request: HTTP Basic (every version) or OCP's AK/SK signature (4.0.3+).
//
//   Authenticator auth(users);
//   StatusOr<std::shared_ptr<const User>> who = auth.Authenticate(request, time(nullptr));
//
// kUnauthenticated when credentials are missing, malformed, unknown or wrong, or when an AK/SK
// request's Date is 15 minutes or more away from `now`. Secrets are compared in constant time;
// nothing here logs anything.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mock/auth/users.h"
#include "mock/core/status.h"
#include "mock/core/thread_annotations.h"
#include "mock/http/message.h"

namespace mock::auth {

class Authenticator {
 public:
  // `accept_ak_sk` false: as OCP before 4.0.3, an AK/SK signature is an unsupported scheme (401).
  explicit Authenticator(std::vector<User> users, bool accept_ak_sk = true);

  // `now_epoch_s` is the server's wall clock. The user returned stays valid whatever happens
  // to the users afterwards (ReplaceUsers). Thread-safe.
  StatusOr<std::shared_ptr<const User>> Authenticate(const http::Request& request,
                                                     int64_t now_epoch_s) const
      OCPMOCK_EXCLUDES(mutex_);

  // Serves `users` from now on (a reload of the users file). Thread-safe.
  void ReplaceUsers(std::vector<User> users) OCPMOCK_EXCLUDES(mutex_);

  size_t size() const OCPMOCK_EXCLUDES(mutex_) { return Users()->size(); }

 private:
  using UserList = std::shared_ptr<const std::vector<User>>;
  // The users now: a snapshot, read with no lock held.
  UserList Users() const OCPMOCK_EXCLUDES(mutex_);
  static StatusOr<std::shared_ptr<const User>> Basic(const UserList& users,
                                                     std::string_view encoded);
  static StatusOr<std::shared_ptr<const User>> AkSk(const UserList& users,
                                                    std::string_view credentials,
                                                    const http::Request& request,
                                                    int64_t now_epoch_s);

  mutable Mutex mutex_;
  UserList users_ OCPMOCK_GUARDED_BY(mutex_);
  const bool accept_ak_sk_;
};

// The access key an AK/SK request names in its Authorization header (not a secret); "" for
// any other request.
std::string AccessKeyOf(const http::Headers& headers);

// "Tue, 17 Jan 2023 09:13:57 GMT" -> epoch seconds; nullopt when not RFC 1123.
std::optional<int64_t> ParseHttpDate(std::string_view date);

}  // namespace mock::auth
