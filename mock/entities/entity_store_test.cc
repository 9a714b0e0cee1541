// The store's runtime changes: an entity tied to its task shows as the task goes (by the
// statuses snapshot a read is given), ids are never given twice, a reset brings the fixtures
// back, and what operations add is bounded.
#include "mock/entities/entity_store.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <vector>

#include "mock/json/json.h"

namespace mock::entities {
namespace {

Doc Tenant(int64_t id, const std::string& status) {
  auto doc = json::ParseJson(R"({"id": )" + std::to_string(id) +
                             R"(, "name": "t", "clusterId": 1, "status": ")" + status + R"("})");
  return MakeDoc(std::move(doc).value());
}

// `doc` with its status `status`.
Doc WithStatusText(const Doc& doc, const char* status) {
  rapidjson::Document d;
  d.CopyFrom(*doc, d.GetAllocator());
  d["status"].SetString(status, d.GetAllocator());
  return MakeDoc(std::move(d));
}

EntitySet Fixtures() {
  EntitySet set;
  set.tenants.push_back({5, Tenant(5, "NORMAL"), "fixture"});
  return set;
}

// A task store's statuses by id: a task it does not list is gone.
struct Tasks {
  std::map<int64_t, model::TaskStatus> status;
  // The snapshot the API takes before a read (pending_statuses.h, PendingStatuses).
  TaskStatuses Of(const EntityStore& store) const {
    TaskStatuses statuses;
    for (int64_t id : store.PendingTaskIds()) {
      auto it = status.find(id);
      statuses.Set(id, it == status.end() ? std::nullopt : std::optional(it->second));
    }
    return statuses;
  }
};

std::string StatusOf(const EntityStore& store, int64_t id, const Tasks& tasks) {
  auto row = store.Get(Kind::kTenant, id, tasks.Of(store));
  return row ? std::string(Str(*row->doc, "status")) : "hidden";
}

TEST(EntityStore, APendingEntityFollowsItsTask) {
  EntityStore store(Fixtures());
  Tasks tasks;
  tasks.status[900] = model::TaskStatus::kRunning;
  ASSERT_TRUE(
      store.Add(Kind::kTenant, {6, Tenant(6, "NORMAL"), "api"}, Pending{900, Tenant(6, "CREATING")})
          .ok());
  EXPECT_EQ("CREATING", StatusOf(store, 6, tasks));
  EXPECT_EQ(2u, store.Rows(Kind::kTenant, tasks.Of(store)).size());
  tasks.status[900] = model::TaskStatus::kFailed;
  EXPECT_EQ("hidden", StatusOf(store, 6, tasks));
  EXPECT_EQ(1u, store.Rows(Kind::kTenant, tasks.Of(store)).size());
  EXPECT_EQ(1, store.TenantCount(1, tasks.Of(store)));
  tasks.status[900] = model::TaskStatus::kSuccessful;  // retried
  EXPECT_EQ("NORMAL", StatusOf(store, 6, tasks));
  EXPECT_EQ(2, store.TenantCount(1, tasks.Of(store)));
  tasks.status.erase(900);
  EXPECT_EQ("hidden", StatusOf(store, 6, tasks)) << "its task is gone";
}

TEST(EntityStore, PendingTaskIdsNameEachTaskOnce) {
  EntityStore store(Fixtures());
  EXPECT_TRUE(store.PendingTaskIds().empty()) << "fixtures wait on no task";
  ASSERT_TRUE(
      store.Add(Kind::kTenant, {7, Tenant(7, "NORMAL"), "api"}, Pending{901, Tenant(7, "CREATING")})
          .ok());
  ASSERT_TRUE(
      store.Add(Kind::kTenant, {6, Tenant(6, "NORMAL"), "api"}, Pending{900, Tenant(6, "CREATING")})
          .ok());
  ASSERT_TRUE(
      store.Add(Kind::kHost, {3, Tenant(3, "NORMAL"), "api"}, Pending{900, Tenant(3, "CREATING")})
          .ok());
  EXPECT_EQ((std::vector<int64_t>{900, 901}), store.PendingTaskIds());
  ASSERT_TRUE(store.Remove(Kind::kTenant, 7).ok());
  EXPECT_EQ((std::vector<int64_t>{900}), store.PendingTaskIds());
}

TEST(EntityStore, AnEntityAddedAfterTheSnapshotCountsAsRunning) {
  // A read's snapshot predates an entity added meanwhile, whose task was put just before it:
  // the entity shows in its creating state, as its task (RUNNING when put) had it.
  EntityStore store(Fixtures());
  const TaskStatuses before;  // taken while nothing was pending
  ASSERT_TRUE(
      store.Add(Kind::kTenant, {6, Tenant(6, "NORMAL"), "api"}, Pending{900, Tenant(6, "CREATING")})
          .ok());
  auto row = store.Get(Kind::kTenant, 6, before);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ("CREATING", Str(*row->doc, "status"));
  // And it holds its name against an admission that checks with that snapshot.
  auto unique = [&before](const HeldEntities& held) -> Status {
    for (const Row& t : held.Rows(Kind::kTenant)) {
      auto task = held.PendingTask(Kind::kTenant, t.id);
      auto status = task ? before.Of(*task) : model::TaskStatus::kSuccessful;
      if (t.id == 6 && status && *status != model::TaskStatus::kFailed)
        return FailedPrecondition("taken");
    }
    return Status();
  };
  EXPECT_FALSE(store.Check(unique).ok());
}

TEST(EntityStore, AResetBringsTheFixturesBackAndIdsAreNotGivenTwice) {
  EntityStore store(Fixtures());
  Tasks tasks;
  const int64_t id = store.NextId(Kind::kTenant);
  EXPECT_EQ(6, id);
  ASSERT_TRUE(store.Add(Kind::kTenant, {id, Tenant(id, "NORMAL"), "api"}, std::nullopt).ok());
  ASSERT_TRUE(store.Remove(Kind::kTenant, 5).ok());
  EXPECT_EQ(StatusCode::kFailedPrecondition,
            store.Add(Kind::kTenant, {id, Tenant(id, "NORMAL"), "api"}, std::nullopt).code());
  store.Reset();
  EXPECT_EQ("NORMAL", StatusOf(store, 5, tasks));
  EXPECT_EQ("hidden", StatusOf(store, 6, tasks));
  EXPECT_EQ(7, store.NextId(Kind::kTenant)) << "6 was given before the reset";
  EXPECT_FALSE(store.Remove(Kind::kTenant, 6).ok());
}

TEST(EntityStore, AnAdmissionRefusalAddsNothing) {
  EntityStore store(Fixtures());
  Tasks tasks;
  Status refused = store.Add(Kind::kTenant, {6, Tenant(6, "NORMAL"), "api"}, std::nullopt,
                             [](const HeldEntities&) { return InvalidArgument("no"); });
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(1u, store.Rows(Kind::kTenant, tasks.Of(store)).size());
}

Doc Cluster(const std::string& status) {
  auto doc = json::ParseJson(R"({"id": 1, "name": "c", "status": ")" + status + R"("})");
  return MakeDoc(std::move(doc).value());
}

// A deletion: shown as deleting while its task runs, as before once it fails, gone with its
// tenants once it succeeds (and back if a failed task is retried to success); a reset forgets it.
TEST(EntityStore, ALeavingEntityGoesWithItsTenantsWhenItsTaskSucceeds) {
  EntitySet set = Fixtures();
  set.clusters.push_back({1, Cluster("RUNNING"), "fixture"});
  EntityStore store(std::move(set));
  Tasks tasks;
  tasks.status[901] = model::TaskStatus::kRunning;
  ASSERT_TRUE(store.MarkLeaving(Kind::kCluster, 1, Leaving{901, Cluster("DELETING")}).ok());
  EXPECT_EQ((std::vector<int64_t>{901}), store.PendingTaskIds());
  auto cluster = [&] {
    auto row = store.Get(Kind::kCluster, 1, tasks.Of(store));
    return row ? std::string(Str(*row->doc, "status")) : "hidden";
  };
  EXPECT_EQ("DELETING", cluster());
  EXPECT_EQ("NORMAL", StatusOf(store, 5, tasks)) << "its tenants stay while it is deleted";
  tasks.status[901] = model::TaskStatus::kFailed;
  EXPECT_EQ("RUNNING", cluster()) << "a failed deletion leaves it as it was";
  tasks.status[901] = model::TaskStatus::kSuccessful;
  EXPECT_EQ("hidden", cluster());
  EXPECT_EQ("hidden", StatusOf(store, 5, tasks));
  EXPECT_EQ(0, store.TenantCount(1, tasks.Of(store)));
  tasks.status.erase(901);
  EXPECT_EQ("RUNNING", cluster()) << "a deletion whose task is gone leaves it";
  store.Reset();
  EXPECT_TRUE(store.PendingTaskIds().empty());
}

TEST(EntityStore, MarkingLeavingAsksItsAdmissionAndNeedsTheRow) {
  EntityStore store(Fixtures());
  EXPECT_EQ(StatusCode::kNotFound,
            store.MarkLeaving(Kind::kCluster, 1, Leaving{901, nullptr}).code());
  std::optional<int64_t> seen;
  auto refuse = [&seen](const HeldEntities& held) {
    seen = held.LeavingTask(Kind::kTenant, 5);
    return seen ? FailedPrecondition("being deleted") : Status();
  };
  ASSERT_TRUE(store.MarkLeaving(Kind::kTenant, 5, Leaving{901, nullptr}, refuse).ok());
  EXPECT_FALSE(store.MarkLeaving(Kind::kTenant, 5, Leaving{902, nullptr}, refuse).ok());
  EXPECT_EQ(901, seen);
  EXPECT_EQ((std::vector<int64_t>{901}), store.PendingTaskIds()) << "the refusal changed nothing";
}

// A host a cluster is deployed on: each change shows once its task succeeds, in the order made.
TEST(EntityStore, AnAmendmentShowsOnceItsTaskSucceedsInTheOrderMade) {
  EntityStore store(Fixtures());
  Tasks tasks;
  auto set = [](const char* status) {
    return [status](const Doc& d) { return WithStatusText(d, status); };
  };
  ASSERT_TRUE(store.Amend(Kind::kTenant, 5, Amendment{903, set("LOCKED")}).ok());
  ASSERT_TRUE(store.Amend(Kind::kTenant, 5, Amendment{904, set("DROPPED")}).ok());
  EXPECT_EQ((std::vector<int64_t>{903, 904}), store.PendingTaskIds());
  tasks.status[903] = model::TaskStatus::kRunning;
  tasks.status[904] = model::TaskStatus::kRunning;
  EXPECT_EQ("NORMAL", StatusOf(store, 5, tasks));
  tasks.status[903] = model::TaskStatus::kSuccessful;
  EXPECT_EQ("LOCKED", StatusOf(store, 5, tasks));
  tasks.status[904] = model::TaskStatus::kSuccessful;
  EXPECT_EQ("DROPPED", StatusOf(store, 5, tasks));
  tasks.status[904] = model::TaskStatus::kFailed;
  EXPECT_EQ("LOCKED", StatusOf(store, 5, tasks)) << "a failed change is skipped";
  tasks.status.erase(903);
  EXPECT_EQ("NORMAL", StatusOf(store, 5, tasks)) << "as is one whose task is gone";
  EXPECT_EQ(StatusCode::kNotFound, store.Amend(Kind::kTenant, 6, Amendment{905, set("X")}).code());
  store.Reset();
  EXPECT_TRUE(store.PendingTaskIds().empty());
}

TEST(EntityStore, WhatOperationsAddIsBounded) {
  EntityStore store;
  Tasks tasks;
  for (size_t i = 0; i < EntityStore::kMaxRuntimeEntities; ++i) {
    const int64_t id = store.NextId(Kind::kHost);
    ASSERT_TRUE(store.Add(Kind::kHost, {id, Tenant(id, "NORMAL"), "api"}, std::nullopt).ok());
  }
  Status full = store.Add(Kind::kHost, {999999, Tenant(999999, "NORMAL"), "api"}, std::nullopt);
  EXPECT_EQ(StatusCode::kFailedPrecondition, full.code());
  EXPECT_NE(std::string::npos, full.message().find("POST /__mock/reset")) << full.message();
  store.Reset();
  EXPECT_TRUE(store.Add(Kind::kHost, {999999, Tenant(999999, "NORMAL"), "api"}, std::nullopt).ok());
}

}  // namespace
}  // namespace mock::entities
