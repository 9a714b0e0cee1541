// A tenant's databases, database users, roles and database objects as its endpoints list them:
// the built-in ones (builtin_objects.h), then the tenant's fixture rows (tenant-object.schema.json:
// each holds one `database`, `user`, `role` or `object`), by row id. A row whose object has the
// name of one listed before it (a built-in, or an earlier row: dbName, username, role name)
// changes the fields it gives of that one, in its place (locking root, granting SYS a role);
// any other row's object is a new one of the tenant (NewDatabase, NewUser, NewRole) with the
// fields it gives. Pure: no store, no lock.
//
//   std::vector<Object> dbs = Databases(facts, rows);     // oceanbase, ..., test, then rows'
//   const Object* root = Named(Users(facts, rows), "username", "root");
//
// Where the docs are silent (docs/tenant-objects.md, `mock`): a new database without an id gets
// the next user database id (ExtraDatabaseId); a new MySQL user without accessibleDatabases
// may reach the databases its dbPrivileges name; an object's fullName is
// schemaName.objectName, as the sample's (doc: docs/reference/ocp-tenant-objects-and-obproxy.md
// §9.2). An Oracle tenant lists no database objects but its rows' (none is built in: §9.2).
#pragma once

#include <string_view>
#include <vector>

#include "mock/families/tenant_objects/builtin_objects.h"
#include "mock/families/tenant_objects/tenant_facts.h"
#include "mock/resources/resource_set.h"

namespace mock::families::tenant_objects {

// Each takes the tenant's rows (any kind; the others are skipped).
std::vector<Object> Databases(const TenantFacts& t, const std::vector<resources::Row>& rows);
// A MySQL tenant's root reaches every database Databases() lists.
std::vector<Object> Users(const TenantFacts& t, const std::vector<resources::Row>& rows);
std::vector<Object> Roles(const TenantFacts& t, const std::vector<resources::Row>& rows);
std::vector<Object> DbObjects(const std::vector<resources::Row>& rows);

// The object of `objects` whose string member `key` is `name` (exactly: OCP's lookups are SQL
// equalities, `mock`), or nullptr.
const Object* Named(const std::vector<Object>& objects, std::string_view key,
                    std::string_view name);

}  // namespace mock::families::tenant_objects
