// What each of TenantObjectsFamily's OCP routes is (reply/operation.h), for the OpenAPI
// documents; the /__mock/tenantObjects ones are ResourceFamily's. Every page exists alike in
// every version from 3.1.1 to 4.2.2. The facts: docs/reference/ocp-tenant-objects-and-obproxy.md
// §2, §5 to §10; the choices: docs/tenant-objects.md. The samples are 4.2.2's
// (contract_tests/samples/README.md, "Tenant objects"); the other versions' parse equal but for
// the `server` placeholder and are not copied.
#include "mock/families/tenant_objects/tenant_objects_family.h"
#include "mock/reply/sample_files.h"

namespace mock::families {

using api::Operation;
using api::Provenance;
using ocp::ErrorKind;

namespace {

constexpr char kTenantObjectsPattern[] = "/api/v2/ob/clusters/{id}/tenants/{tenantId}";

// What every one of these pages shares (tenant_objects_family.h).
constexpr char kTenantObjectsCommon[] =
    " No query parameter is documented: any is ignored, as Spring ignores one it does not bind "
    "(framework). A cluster not shown is clusterNotFound, a tenant not shown or of another "
    "cluster recordNotFound naming OB_TENANT (doc: the codes, §10; mock: which page answers "
    "them). Built-in objects are the ones OceanBase gives a tenant of its mode, with the "
    "tenant's createTime; fixture rows (/__mock/tenantObjects) add or replace some (mock).";

std::string TenantObjectPattern(const char* tail) {
  return std::string(kTenantObjectsPattern) + tail;
}

Operation DatabasesOperation() {
  return {.method = "GET",
          .pattern = TenantObjectPattern("/databases"),
          .id = "listTenantDatabases",
          .summary = "Query databases: a MySQL tenant's databases",
          .description =
              std::string("oceanbase, information_schema, mysql and test in the sample's order, "
                          "then the tenant's fixture databases by row id; ids OceanBase's (3.x "
                          "or 4.x by the tenant's obVersion), one DIRECT JDBC URL each; no "
                          "paging, no order is documented (doc: the sample; mock: the order). "
                          "An Oracle tenant is oracleTenantNotSupported, as OCP Express refuses "
                          "it (mock).") +
              kTenantObjectsCommon,
          .provenance = Provenance::kDoc,
          .answer = {.schema = "tenant-database-list-response"},
          .errors = {ErrorKind::kClusterNotFound, ErrorKind::kRecordNotFound,
                     ErrorKind::kOracleTenantNotSupported},
          .samples = api::SampleFiles("tenant-databases", {"4.2.2"})};
}

Operation UsersOperation() {
  return {.method = "GET",
          .pattern = TenantObjectPattern("/users"),
          .id = "listTenantUsers",
          .summary = "Query database users: the tenant's users",
          .description =
              std::string("A MySQL tenant's root with the sample's privileges, every database "
                          "accessible (and proxyro in the sys tenant); an Oracle tenant's SYS; "
                          "then its fixture users by row id (doc: the sample; mock: the rest). "
                          "Each mode's own fields only (doc). The sample is the zh-CN page's: "
                          "the en-US copy is not JSON.") +
              kTenantObjectsCommon,
          .provenance = Provenance::kDoc,
          .answer = {.schema = "tenant-user-list-response"},
          .errors = {ErrorKind::kClusterNotFound, ErrorKind::kRecordNotFound},
          .samples = api::SampleFiles("tenant-users", {"4.2.2"})};
}

Operation UserOperation() {
  return {.method = "GET",
          .pattern = TenantObjectPattern("/users/{username}"),
          .id = "getTenantUser",
          .summary = "Query database user details: one user, by name",
          .description =
              std::string("The user the list gives under that exact name; none is "
                          "dbUserNotFound (doc: the code; mock: that this page answers it). The "
                          "MCP server sends `hostName` when it is given (client); no page "
                          "documents it, so it is ignored (framework). The sample is the zh-CN "
                          "page's: the en-US copy is not JSON.") +
              kTenantObjectsCommon,
          .provenance = Provenance::kDoc,
          .params = {{.name = "hostName",
                      .description = "Sent by the MCP server's get_tenant_user_detail when "
                                     "given; undocumented, ignored.",
                      .provenance = Provenance::kClient}},
          .answer = {.schema = "tenant-user-response"},
          .errors = {ErrorKind::kClusterNotFound, ErrorKind::kRecordNotFound,
                     ErrorKind::kDbUserNotFound},
          .samples = api::SampleFiles("tenant-user", {"4.2.2"})};
}

Operation RolesOperation() {
  return {.method = "GET",
          .pattern = TenantObjectPattern("/roles"),
          .id = "listTenantRoles",
          .summary = "Query the database role details: an Oracle tenant's roles",
          .description =
              std::string("CONNECT, RESOURCE, DBA and PUBLIC with the sample's system "
                          "privileges, then the tenant's fixture roles by row id (doc: the "
                          "sample; mock: the order). A MySQL tenant is mysqlTenantNotSupported, "
                          "as OCP Express refuses it (mock; 3.1.1's table has no such code: "
                          "badRequest's 1003).") +
              kTenantObjectsCommon,
          .provenance = Provenance::kDoc,
          .answer = {.schema = "tenant-role-list-response"},
          .errors = {ErrorKind::kClusterNotFound, ErrorKind::kRecordNotFound,
                     ErrorKind::kMysqlTenantNotSupported},
          .samples = api::SampleFiles("tenant-roles", {"4.2.2"})};
}

Operation RoleOperation() {
  return {
      .method = "GET",
      .pattern = TenantObjectPattern("/roles/{roleName}"),
      .id = "getTenantRole",
      .summary = "Query database role details: one role, by name",
      .description = std::string("The role the list gives under that exact name; none is "
                                 "dbRoleNotFound (doc: the code; mock: that this page answers it; "
                                 "3.1.1's table has no role code: recordNotFound's 1002). A MySQL "
                                 "tenant is mysqlTenantNotSupported (mock).") +
                     kTenantObjectsCommon,
      .provenance = Provenance::kDoc,
      .answer = {.schema = "tenant-role-response"},
      .errors = {ErrorKind::kClusterNotFound, ErrorKind::kRecordNotFound,
                 ErrorKind::kMysqlTenantNotSupported, ErrorKind::kDbRoleNotFound},
      .samples = api::SampleFiles("tenant-role", {"4.2.2"})};
}

Operation ObjectsOperation() {
  return {.method = "GET",
          .pattern = TenantObjectPattern("/objects"),
          .id = "listTenantObjects",
          .summary = "Query database objects: an Oracle tenant's tables, views and procedures",
          .description =
              std::string("The tenant's fixture objects by row id, each with fullName "
                          "schemaName.objectName as the sample has it (doc); none is built in, as "
                          "OCP Express lists none of SYS's (doc, mock). A MySQL tenant is "
                          "mysqlTenantNotSupported (mock).") +
              kTenantObjectsCommon,
          .provenance = Provenance::kDoc,
          .answer = {.schema = "tenant-db-object-list-response"},
          .errors = {ErrorKind::kClusterNotFound, ErrorKind::kRecordNotFound,
                     ErrorKind::kMysqlTenantNotSupported},
          .samples = api::SampleFiles("tenant-objects", {"4.2.2"})};
}

}  // namespace

std::vector<Operation> TenantObjectsFamily::OcpOperations() const {
  return {DatabasesOperation(), UsersOperation(), UserOperation(),
          RolesOperation(),     RoleOperation(),  ObjectsOperation()};
}

}  // namespace mock::families
