// The operation tasks are built as model::Task values; they were once built by writing a fixture
// entry and reading it back through the fixture loader. That old route is kept here, verbatim,
// as the oracle: for each spec the task built directly must equal, field by field, the task the
// loader made of the fixture JSON (every default the reader fills, every check it runs).
#include "mock/entities/operation_tasks.h"

#include <gtest/gtest.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <vector>

#include "mock/loader/fixture_loader.h"
#include "mock/testing/test_paths.h"

namespace mock::entities {
namespace {

// The old route's tables, as they were when the route was replaced.
struct SubtaskDef {
  const char* name;
  int series_id;
  int timeout;
};

const std::vector<SubtaskDef> kOldCreateTenant = {
    {"Prepare create tenant", 6, 30},
    {"Create ob tenant", 4, 1200},
    {"Sync tenant information", 5, 300},
    {"Set super user password", 0, 300},
    {"Set whitelist", 3, 300},
    {"Set system variables", 7, 300},
    {"Set ob tenant parameters", 2, 300},
    {"Update tenant status", 8, 300},
    {"Import tenant srs info", 9, 600},
    {"Import tenant time zone info", 1, 600},
};

const std::vector<SubtaskDef> kOldPrepareHost = {
    {"Pre check for create host", 1, 1800}, {"Uninstall legacy obagent", 3, 2100},
    {"Uninstall legacy ocp agent", 2, 600}, {"Install ocp agent", 0, 5400},
    {"Update host status", 4, 1800},
};

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Ids(Writer& w, const char* key, std::optional<int64_t> id) {
  w.Key(key);
  w.StartArray();
  if (id) w.Int64(*id);
  w.EndArray();
}

void Subtasks(Writer& w, const std::vector<SubtaskDef>& defs, int64_t task_id) {
  const size_t n = defs.size();
  auto id_of = [&](size_t i) { return task_id * 100 + defs[i].series_id; };
  w.Key("subtasks");
  w.StartArray();
  for (size_t i = 0; i < n; ++i) {
    w.StartObject();
    w.Key("id");
    w.Int64(id_of(i));
    w.Key("name");
    w.String(defs[i].name);
    w.Key("description");
    w.String(defs[i].name);
    w.Key("status");
    w.String(i == 0 ? "READY" : "PENDING");
    w.Key("operation");
    w.String("EXECUTE");
    w.Key("seriesId");
    w.Int(defs[i].series_id);
    w.Key("timeout");
    w.Int(defs[i].timeout);
    Ids(w, "upstreams", i == 0 ? std::nullopt : std::optional<int64_t>(id_of(i - 1)));
    Ids(w, "downstreams", i + 1 == n ? std::nullopt : std::optional<int64_t>(id_of(i + 1)));
    w.EndObject();
  }
  w.EndArray();
}

// The old route: the task as a fixture file, read back by the fixture loader.
StatusOr<model::Task> OldRoute(const TaskSpec& spec, const char* name,
                               const std::vector<SubtaskDef>& defs) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("format");
  w.String("ocp-mock-fixtures/1");
  w.Key("tasks");
  w.StartArray();
  w.StartObject();
  w.Key("hostIds");
  w.StartArray();
  for (int64_t h : spec.host_ids) w.Int64(h);
  w.EndArray();
  w.Key("task");
  w.StartObject();
  w.Key("id");
  w.Int64(spec.task_id);
  w.Key("name");
  w.String(name);
  w.Key("status");
  w.String("RUNNING");
  w.Key("type");
  w.String("MANUAL");
  w.Key("creator");
  w.StartObject();
  w.Key("id");
  w.Int64(spec.creator.id);
  w.Key("name");
  w.String(spec.creator.name.c_str());
  w.EndObject();
  if (spec.cluster) {
    w.Key("cluster");
    w.StartObject();
    w.Key("id");
    w.Int64(spec.cluster->id);
    w.Key("name");
    w.String(spec.cluster->name.c_str());
    w.Key("obClusterId");
    w.Int64(spec.cluster->ob_cluster_id);
    w.Key("type");
    w.String(spec.cluster->type.c_str());
    w.EndObject();
  }
  if (spec.tenant) {
    w.Key("tenant");
    w.StartObject();
    w.Key("id");
    w.Int64(spec.tenant->id);
    w.Key("name");
    w.String(spec.tenant->name.c_str());
    w.Key("obTenantId");
    w.Int64(spec.tenant->ob_tenant_id);
    w.Key("mode");
    w.String(spec.tenant->mode.c_str());
    w.EndObject();
  }
  w.Key("createTime");
  w.String(spec.start_time.c_str());
  w.Key("startTime");
  w.String(spec.start_time.c_str());
  Subtasks(w, defs, spec.task_id);
  w.EndObject();
  w.EndObject();
  w.EndArray();
  w.EndObject();
  auto tasks = fixtures::ParseTaskFixtures(std::string_view(buffer.GetString(), buffer.GetSize()),
                                           name, testdata::BundledSchemas());
  if (!tasks.ok()) return InternalError(std::string(name) + " task: " + tasks.status().message());
  return std::move(tasks.value().front());
}

void ExpectSameTime(const std::optional<model::Timestamp>& want,
                    const std::optional<model::Timestamp>& got, const std::string& what) {
  ASSERT_EQ(want.has_value(), got.has_value()) << what;
  if (!want) return;
  EXPECT_EQ(want->text(), got->text()) << what;
  EXPECT_EQ(want->epoch_ms, got->epoch_ms) << what;
}

void ExpectSameSubtask(const model::Subtask& want, const model::Subtask& got) {
  const std::string at = "subtask " + std::to_string(want.id);
  EXPECT_EQ(want.id, got.id) << at;
  EXPECT_EQ(want.name, got.name) << at;
  EXPECT_EQ(want.description, got.description) << at;
  EXPECT_EQ(want.status, got.status) << at;
  EXPECT_EQ(want.operation, got.operation) << at;
  EXPECT_EQ(want.series_id, got.series_id) << at;
  EXPECT_EQ(want.timeout, got.timeout) << at;
  EXPECT_EQ(want.executor, got.executor) << at;
  EXPECT_EQ(want.run_time, got.run_time) << at;
  EXPECT_EQ(want.node_type, got.node_type) << at;
  EXPECT_EQ(want.parallel_idx, got.parallel_idx) << at;
  EXPECT_EQ(want.upstreams, got.upstreams) << at;
  EXPECT_EQ(want.downstreams, got.downstreams) << at;
  EXPECT_EQ(want.prohibit_rollback, got.prohibit_rollback) << at;
  ExpectSameTime(want.create_time, got.create_time, at + " createTime");
  ExpectSameTime(want.start_time, got.start_time, at + " startTime");
  ExpectSameTime(want.finish_time, got.finish_time, at + " finishTime");
  EXPECT_EQ(want.log, got.log) << at;
  EXPECT_EQ(want.initial_log_pending, got.initial_log_pending) << at;
  EXPECT_EQ(want.script.duration_ms, got.script.duration_ms) << at;
  EXPECT_EQ(want.script.fail_on_runs, got.script.fail_on_runs) << at;
  EXPECT_EQ(want.step_ends_ms, got.step_ends_ms) << at;
}

void ExpectSameTask(const model::Task& want, const model::Task& got) {
  EXPECT_EQ(want.id, got.id);
  EXPECT_EQ(want.name, got.name);
  EXPECT_EQ(want.status, got.status);
  EXPECT_EQ(want.type, got.type);
  EXPECT_EQ(want.operation, got.operation);
  EXPECT_EQ(want.task_definition_id, got.task_definition_id);
  EXPECT_EQ(want.executor, got.executor);
  EXPECT_EQ(want.prohibit_rollback, got.prohibit_rollback);
  EXPECT_EQ(want.creator.id, got.creator.id);
  EXPECT_EQ(want.creator.name, got.creator.name);
  ASSERT_EQ(want.cluster.has_value(), got.cluster.has_value());
  if (want.cluster) {
    EXPECT_EQ(want.cluster->id, got.cluster->id);
    EXPECT_EQ(want.cluster->name, got.cluster->name);
    EXPECT_EQ(want.cluster->ob_cluster_id, got.cluster->ob_cluster_id);
    EXPECT_EQ(want.cluster->type, got.cluster->type);
  }
  ASSERT_EQ(want.tenant.has_value(), got.tenant.has_value());
  if (want.tenant) {
    EXPECT_EQ(want.tenant->id, got.tenant->id);
    EXPECT_EQ(want.tenant->name, got.tenant->name);
    EXPECT_EQ(want.tenant->ob_tenant_id, got.tenant->ob_tenant_id);
    EXPECT_EQ(want.tenant->mode, got.tenant->mode);
  }
  ExpectSameTime(want.create_time, got.create_time, "createTime");
  ExpectSameTime(want.start_time, got.start_time, "startTime");
  ExpectSameTime(want.finish_time, got.finish_time, "finishTime");
  EXPECT_EQ(want.host_ids, got.host_ids);
  EXPECT_EQ(want.revision, got.revision);
  ASSERT_EQ(want.subtasks.size(), got.subtasks.size());
  for (size_t i = 0; i < want.subtasks.size(); ++i) {
    ExpectSameSubtask(want.subtasks[i], got.subtasks[i]);
  }
}

TaskSpec TenantSpec() {
  TaskSpec spec;
  spec.task_id = 4242;
  spec.start_time = "2026-11-27T13:30:27.270+08:00";
  spec.creator = {7, "alice"};
  spec.cluster = model::Cluster{3, "obcluster-3", 1000003, "PRIMARY"};
  spec.tenant = model::Tenant{21, "tenant_new", 1021, "ORACLE"};
  return spec;
}

std::vector<TaskSpec> HostSpecs() {
  TaskSpec one;
  one.task_id = 77;
  one.start_time = "2024-01-02T03:04:05.006Z";
  one.host_ids = {15};
  TaskSpec two = one;  // the default creator; several hosts; a cluster and no tenant
  two.task_id = 1000001;
  two.start_time = "2024-01-02T03:04:05-05:30";
  two.host_ids = {15, 16, 3};
  two.cluster = model::Cluster{1, "c1", 11, "STANDBY"};
  return {one, two};
}

TEST(OperationTasks, CreateTenantIsTheTaskTheFixtureRouteMade) {
  const TaskSpec spec = TenantSpec();
  auto want = OldRoute(spec, "Create tenant", kOldCreateTenant);
  ASSERT_TRUE(want.ok()) << want.status().message();
  auto got = CreateTenantTask(spec);
  ASSERT_TRUE(got.ok()) << got.status().message();
  ExpectSameTask(want.value(), got.value());
  // What the comparison covers, spelt out once: the documented chain, the first READY.
  ASSERT_EQ(10u, got.value().subtasks.size());
  EXPECT_EQ(424206, got.value().subtasks[0].id);
  EXPECT_EQ(model::SubtaskStatus::kReady, got.value().subtasks[0].status);
  EXPECT_EQ(std::vector<int64_t>{424204}, got.value().subtasks[0].downstreams);
  EXPECT_EQ(std::vector<int64_t>{424206}, got.value().subtasks[1].upstreams);
}

TEST(OperationTasks, PrepareHostIsTheTaskTheFixtureRouteMade) {
  for (const TaskSpec& spec : HostSpecs()) {
    SCOPED_TRACE(spec.task_id);
    auto want = OldRoute(spec, "Prepare host", kOldPrepareHost);
    ASSERT_TRUE(want.ok()) << want.status().message();
    auto got = PrepareHostTask(spec);
    ASSERT_TRUE(got.ok()) << got.status().message();
    ExpectSameTask(want.value(), got.value());
    EXPECT_EQ(5u, got.value().subtasks.size());
  }
}

TEST(OperationTasks, RefusesWhatTheFixtureRouteRefused) {
  TaskSpec bad_time = TenantSpec();
  bad_time.start_time = "yesterday";
  TaskSpec orphan = TenantSpec();  // a tenant without its cluster
  orphan.cluster.reset();
  for (const TaskSpec& spec : {bad_time, orphan}) {
    EXPECT_FALSE(OldRoute(spec, "Create tenant", kOldCreateTenant).ok());
    auto got = CreateTenantTask(spec);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(StatusCode::kInternal, got.status().code()) << got.status().message();
    EXPECT_NE(std::string::npos, got.status().message().find("Create tenant task: "))
        << got.status().message();
  }
  EXPECT_FALSE(PrepareHostTask(bad_time).ok());
}

// The cluster tasks follow the documented samples' chains (docs/reference/ocp-client-flows.md
// 3.2): first to last, each the next one's upstream; named after the cluster's type.
TEST(OperationTasks, TheClusterTasksRunTheDocumentedChains) {
  TaskSpec spec;
  spec.task_id = 500;
  spec.start_time = "2024-01-02T03:04:05+08:00";
  spec.cluster = model::Cluster{7, "terran", 8, "PRIMARY"};
  spec.host_ids = {16, 17};
  auto create = CreateClusterTask(spec);
  ASSERT_TRUE(create.ok()) << create.status().message();
  const model::Task& c = create.value();
  EXPECT_EQ("Create primary OB cluster", c.name);
  ASSERT_EQ(23u, c.subtasks.size());
  EXPECT_EQ("Prepare install cluster", c.subtasks.front().name);
  EXPECT_EQ("Bootstrap ob", c.subtasks[8].name);
  EXPECT_EQ("Link obproxy", c.subtasks.back().name);
  EXPECT_EQ(model::SubtaskStatus::kReady, c.subtasks.front().status);
  for (size_t i = 1; i < c.subtasks.size(); ++i) {
    EXPECT_EQ(std::vector<int64_t>{c.subtasks[i - 1].id}, c.subtasks[i].upstreams) << i;
    EXPECT_EQ(model::SubtaskStatus::kPending, c.subtasks[i].status) << i;
  }
  EXPECT_EQ((std::vector<int64_t>{16, 17}), c.host_ids);
  auto remove = DeleteClusterTask(spec);
  ASSERT_TRUE(remove.ok()) << remove.status().message();
  EXPECT_EQ("Delete primary OB cluster", remove.value().name);
  std::vector<std::string> names;
  for (const auto& s : remove.value().subtasks) names.push_back(s.name);
  EXPECT_EQ(
      (std::vector<std::string>{"Prepare delete cluster", "Stop ocp agent service", "Wait node",
                                "Clean observer host", "Delete cluster info", "Unreserve host"}),
      names);
  spec.cluster->type = "STANDBY";
  EXPECT_EQ("Create standby OB cluster", CreateClusterTask(spec).value().name);
  EXPECT_EQ("Delete standby OB cluster", DeleteClusterTask(spec).value().name);
}

}  // namespace
}  // namespace mock::entities
