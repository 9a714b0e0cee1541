#include "mock/auth/authenticator.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "mock/ocp/error_kinds.h"

#include "mock/auth/signature.h"
#include "mock/auth/throttle.h"

namespace mock::auth {
namespace {

constexpr int64_t kNow = 1673946837;  // Tue, 17 Jan 2023 09:13:57 GMT

Authenticator Make(bool accept_ak_sk = true) {
  User admin{100, "admin", "Admin@123", {{"AK1", "secret-1"}}, {Permission::kTaskManager}, {}};
  User viewer{201, "viewer", "p:with:colons", {}, {Permission::kTaskViewer}, {}};
  return Authenticator({admin, viewer}, accept_ak_sk);
}

http::Request WithAuthorization(std::string value, http::Headers more = {}) {
  more.emplace_back("Authorization", std::move(value));
  return http::MakeRequest("GET", "/api/v2/tasks/instances?page=2", std::move(more)).value();
}

StatusOr<std::shared_ptr<const User>> Check(const Authenticator& a, const http::Request& r,
                                            int64_t now = kNow) {
  return a.Authenticate(r, now);
}

TEST(AuthenticatorTest, BasicAcceptsTheRightPassword) {
  Authenticator a = Make();
  auto who = Check(a, WithAuthorization("Basic YWRtaW46QWRtaW5AMTIz"));  // admin:Admin@123
  ASSERT_TRUE(who.ok());
  EXPECT_EQ("admin", who.value()->name);
  auto colons = Check(a, WithAuthorization("Basic dmlld2VyOnA6d2l0aDpjb2xvbnM="));
  ASSERT_TRUE(colons.ok()) << "a password may contain ':'";
  EXPECT_EQ("viewer", colons.value()->name);
}

TEST(AuthenticatorTest, BasicRefusals) {
  Authenticator a = Make();
  for (const char* value :
       {"Basic YWRtaW46d3Jvbmc=" /* admin:wrong */, "Basic bm9ib2R5OnB3" /* nobody:pw */,
        "Basic YWRtaW4=" /* admin, no colon */, "Basic !!!!", "Basic ", "Bearer abc",
        "Basic ====", "Basic =", "Basic ==\n=", "Basic YQ==YQ==",  // found by fuzz_auth
        "basic YWRtaW46QWRtaW5AMTIz"}) {
    auto who = Check(a, WithAuthorization(value));
    ASSERT_FALSE(who.ok()) << value;
    EXPECT_EQ(ocp::ErrorKind::kUnauthenticated, ocp::KindOf(who.status()));
  }
  http::Request none = http::MakeRequest("GET", "/").value();
  EXPECT_FALSE(Check(a, none).ok());
}

http::Request Signed(const std::string& ak, const std::string& sk, const std::string& date) {
  http::Headers headers{{"Date", date}, {"Host", "127.0.0.1:8080"}, {"x-ocp-origin", "test"}};
  http::Request r =
      http::MakeRequest("GET", "/api/v2/tasks/instances?status=FAILED&page=2", headers).value();
  SignedParts parts{"GET", "/api/v2/tasks/instances", r.query, headers, ""};
  r.headers.emplace_back("Authorization", "OCP-ACCESS-KEY-HMACSHA1 " + ak + ":" +
                                              Sign(sk, CanonicalMessage(parts, Variant{})));
  return r;
}

TEST(AuthenticatorTest, AkSkAcceptsAValidSignature) {
  Authenticator a = Make();
  auto who = Check(a, Signed("AK1", "secret-1", "Tue, 17 Jan 2023 09:13:57 GMT"));
  ASSERT_TRUE(who.ok()) << who.status().message();
  EXPECT_EQ("admin", who.value()->name);
}

TEST(AuthenticatorTest, AkSkRefusals) {
  Authenticator a = Make();
  const std::string date = "Tue, 17 Jan 2023 09:13:57 GMT";
  EXPECT_FALSE(Check(a, Signed("AK1", "wrong-secret", date)).ok());
  EXPECT_FALSE(Check(a, Signed("AK9", "secret-1", date)).ok());
  EXPECT_FALSE(Check(a, Signed("AK1", "secret-1", "17 Jan 2023")).ok());
  // 15 minutes off is refused, 14:59 is not.
  EXPECT_FALSE(Check(a, Signed("AK1", "secret-1", date), kNow + 900).ok());
  EXPECT_FALSE(Check(a, Signed("AK1", "secret-1", date), kNow - 900).ok());
  EXPECT_TRUE(Check(a, Signed("AK1", "secret-1", date), kNow + 899).ok());
  // A signature over other parameters does not carry over.
  http::Request tampered = http::MakeRequest("GET", "/api/v2/tasks/instances?status=RUNNING&page=2",
                                             Signed("AK1", "secret-1", date).headers)
                               .value();
  EXPECT_FALSE(Check(a, tampered).ok());
}

// OCP before 4.0.3: a valid signature is still refused, and Basic still works.
TEST(AuthenticatorTest, AkSkOffRefusesEvenAValidSignature) {
  Authenticator a = Make(false);
  auto who = Check(a, Signed("AK1", "secret-1", "Tue, 17 Jan 2023 09:13:57 GMT"));
  ASSERT_FALSE(who.ok());
  EXPECT_EQ(ocp::KindOf(who.status()), ocp::ErrorKind::kUnauthenticated);
  EXPECT_NE(who.status().message().find("4.0.3"), std::string::npos);
  EXPECT_TRUE(Check(a, WithAuthorization("Basic YWRtaW46QWRtaW5AMTIz")).ok());
}

TEST(AuthenticatorTest, ParsesHttpDates) {
  EXPECT_EQ(kNow, ParseHttpDate("Tue, 17 Jan 2023 09:13:57 GMT"));
  EXPECT_FALSE(ParseHttpDate("Tue, 17 Jan 2023 09:13:57 GMT trailing"));
  EXPECT_FALSE(ParseHttpDate("2023-01-17T09:13:57Z"));
}

// A reload swaps the users while requests are being authenticated (run under TSan in --full):
// a user returned before the swap stays valid, and after it only the new users are known.
TEST(AuthenticatorTest, ReplaceUsersWhileAuthenticating) {
  Authenticator a = Make();
  auto before = Check(a, WithAuthorization("Basic YWRtaW46QWRtaW5AMTIz"));
  ASSERT_TRUE(before.ok());
  std::atomic<bool> done{false};
  std::thread reader([&] {
    while (!done.load()) {
      auto who = Check(a, WithAuthorization("Basic YWRtaW46QWRtaW5AMTIz"));
      if (who.ok()) {
        EXPECT_EQ("admin", who.value()->name);
      }
    }
  });
  for (int i = 0; i < 200; ++i) {
    a.ReplaceUsers({User{i, i % 2 == 0 ? "admin" : "other", "Admin@123", {}, {}, {}}});
  }
  done.store(true);
  reader.join();
  EXPECT_EQ("admin", before.value()->name) << "still readable after every swap";
  a.ReplaceUsers({User{9, "newcomer", "pw", {}, {}, {}}});
  EXPECT_FALSE(Check(a, WithAuthorization("Basic YWRtaW46QWRtaW5AMTIz")).ok());
  EXPECT_TRUE(Check(a, WithAuthorization("Basic bmV3Y29tZXI6cHc=")).ok());  // newcomer:pw
  EXPECT_EQ(1u, a.size());
}

TEST(PermissionTest, ManagerIncludesViewer) {
  User manager{1, "m", "p", {}, {Permission::kTaskManager}, {}};
  User viewer{2, "v", "p", {}, {Permission::kTaskViewer}, {}};
  User nobody{3, "n", "p", {}, {}, {}};
  EXPECT_TRUE(manager.Has(Permission::kTaskViewer));
  EXPECT_TRUE(viewer.Has(Permission::kTaskViewer));
  EXPECT_FALSE(viewer.Has(Permission::kTaskManager));
  EXPECT_FALSE(nobody.Has(Permission::kTaskViewer));
}

TEST(ThrottleTest, FixedWindowsCountAndReset) {
  User limited{7, "l", "p", {}, {}, RateLimit{2, 60}};
  Throttle t;
  const int64_t window = 1'700'000'040'000;  // a multiple of 60 s
  auto a = t.Admit(limited, window + 1000);
  EXPECT_TRUE(a.allowed);
  EXPECT_EQ(1, a.remaining);
  EXPECT_EQ(59, a.reset_seconds);
  EXPECT_TRUE(t.Admit(limited, window + 2000).allowed);
  auto refused = t.Admit(limited, window + 3000);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(0, refused.remaining);
  EXPECT_TRUE(t.Admit(limited, window + 60'000).allowed) << "a new window";
  User free{8, "f", "p", {}, {}, {}};
  EXPECT_FALSE(t.Admit(free, window).limited);
}

}  // namespace
}  // namespace mock::auth
