#include "mock/families/tenant_objects/builtin_objects.h"

#include <span>
#include <utility>

namespace mock::families::tenant_objects {
namespace {

using Alloc = rapidjson::Document::AllocatorType;
using rapidjson::StringRef;
using rapidjson::Value;

// The sample's port (§5.3, §6.3).
constexpr int kSqlPort = 2881;

// OceanBase's inner databases (§5.4): name, 4.x id, 3.x inner id (combined with the tenant's).
struct InnerDatabase {
  const char* name;
  int64_t id4;
  int64_t id3;
};
constexpr InnerDatabase kDatabases[] = {{"oceanbase", 201001, 1},
                                        {"information_schema", 201002, 2},
                                        {"mysql", 201003, 3},
                                        {"test", 500001, 1000}};

// root's privileges in the sample (§6.3): global, and on each of the four inner databases, in
// the sample's order.
constexpr const char* kRootGlobal[] = {"ALTER",        "CREATE",      "DELETE",    "DROP",
                                       "GRANT_OPTION", "INSERT",      "UPDATE",    "SELECT",
                                       "INDEX",        "CREATE_VIEW", "SHOW_VIEW", "SHOW_DATABASES",
                                       "CREATE_USER",  "SUPER",       "PROCESS"};
constexpr const char* kRootOnDatabase[] = {"SELECT",      "INSERT",   "UPDATE", "DELETE",
                                           "CREATE",      "DROP",     "INDEX",  "ALTER",
                                           "CREATE_VIEW", "SHOW_VIEW"};
constexpr const char* kRootDatabases[] = {"mysql", "oceanbase", "test", "information_schema"};

// The built-in roles' system privileges in the sample (§8.5).
constexpr const char* kConnect[] = {"CREATE_SESSION"};
constexpr const char* kResource[] = {"CREATE_TABLE", "CREATE_PROCEDURE", "CREATE_SEQUENCE",
                                     "CREATE_TRIGGER", "CREATE_TYPE"};
constexpr const char* kDba[] = {"CREATE_SESSION",
                                "CREATE_TABLE",
                                "CREATE_ANY_TABLE",
                                "ALTER_ANY_TABLE",
                                "BACKUP_ANY_TABLE",
                                "DROP_ANY_TABLE",
                                "LOCK_ANY_TABLE",
                                "COMMENT_ANY_TABLE",
                                "SELECT_ANY_TABLE",
                                "INSERT_ANY_TABLE",
                                "UPDATE_ANY_TABLE",
                                "DELETE_ANY_TABLE",
                                "FLASHBACK_ANY_TABLE",
                                "CREATE_ROLE",
                                "DROP_ANY_ROLE",
                                "GRANT_ANY_ROLE",
                                "ALTER_ANY_ROLE",
                                "AUDIT_ANY",
                                "GRANT_ANY_PRIVILEGE",
                                "GRANT_ANY_OBJECT_PRIVILEGE",
                                "CREATE_ANY_INDEX",
                                "ALTER_ANY_INDEX",
                                "DROP_ANY_INDEX",
                                "CREATE_ANY_VIEW",
                                "DROP_ANY_VIEW",
                                "CREATE_VIEW",
                                "SELECT_ANY_DICTIONARY",
                                "CREATE_PROCEDURE",
                                "CREATE_ANY_PROCEDURE",
                                "ALTER_ANY_PROCEDURE",
                                "DROP_ANY_PROCEDURE",
                                "EXECUTE_ANY_PROCEDURE",
                                "CREATE_SYNONYM",
                                "CREATE_ANY_SYNONYM",
                                "DROP_ANY_SYNONYM",
                                "CREATE_PUBLIC_SYNONYM",
                                "DROP_PUBLIC_SYNONYM",
                                "CREATE_SEQUENCE",
                                "CREATE_ANY_SEQUENCE",
                                "ALTER_ANY_SEQUENCE",
                                "DROP_ANY_SEQUENCE",
                                "SELECT_ANY_SEQUENCE",
                                "CREATE_TRIGGER",
                                "CREATE_ANY_TRIGGER",
                                "ALTER_ANY_TRIGGER",
                                "DROP_ANY_TRIGGER",
                                "CREATE_PROFILE",
                                "ALTER_PROFILE",
                                "DROP_PROFILE",
                                "CREATE_USER",
                                "BECOME_USER",
                                "ALTER_USER",
                                "DROP_USER",
                                "CREATE_TYPE",
                                "CREATE_ANY_TYPE",
                                "ALTER_ANY_TYPE",
                                "DROP_ANY_TYPE",
                                "EXECUTE_ANY_TYPE",
                                "UNDER_ANY_TYPE",
                                "PURGE_DBA_RECYCLEBIN",
                                "CREATE_ANY_OUTLINE",
                                "ALTER_ANY_OUTLINE",
                                "DROP_ANY_OUTLINE",
                                "SYSKM",
                                "CREATE_TABLESPACE",
                                "ALTER_TABLESPACE",
                                "DROP_TABLESPACE",
                                "SHOW_PROCESS",
                                "ALTER_SYSTEM",
                                "CREATE_DATABASE_LINK",
                                "CREATE_PUBLIC_DATABASE_LINK",
                                "DROP_DATABASE_LINK",
                                "ALTER_SESSION",
                                "ALTER_DATABASE"};

Value Text(const std::string& s, Alloc& a) {
  return Value(s.c_str(), static_cast<rapidjson::SizeType>(s.size()), a);
}

// Static strings, referred to rather than copied.
Value Names(std::span<const char* const> names, Alloc& a) {
  Value out(rapidjson::kArrayType);
  for (const char* n : names) out.PushBack(StringRef(n), a);
  return out;
}

Value Names(const std::vector<std::string>& names, Alloc& a) {
  Value out(rapidjson::kArrayType);
  for (const std::string& n : names) out.PushBack(Text(n, a), a);
  return out;
}

Value Direct(const std::string& connection, Alloc& a) {
  Value one(rapidjson::kObjectType);
  one.AddMember("connectionString", Text(connection, a), a);
  one.AddMember("type", "DIRECT", a);
  Value all(rapidjson::kArrayType);
  all.PushBack(one, a);
  return all;
}

Value DbPrivilege(const char* db, std::span<const char* const> privileges, Alloc& a) {
  Value p(rapidjson::kObjectType);
  p.AddMember("dbName", StringRef(db), a);
  p.AddMember("privileges", Names(privileges, a), a);
  return p;
}

Object Done(rapidjson::Document doc) {
  return std::make_shared<const rapidjson::Document>(std::move(doc));
}

Object Root(const TenantFacts& t, const std::vector<std::string>& databases) {
  rapidjson::Document d = NewUser(t, "root");
  Alloc& a = d.GetAllocator();
  d["accessibleDatabases"] = Names(databases, a);
  for (const char* db : kRootDatabases)
    d["dbPrivileges"].PushBack(DbPrivilege(db, kRootOnDatabase, a), a);
  d["globalPrivileges"] = Names(kRootGlobal, a);
  return Done(std::move(d));
}

// OBProxy's account in the sys tenant (the OBProxy clusters' obLinks name it): SELECT on
// oceanbase, what OBProxy reads its routes from (`mock`).
Object Proxyro(const TenantFacts& t) {
  rapidjson::Document d = NewUser(t, "proxyro");
  Alloc& a = d.GetAllocator();
  d["accessibleDatabases"].PushBack("oceanbase", a);
  constexpr const char* kSelect[] = {"SELECT"};
  d["dbPrivileges"].PushBack(DbPrivilege("oceanbase", kSelect, a), a);
  return Done(std::move(d));
}

Object Sys(const TenantFacts& t) {
  rapidjson::Document d = NewUser(t, "SYS");
  d["globalPrivileges"] = Names(kDba, d.GetAllocator());
  return Done(std::move(d));
}

Object Role(const TenantFacts& t, const char* name, std::span<const char* const> privileges) {
  rapidjson::Document d = NewRole(t, name);
  d["globalPrivileges"] = Names(privileges, d.GetAllocator());
  return Done(std::move(d));
}

}  // namespace

std::string UserConnectionString(const TenantFacts& t, const std::string& username) {
  const char* client = t.mode == Mode::kOracle ? "obclient" : "mysql";
  return std::string(client) + " -h" + t.ip + " -P" + std::to_string(kSqlPort) + " -u" + username +
         "@" + t.name + " -p";
}

std::string DatabaseUrl(const TenantFacts& t, const std::string& db_name) {
  return "jdbc:mysql://" + t.ip + ":" + std::to_string(kSqlPort) + "/" + db_name;
}

rapidjson::Document NewDatabase(const TenantFacts& t, const std::string& name, int64_t id) {
  rapidjson::Document d(rapidjson::kObjectType);
  Alloc& a = d.GetAllocator();
  d.AddMember("charset", Text(t.charset, a), a);
  d.AddMember("collation", Text(t.collation, a), a);
  d.AddMember("connectionUrls", Direct(DatabaseUrl(t, name), a), a);
  d.AddMember("createTime", Text(t.create_time, a), a);
  d.AddMember("dbName", Text(name, a), a);
  d.AddMember("id", id, a);
  d.AddMember("readonly", false, a);
  return d;
}

rapidjson::Document NewUser(const TenantFacts& t, const std::string& name) {
  rapidjson::Document d(rapidjson::kObjectType);
  Alloc& a = d.GetAllocator();
  const bool mysql = t.mode == Mode::kMysql;
  if (mysql) d.AddMember("accessibleDatabases", Value(rapidjson::kArrayType), a);
  d.AddMember("connectionStrings", Direct(UserConnectionString(t, name), a), a);
  d.AddMember("createTime", Text(t.create_time, a), a);
  if (mysql) d.AddMember("dbPrivileges", Value(rapidjson::kArrayType), a);
  d.AddMember("globalPrivileges", Value(rapidjson::kArrayType), a);
  if (!mysql) d.AddMember("grantedRoles", Value(rapidjson::kArrayType), a);
  d.AddMember("isLocked", false, a);
  if (!mysql) d.AddMember("objectPrivileges", Value(rapidjson::kArrayType), a);
  d.AddMember("username", Text(name, a), a);
  return d;
}

rapidjson::Document NewRole(const TenantFacts& t, const std::string& name) {
  rapidjson::Document d(rapidjson::kObjectType);
  Alloc& a = d.GetAllocator();
  d.AddMember("createTime", Text(t.create_time, a), a);
  d.AddMember("globalPrivileges", Value(rapidjson::kArrayType), a);
  d.AddMember("grantedRoles", Value(rapidjson::kArrayType), a);
  d.AddMember("name", Text(name, a), a);
  d.AddMember("objectPrivileges", Value(rapidjson::kArrayType), a);
  d.AddMember("roleGrantees", Value(rapidjson::kArrayType), a);
  d.AddMember("updateTime", Text(t.create_time, a), a);
  d.AddMember("userGrantees", Value(rapidjson::kArrayType), a);
  return d;
}

std::vector<Object> BuiltinDatabases(const TenantFacts& t) {
  std::vector<Object> out;
  if (t.mode != Mode::kMysql) return out;
  for (const InnerDatabase& db : kDatabases) {
    const int64_t id = t.ob3_ids ? (t.ob_tenant_id << 40) + db.id3 : db.id4;
    out.push_back(Done(NewDatabase(t, db.name, id)));
  }
  return out;
}

int64_t ExtraDatabaseId(const TenantFacts& t, int64_t n) {
  return t.ob3_ids ? (t.ob_tenant_id << 40) + 1000 + n : 500001 + n;
}

std::vector<Object> BuiltinUsers(const TenantFacts& t, const std::vector<std::string>& databases) {
  if (t.mode == Mode::kOracle) return {Sys(t)};
  std::vector<Object> out{Root(t, databases)};
  if (IsSysTenant(t)) out.push_back(Proxyro(t));
  return out;
}

std::vector<Object> BuiltinRoles(const TenantFacts& t) {
  if (t.mode != Mode::kOracle) return {};
  return {Role(t, "CONNECT", kConnect), Role(t, "RESOURCE", kResource), Role(t, "DBA", kDba),
          Role(t, "PUBLIC", {})};
}

}  // namespace mock::families::tenant_objects
