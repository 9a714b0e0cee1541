// Request bodies with fields OCP's DTOs do not declare are accepted, and the fields are dropped:
// OCP builds its Jackson mapper with FAIL_ON_UNKNOWN_PROPERTIES disabled, and the clients rely on
// it (the terraform provider's clientToken, obdeploy's and the Ansible roles' validate and
// hostIdList; docs/reference/ocp-client-flows.md §2.4). One test per body the mock reads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "mock/api/test_client_bodies.h"

namespace mock::api {
namespace {

using families::testing::BundledApi;
using testing::Body;
using ::testing::HasSubstr;
using testing::kBodies;
using ::testing::Not;

// Fields no OCP DTO declares: a client's own, and one of every JSON type.
constexpr char kExtras[] =
    R"("clientToken": "terraform-0001", "validate": true, "hostIdList": [1, 2],
       "notAnOcpField": {"nested": [null, 1.5, "x"]}, )";

class UnknownFields : public ::testing::TestWithParam<Body> {};

TEST_P(UnknownFields, AreAcceptedAndDropped) {
  const Body& b = GetParam();
  BundledApi h;
  ASSERT_EQ(200, testing::MakeCredentialOne(h));
  const std::string body = std::string("{") + kExtras + b.fields + "}";
  http::Response r = h.Send(b.method, b.path, body, {{"Content-Type", "application/json"}});
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("successful":true)"));
  EXPECT_THAT(r.body, Not(HasSubstr("notAnOcpField")));
  EXPECT_THAT(r.body, Not(HasSubstr("terraform-0001")));
  if (*b.listed != '\0') {
    http::Response listed = h.Send("GET", b.listed);
    ASSERT_EQ(200, listed.status) << listed.body;
    EXPECT_THAT(listed.body, Not(HasSubstr("notAnOcpField")));
    EXPECT_THAT(listed.body, Not(HasSubstr("terraform-0001")));
  }
}

INSTANTIATE_TEST_SUITE_P(EveryBody, UnknownFields, ::testing::ValuesIn(kBodies),
                         [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace mock::api
