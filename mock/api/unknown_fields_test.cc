// Request bodies with fields OCP's DTOs do not declare are accepted, and the fields are dropped:
// OCP builds its Jackson mapper with FAIL_ON_UNKNOWN_PROPERTIES disabled, and the clients rely on
// it (the terraform provider's clientToken, obdeploy's and the Ansible roles' validate and
// hostIdList; docs/reference/ocp-client-flows.md §2.4). One test per body the mock reads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "mock/api/test_bundled_api.h"

namespace mock::api {
namespace {

using families::testing::BundledApi;
using ::testing::HasSubstr;
using ::testing::Not;

// Fields no OCP DTO declares: a client's own, and one of every JSON type.
constexpr char kExtras[] =
    R"("clientToken": "terraform-0001", "validate": true, "hostIdList": [1, 2],
       "notAnOcpField": {"nested": [null, 1.5, "x"]}, )";

struct Body {
  const char* name;    // the test's name
  const char* method;  // always POST today
  const char* path;
  const char* fields;  // the body's documented fields, without braces
  const char* listed;  // where what the body made is read back, or "" (nothing kept)
};

void PrintTo(const Body& b, std::ostream* os) { *os << b.method << " " << b.path; }

const Body kBodies[] = {
    {"CreateTenant", "POST", "/api/v2/ob/clusters/2/tenants/createTenant",
     R"("name": "extra", "mode": "MYSQL", "rootPassword": "xxxxx", "zones": [{"name": "zone1",
        "replicaType": "FULL", "resourcePool": {"unitSpecName": "S1", "unitCount": 1}}])",
     "/api/v2/ob/clusters/2/tenants?size=100"},
    {"BatchCreateHosts", "POST", "/api/v2/compute/hosts/batchCreate",
     R"("hostBasicDataList": [{"innerIpAddress": "10.9.9.9"}], "sshPort": 22,
        "kind": "DEDICATED_PHYSICAL_MACHINE", "idcId": 1, "typeId": 1, "credentialId": 1)",
     ""},
    {"CreateHostType", "POST", "/api/v2/compute/hostTypes",
     R"("name": "extra-type", "description": "d")", "/api/v2/compute/hostTypes?size=100"},
    {"CreateCredential", "POST", "/api/v2/profiles/me/credentials",
     R"("targetType": "HOST", "name": "extra-credential", "sshCredentialProperty":
        {"type": "PASSWORD", "username": "admin", "passphrase": "pw"})",
     "/api/v2/profiles/me/credentials"},
    {"TakeoverPreCheck", "POST", "/api/v2/ob/clusters/takeOverPreCheck",
     R"("connectionMode": "direct", "address": "10.9.0.1", "port": 2881,
        "rootSysPassword": "rootpw")",
     ""},
    {"TakeOver", "POST", "/api/v2/ob/clusters/takeOver",
     R"("connectionMode": "direct", "rootSysPassword": "rootpw", "address": "10.9.0.1",
        "port": 2881, "hostInfo": {"kind": "DEDICATED_PHYSICAL_MACHINE", "hostTypeId": 1,
        "sshPort": 22, "credentialId": 1, "notAnOcpField": 2})",
     "/api/v2/tasks/instances?size=5"},
    {"CreateObproxyCluster", "POST", "/api/v2/obproxy/clusters",
     R"("name": "obproxy-extra", "workMode": "RS_LIST",
        "obproxyInstallParam": {"hostIds": [18, 12], "sqlPort": 3883, "exporterPort": 3884,
                                "version": "obproxy-ce-4.2.1.0-11.el7.x86_64.rpm"},
        "obLinks": [{"clusterName": "obcluster-prod-hz", "obClusterId": 100002,
                     "username": "proxyro", "notAnOcpField": 3}])",
     "/api/v2/tasks/instances?size=5"},
};

class UnknownFields : public ::testing::TestWithParam<Body> {};

TEST_P(UnknownFields, AreAcceptedAndDropped) {
  const Body& b = GetParam();
  BundledApi h;
  // takeOver names credential 1: the caller's box holds none until one is made.
  ASSERT_EQ(200, h.Send("POST", "/api/v2/profiles/me/credentials",
                        R"({"targetType": "HOST", "name": "box", "sshCredentialProperty":
                            {"type": "PASSWORD", "username": "admin", "passphrase": "pw"}})")
                     .status);
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
