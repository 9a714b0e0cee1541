// The operations on tenants and hosts: a creation runs as a task on the mock clock and its entity
// shows only as that task goes; a refused request (bad body, unknown id, duplicate name, a rule
// the docs give, a fault rule) changes nothing; a reset undoes what they did.
#include "mock/families/entities/entity_operations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/families/entities/test_entity_api.h"

namespace mock::api {
namespace {

using testing::EntityApi;
using ::testing::HasSubstr;

const std::string kCreate = "/api/v2/ob/clusters/2/tenants/createTenant";

std::string TenantBody(const std::string& name, const std::string& zone = "zone1",
                       int unit_count = 1) {
  return R"({"name": ")" + name + R"(", "mode": "MYSQL", "rootPassword": "xxxxx",
      "zones": [{"name": ")" +
         zone + R"(", "replicaType": "FULL",
                 "resourcePool": {"unitSpecName": "S1", "unitCount": )" +
         std::to_string(unit_count) + "}}]}";
}

// The tenant called `name` in cluster 2's list, or an empty object.
rapidjson::Document TenantNamed(const EntityApi& h, const std::string& name) {
  auto list = h.Json("GET", "/api/v2/ob/clusters/2/tenants?size=100");
  rapidjson::Document found(rapidjson::kObjectType);
  for (const auto& t : list["data"]["contents"].GetArray()) {
    if (name == t["name"].GetString()) found.CopyFrom(t, found.GetAllocator());
  }
  return found;
}

int64_t TenantCountOf2(const EntityApi& h) {
  return h.Json("GET", "/api/v2/ob/clusters/2")["data"]["tenantCount"].GetInt64();
}

TEST(EntityOperations, ACreatedTenantShowsCreatingThenNormalAsItsTaskRuns) {
  EntityApi h;
  const int64_t tasks_before = h.TotalOf("/api/v2/tasks/instances");
  ASSERT_EQ(3, TenantCountOf2(h));
  auto created = h.Json("POST", kCreate, TenantBody("pay"));
  const auto& task = created["data"];
  EXPECT_STREQ("Create tenant", task["name"].GetString());
  EXPECT_STREQ("RUNNING", task["status"].GetString());
  EXPECT_EQ(2, task["clusterId"].GetInt64());
  EXPECT_EQ(10u, task["subtasks"].Size()) << "modelled on the documented Create tenant task";
  const int64_t task_id = task["id"].GetInt64();
  EXPECT_EQ(tasks_before + 1, h.TotalOf("/api/v2/tasks/instances"));

  EXPECT_STREQ("CREATING", TenantNamed(h, "pay")["status"].GetString());
  EXPECT_EQ(4, TenantCountOf2(h));

  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=86400").status);
  auto polled = h.Json("GET", "/api/v2/tasks/instances/" + std::to_string(task_id));
  EXPECT_STREQ("SUCCESSFUL", polled["data"]["status"].GetString());
  auto tenant = TenantNamed(h, "pay");
  EXPECT_STREQ("NORMAL", tenant["status"].GetString());
  EXPECT_STREQ("FULL{1}@zone1", tenant["locality"].GetString());
  auto detail =
      h.Json("GET", "/api/v2/ob/clusters/2/tenants/" + std::to_string(tenant["id"].GetInt64()));
  EXPECT_STREQ("pay", detail["data"]["name"].GetString());
  EXPECT_GT(detail["data"]["obTenantId"].GetInt64(), 1001) << "after the cluster's own";
  auto journal = h.Json("GET", "/__mock/requests/count?method=POST&path=" + kCreate);
  EXPECT_EQ(1, journal["data"]["count"].GetInt64()) << "the journal records the operation";
}

TEST(EntityOperations, AFailedCreationShowsNoTenantAndARetryThatSucceedsBringsItBack) {
  EntityApi h;
  const int64_t id = h.Json("POST", kCreate, TenantBody("pay"))["data"]["id"].GetInt64();
  const std::string failed = R"({"task": {"id": )" + std::to_string(id) +
                             R"(, "name": "Create tenant", "status": "FAILED",
      "creator": {"id": 100, "name": "admin"},
      "subtasks": [{"id": 1, "name": "Create ob tenant", "description": "Create ob tenant",
                    "operation": "EXECUTE", "status": "FAILED"}]}})";
  ASSERT_EQ(200, h.Send("PUT", "/__mock/tasks/" + std::to_string(id), failed).status);
  EXPECT_FALSE(TenantNamed(h, "pay").HasMember("id"));
  EXPECT_EQ(3, TenantCountOf2(h));
  EXPECT_EQ(0, h.TotalOf("/api/v2/ob/tenants?name=pay"));

  ASSERT_EQ(200, h.Send("POST", "/api/v2/tasks/instances/" + std::to_string(id) + "/retry").status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=86400").status);
  EXPECT_STREQ("NORMAL", TenantNamed(h, "pay")["status"].GetString());
}

TEST(EntityOperations, AFaultRuleRefusingTheCreationLeavesNoTaskAndNoTenant) {
  EntityApi h;
  const int64_t tasks_before = h.TotalOf("/api/v2/tasks/instances");
  ASSERT_EQ(
      200,
      h.Send("POST", "/__mock/faults",
             R"({"match": {"method": "POST", "path": "/api/v2/ob/clusters/*/tenants/createTenant"},
                            "action": {"type": "status", "status": 500}, "times": 1})")
          .status);
  EXPECT_EQ(500, h.Send("POST", kCreate, TenantBody("pay")).status);
  EXPECT_EQ(tasks_before, h.TotalOf("/api/v2/tasks/instances"));
  EXPECT_FALSE(TenantNamed(h, "pay").HasMember("id"));
  EXPECT_EQ(200, h.Send("POST", kCreate, TenantBody("pay")).status) << "times: 1";
}

TEST(EntityOperations, ATenantNameIsUniqueInItsClusterOnly) {
  EntityApi h;
  ASSERT_EQ(200, h.Send("POST", kCreate, TenantBody("pay")).status);
  const int64_t tasks = h.TotalOf("/api/v2/tasks/instances");
  for (const char* name : {"pay", "trade"}) {  // one being created, one from the fixtures
    http::Response again = h.Send("POST", kCreate, TenantBody(name));
    EXPECT_EQ(400, again.status) << name;
    EXPECT_THAT(again.body, HasSubstr(R"("code":"COM10006")")) << again.body;
    EXPECT_THAT(again.body, HasSubstr(name)) << again.body;
  }
  http::Response sync = h.Send("POST", "/api/v2/ob/clusters/2/tenants", TenantBody("pay"));
  EXPECT_EQ(400, sync.status) << "the synchronous create checks it too";
  EXPECT_EQ(tasks, h.TotalOf("/api/v2/tasks/instances")) << "no task for a refused name";
  EXPECT_EQ(4, TenantCountOf2(h));
  EXPECT_EQ(200,
            h.Send("POST", "/api/v2/ob/clusters/1/tenants/createTenant", TenantBody("pay")).status)
      << "another cluster may have one of that name";
}

TEST(EntityOperations, ABadBodyIsA400NamingWhatIsWrongAndChangesNothing) {
  EntityApi h;
  const int64_t tasks = h.TotalOf("/api/v2/tasks/instances");
  const int64_t tenants = h.TotalOf("/api/v2/ob/tenants");
  const std::pair<std::string, std::string> cases[] = {
      {"", "Required request body is missing"},
      {"{not json", "JSON"},
      {R"({"name": "x", "rootPassword": "p"})", "zones"},
      {TenantBody("x", "zone1", 0), "zones[0].resourcePool.unitCount"},
      {TenantBody("x", "zone9"), "zone9"},
      {R"({"name": "x", "rootPassword": "p", "mode": "DB2", "zones": [{"name": "zone1", "replicaType": "FULL", "resourcePool": {"unitSpecName": "S1", "unitCount": 1}}]})",
       "mode"},
  };
  for (const auto& [body, named] : cases) {
    for (const std::string& path : {kCreate, std::string("/api/v2/ob/clusters/2/tenants")}) {
      http::Response r = h.Send("POST", path, body);
      EXPECT_EQ(400, r.status) << body;
      EXPECT_THAT(r.body, HasSubstr(named)) << body;
      EXPECT_THAT(r.body, HasSubstr(R"("successful":false)"));
    }
  }
  EXPECT_EQ(tasks, h.TotalOf("/api/v2/tasks/instances"));
  EXPECT_EQ(tenants, h.TotalOf("/api/v2/ob/tenants"));
}

TEST(EntityOperations, UnknownIdsAreRecordNotFoundNamingTheEntity) {
  EntityApi h;
  const std::pair<std::string, std::string> cases[] = {
      {"GET /api/v2/ob/clusters/99", "OB_CLUSTER"},
      {"GET /api/v2/ob/clusters/99/tenants", "OB_CLUSTER"},
      {"GET /api/v2/ob/clusters/2/tenants/999", "OB_TENANT"},
      {"GET /api/v2/ob/clusters/1/tenants/202", "OB_TENANT"},  // cluster 2's
      {"GET /api/v2/compute/hosts/999", "HOST"},
      {"POST /api/v2/ob/clusters/99/tenants/createTenant", "OB_CLUSTER"},
      {"DELETE /api/v2/ob/clusters/2/tenants/999", "OB_TENANT"},
      {"POST /api/v2/ob/clusters/2/tenants/999/lock", "OB_TENANT"},
      {"DELETE /api/v2/compute/hosts/999", "HOST"},
  };
  for (const auto& [request, type] : cases) {
    const size_t space = request.find(' ');
    http::Response r = h.Send(request.substr(0, space), request.substr(space + 1), TenantBody("x"));
    EXPECT_EQ(404, r.status) << request;
    EXPECT_THAT(r.body, HasSubstr(R"("code":"COM10002")")) << request << r.body;
    EXPECT_THAT(r.body, HasSubstr(type)) << request;
  }
  EXPECT_EQ(400, h.Send("GET", "/api/v2/ob/clusters/abc").status) << "not an id at all";
}

TEST(EntityOperations, LockUnlockAndDeleteFollowTheConsolesRules) {
  EntityApi h;
  const std::string trade = "/api/v2/ob/clusters/2/tenants/202";
  ASSERT_EQ(200, h.Send("POST", trade + "/lock").status);
  EXPECT_TRUE(h.Json("GET", trade)["data"]["locked"].GetBool());
  EXPECT_EQ(2, h.TotalOf("/api/v2/ob/tenants?locked=true")) << "171 is locked in the fixtures";
  EXPECT_EQ(200, h.Send("POST", trade + "/lock").status) << "locking again changes nothing";
  ASSERT_EQ(200, h.Send("POST", trade + "/unlock").status);
  EXPECT_FALSE(h.Json("GET", trade)["data"]["locked"].GetBool());

  const std::pair<std::string, std::string> refused[] = {
      {"POST /api/v2/ob/clusters/2/tenants/201/lock", "sys"},      // "Do not lock the sys tenant"
      {"DELETE /api/v2/ob/clusters/2/tenants/201", "sys"},         // it is the cluster's
      {"POST /api/v2/ob/clusters/3/tenants/302/lock", "standby"},  // "only from the primary"
      {"DELETE /api/v2/ob/clusters/3/tenants/302", "standby"},
      {"POST /api/v2/ob/clusters/4/tenants/403/lock", "MODIFYING"},  // only a NORMAL tenant
      {"DELETE /api/v2/ob/clusters/4/tenants/403", "MODIFYING"},
  };
  for (const auto& [request, why] : refused) {
    const size_t space = request.find(' ');
    http::Response r = h.Send(request.substr(0, space), request.substr(space + 1));
    EXPECT_EQ(400, r.status) << request;
    EXPECT_THAT(r.body, HasSubstr(why)) << request;
  }
  EXPECT_EQ(1, h.TotalOf("/api/v2/ob/tenants?locked=true")) << "the refusals changed nothing";
  EXPECT_EQ(13, h.TotalOf("/api/v2/ob/tenants"));

  ASSERT_EQ(200, h.Send("DELETE", trade).status);
  EXPECT_EQ(404, h.Send("GET", trade).status);
  EXPECT_EQ(2, TenantCountOf2(h));
}

TEST(EntityOperations, AResetUndoesEveryOperation) {
  EntityApi h;
  ASSERT_EQ(200, h.Send("POST", kCreate, TenantBody("pay")).status);
  ASSERT_EQ(200, h.Send("POST", "/api/v2/ob/clusters/2/tenants", TenantBody("now")).status);
  ASSERT_EQ(200, h.Send("DELETE", "/api/v2/ob/clusters/2/tenants/202").status);
  ASSERT_EQ(200, h.Send("POST", "/api/v2/ob/clusters/2/tenants/203/lock").status);
  ASSERT_EQ(200, h.Send("POST", "/api/v2/compute/hosts/batchCreate",
                        R"({"hostBasicDataList": [{"innerIpAddress": "10.9.9.9"}], "sshPort": 22,
                            "kind": "DEDICATED_PHYSICAL_MACHINE", "idcId": 1, "typeId": 1,
                            "credentialId": 1})")
                     .status);
  EXPECT_EQ(19, h.TotalOf("/api/v2/compute/hosts"));
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=tasks").status);
  EXPECT_EQ(3, TenantCountOf2(h));
  EXPECT_FALSE(TenantNamed(h, "pay").HasMember("id"));
  EXPECT_FALSE(TenantNamed(h, "now").HasMember("id"));
  EXPECT_FALSE(h.Json("GET", "/api/v2/ob/clusters/2/tenants/203")["data"]["locked"].GetBool());
  EXPECT_EQ(18, h.TotalOf("/api/v2/compute/hosts"));
}

// DELETE /api/v2/compute/hosts/{hostId} (doc: HOST_MANAGER, an envelope without data, no task):
// the host goes at once; deleting it again is the unknown host's 404, which the terraform
// provider reads as "already gone"; a reset brings it back.
TEST(EntityOperations, ADeletedHostGoesAtOnceAndComesBackOnReset) {
  EntityApi h;
  const int64_t tasks = h.TotalOf("/api/v2/tasks/instances");
  http::Response r = h.Send("DELETE", "/api/v2/compute/hosts/18");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, ::testing::Not(HasSubstr(R"("data")"))) << r.body;
  EXPECT_EQ(404, h.Send("GET", "/api/v2/compute/hosts/18").status);
  EXPECT_EQ(17, h.TotalOf("/api/v2/compute/hosts"));
  EXPECT_EQ(404, h.Send("DELETE", "/api/v2/compute/hosts/18").status);
  EXPECT_EQ(tasks, h.TotalOf("/api/v2/tasks/instances")) << "no task";
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  EXPECT_EQ(200, h.Send("GET", "/api/v2/compute/hosts/18").status);
}

// OCP's permissions for these pages: CLUSTER_VIEWER reads clusters and their tenants, HOST_VIEWER
// hosts, HOST_MANAGER adds them; GET /api/v2/ob/tenants serves any user only what they may see.
TEST(EntityOperations, EachPageAsksForThePermissionTheDocsGive) {
  using auth::Permission;
  const std::vector<auth::User> users = {
      {1, "tasks", "p", {}, {Permission::kTaskViewer}, std::nullopt},
      {2, "viewer", "p", {}, {Permission::kClusterViewer, Permission::kHostViewer}, std::nullopt},
      {3, "hosts", "p", {}, {Permission::kHostManager}, std::nullopt}};
  EntityApi h("4.2.2", users);
  const auto as = [&h](const char* basic, const std::string& method, const std::string& target) {
    return h.Send(method, target,
                  method == "POST" ? R"({"hostBasicDataList": [{"innerIpAddress":
        "10.9.9.9"}], "sshPort": 22, "kind": "DEDICATED_PHYSICAL_MACHINE", "idcId": 1,
        "typeId": 1, "credentialId": 1})"
                                   : "",
                  {{"Authorization", std::string("Basic ") + basic}});
  };
  const char* tasks = "dGFza3M6cA==";   // tasks:p
  const char* viewer = "dmlld2VyOnA=";  // viewer:p
  const char* hosts = "aG9zdHM6cA==";   // hosts:p
  EXPECT_EQ(403, as(tasks, "GET", "/api/v2/ob/clusters").status);
  EXPECT_EQ(403, as(tasks, "GET", "/api/v2/ob/clusters/2/tenants").status);
  EXPECT_EQ(403, as(tasks, "GET", "/api/v2/compute/hosts").status);
  http::Response none = as(tasks, "GET", "/api/v2/ob/tenants");
  EXPECT_EQ(200, none.status);
  EXPECT_THAT(none.body, HasSubstr(R"("totalElements":0)")) << "no cluster it may read";
  EXPECT_EQ(200, as(viewer, "GET", "/api/v2/ob/clusters").status);
  EXPECT_THAT(as(viewer, "GET", "/api/v2/ob/tenants").body, HasSubstr(R"("totalElements":13)"));
  EXPECT_EQ(200, as(viewer, "GET", "/api/v2/compute/hosts/1").status);
  EXPECT_EQ(403, as(viewer, "POST", "/api/v2/compute/hosts/batchCreate").status);
  EXPECT_EQ(200, as(hosts, "GET", "/api/v2/compute/hosts").status) << "MANAGER includes VIEWER";
  EXPECT_EQ(200, as(hosts, "POST", "/api/v2/compute/hosts/batchCreate").status);
  EXPECT_EQ(403, as(viewer, "DELETE", "/api/v2/compute/hosts/1").status);
  EXPECT_EQ(200, as(hosts, "DELETE", "/api/v2/compute/hosts/1").status);
  EXPECT_EQ(401, h.Send("GET", "/api/v2/ob/clusters").status);
}

}  // namespace
}  // namespace mock::api
