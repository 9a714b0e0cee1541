// The databases, database users and roles OceanBase gives every tenant of its mode, as OCP's
// tenant pages answer them (docs/reference/ocp-tenant-objects-and-obproxy.md §5.4, §6.4, §8.4),
// derived from the tenant's facts alone, so the same tenant always has the same ones:
//  - MySQL: databases oceanbase, information_schema, mysql, test (the sample's, in its order,
//    each the tenant's charset and collation, not read-only); user root, with the sample's
//    global and database privileges and every database of the tenant accessible; and, in the
//    sys tenant only, proxyro, which OBProxy logs in as (SELECT on oceanbase: `mock`);
//  - Oracle: user SYS (the DBA role's system privileges: `mock`); roles CONNECT, RESOURCE, DBA,
//    PUBLIC with the sample's system privileges, granted to no one (§8.5).
// Every one has the tenant's createTime (roles: as updateTime too). Which objects OCP lists is
// not documented beyond the samples; OCP Express hides LBACSYS, ORAAUDITOR and OceanBase's inner
// users, and SHOW DATABASES the hidden __recyclebin and __public (§5.4, §6.4): so does the mock.
//
//   std::vector<Object> dbs = BuiltinDatabases(facts);                  // MySQL tenants
//   std::vector<Object> users = BuiltinUsers(facts, {"oceanbase", ...});  // every database
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/families/tenant_objects/tenant_facts.h"

namespace mock::families::tenant_objects {

// One object as its endpoint answers it; never changes.
using Object = std::shared_ptr<const rapidjson::Document>;

// The built-in databases of a MySQL tenant, in the sample's order.
std::vector<Object> BuiltinDatabases(const TenantFacts& t);
// The id of the `n`-th database (from 1) a tenant has besides the built-in ones: OceanBase 4.x
// counts user databases on from test's 500001, 3.x from its 1000 (tenant_facts.h).
int64_t ExtraDatabaseId(const TenantFacts& t, int64_t n);

// The built-in users: root (and proxyro in the sys tenant) of a MySQL tenant, whose root may
// reach `databases` (the names the tenant's database list gives); SYS of an Oracle tenant.
std::vector<Object> BuiltinUsers(const TenantFacts& t, const std::vector<std::string>& databases);

// The built-in roles of an Oracle tenant, in the sample's order; none for a MySQL tenant.
std::vector<Object> BuiltinRoles(const TenantFacts& t);

// An object of `t` with nothing granted, each field as the tenant gives it: the base of the
// built-in ones and of a fixture row's (tenant_items.h), whose given fields replace these.
//  - database `name` with id `id`: the tenant's charset and collation, not read-only, the
//    tenant's createTime, its JDBC URL;
//  - user `name`: no privilege, not locked, the tenant's createTime, its connection string;
//    MySQL adds dbPrivileges and accessibleDatabases, Oracle objectPrivileges and grantedRoles
//    (§6.2: each mode's own fields only, as the sample and OCP Express);
//  - role `name`: no privilege or grant, the tenant's createTime as createTime and updateTime.
rapidjson::Document NewDatabase(const TenantFacts& t, const std::string& name, int64_t id);
rapidjson::Document NewUser(const TenantFacts& t, const std::string& name);
rapidjson::Document NewRole(const TenantFacts& t, const std::string& name);

// A user's connection string to `t` as `username` (DIRECT: the sample's `mysql -h… -P2881 -u…@…
// -p`; an Oracle tenant's names obclient, OceanBase's client: `mock`).
std::string UserConnectionString(const TenantFacts& t, const std::string& username);
// A database's JDBC URL (DIRECT, as the sample's).
std::string DatabaseUrl(const TenantFacts& t, const std::string& db_name);

}  // namespace mock::families::tenant_objects
