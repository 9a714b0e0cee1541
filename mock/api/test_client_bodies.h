// The request bodies of the client flows' POSTs (docs/terraform.md, docs/takeover.md), each
// one a client sends, for the tests that run every one of them: unknown fields, fault rules.
// takeOver names credential 1, which a test makes first (MakeCredentialOne).
#pragma once

#include <ostream>
#include <string>

#include "mock/api/test_bundled_api.h"

namespace mock::api::testing {

struct Body {
  const char* name;    // the test's name
  const char* method;  // always POST today
  const char* path;
  const char* fields;  // the body's documented fields, without braces
  const char* listed;  // where what the body made is read back, or "" (nothing kept)
};

inline void PrintTo(const Body& b, std::ostream* os) { *os << b.method << " " << b.path; }

inline const Body kBodies[] = {
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
    {"CreateObCluster", "POST", "/api/v2/ob/clusters",
     R"("name": "ob-extra", "type": "PRIMARY", "password": "Root@123",
        "rpmName": "oceanbase-ce-4.2.1.0-100000102023.el7.x86_64.rpm",
        "zones": [{"name": "zone1", "idcName": "idc1", "servers": [16],
                   "rpmName": "oceanbase-ce-4.2.1.0-100000102023.el7.x86_64.rpm"}])",
     "/api/v2/tasks/instances?size=5"},
};

// Credential 1 in the caller's box, which takeOver's body names.
inline int MakeCredentialOne(const families::testing::BundledApi& h) {
  return h
      .Send("POST", "/api/v2/profiles/me/credentials",
            R"({"targetType": "HOST", "name": "box", "sshCredentialProperty":
                {"type": "PASSWORD", "username": "admin", "passphrase": "pw"}})")
      .status;
}

}  // namespace mock::api::testing
