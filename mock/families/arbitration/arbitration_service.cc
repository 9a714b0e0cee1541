#include "mock/families/arbitration/arbitration_service.h"

#include <algorithm>
#include <array>
#include <memory>

#include "mock/model/task_state.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/quirks/client_ids.h"
#include "mock/reply/task_json.h"

namespace mock::families::arbitration {
namespace {

using entities::Str;

std::optional<std::string> OptionalStr(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return std::nullopt;
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

int64_t IntOr0(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsInt64() ? it->value.GetInt64() : 0;
}

// Whether the host's services include an OceanBase cluster: an OBServer runs there.
bool RunsObserver(const rapidjson::Value& host) {
  auto services = host.FindMember("services");
  if (services == host.MemberEnd() || !services->value.IsArray()) return false;
  const auto& all = services->value.GetArray();
  return std::any_of(all.begin(), all.end(), [](const rapidjson::Value& s) {
    return OptionalStr(s, "type") == "OB_CLUSTER";
  });
}

}  // namespace

int64_t HostIdOf(const rapidjson::Value& row) { return IntOr0(row, "hostId"); }
int64_t PortOf(const rapidjson::Value& row) { return IntOr0(row, "svrPort"); }
std::string IpOf(const rapidjson::Value& row) { return OptionalStr(row, "svrIp").value_or(""); }

bool HasAnyTag(const rapidjson::Value& row, const std::vector<int64_t>& tag_ids) {
  auto tags = row.FindMember("tags");
  if (tags == row.MemberEnd() || !tags->value.IsArray()) return false;
  for (const rapidjson::Value& tag : tags->value.GetArray()) {
    const int64_t id = IntOr0(tag, "id");
    if (std::find(tag_ids.begin(), tag_ids.end(), id) != tag_ids.end()) return true;
  }
  return false;
}

StatusOr<ServicePlan> PlanService(const rapidjson::Value& body,
                                  const std::vector<entities::Row>& hosts) {
  ServicePlan plan;
  plan.host_id = body["hostId"].GetInt64();
  auto host = std::find_if(hosts.begin(), hosts.end(),
                           [&](const entities::Row& h) { return h.id == plan.host_id; });
  if (host == hosts.end()) {
    return ocp::InvalidParameter("hostId", "hostId: no host has id " +
                                               std::to_string(plan.host_id) +
                                               " (GET /api/v2/compute/hosts lists them).");
  }
  if (RunsObserver(*host->doc)) {
    return ocp::InvalidParameter(
        "hostId",
        "hostId: an OBServer has been deployed on host " + std::to_string(plan.host_id) +
            ", so an arbitration service cannot be deployed on it (OCP 4.2.2's OBE50000).");
  }
  plan.ip = std::string(Str(*host->doc, "innerIpAddress"));
  plan.port = body["svrPort"].GetInt64();
  plan.install_path = OptionalStr(body, "installPath").value_or("");
  plan.run_path = OptionalStr(body, "runPath");
  plan.run_user = OptionalStr(body, "runUser").value_or("");
  plan.description = OptionalStr(body, "description");
  return plan;
}

resources::Row MakeService(const ServicePlan& plan, int64_t id, const std::string& now) {
  auto doc = std::make_shared<rapidjson::Document>(rapidjson::kObjectType);
  auto& a = doc->GetAllocator();
  auto text = [&a](const std::string& s) { return rapidjson::Value(s.c_str(), a); };
  auto optional = [&](const std::optional<std::string>& s) {
    return s ? text(*s) : rapidjson::Value(rapidjson::kNullType);
  };
  // Keys in alphabetical order, as OCP's samples (and the fixtures) write them.
  doc->AddMember("createTime", text(now), a);
  doc->AddMember("description", optional(plan.description), a);
  doc->AddMember("hostId", plan.host_id, a);
  doc->AddMember("id", id, a);
  doc->AddMember("installPath", text(plan.install_path), a);
  doc->AddMember("name", text(plan.ip + ":" + std::to_string(plan.port)), a);
  doc->AddMember("runPath", optional(plan.run_path), a);
  doc->AddMember("runUser", text(plan.run_user), a);
  doc->AddMember("status", "RUNNING", a);
  doc->AddMember("svrIp", text(plan.ip), a);
  doc->AddMember("svrPort", plan.port, a);
  doc->AddMember("tags", rapidjson::Value(rapidjson::kArrayType), a);
  doc->AddMember("updateTime", text(now), a);
  return resources::Row{id, std::move(doc)};
}

namespace {

struct SubtaskDef {
  const char* name;
  int32_t timeout;
};

constexpr std::array<SubtaskDef, 2> kCreate = {
    {{"Prepare create arbitration service", 300}, {"Install arbitration service", 600}}};
constexpr std::array<SubtaskDef, 2> kDelete = {
    {{"Prepare delete arbitration service", 300}, {"Uninstall arbitration service", 600}}};

}  // namespace

StatusOr<model::Task> ArbitrationTask(ArbitrationTaskKind kind, int64_t task_id,
                                      const std::string& now, const model::Creator& creator) {
  const bool create = kind == ArbitrationTaskKind::kCreate;
  const auto& defs = create ? kCreate : kDelete;
  auto start = model::ParseTimestamp(now);
  if (!start) return InternalError("'" + now + "' is not a valid date and time");
  model::Task task;
  task.id = task_id;
  task.name = create ? "Create arbitration service" : "Delete arbitration service";
  task.creator = creator;
  task.create_time = start;
  task.start_time = start;
  // As entities/operation_tasks.cc builds its tasks: fields not set keep model::Subtask's
  // defaults, what the fixture reader gives a subtask that has not run.
  for (size_t i = 0; i < defs.size(); ++i) {
    model::Subtask s;
    s.id = task_id * 100 + static_cast<int64_t>(i);
    s.name = defs[i].name;
    s.description = defs[i].name;
    s.status = i == 0 ? model::SubtaskStatus::kReady : model::SubtaskStatus::kPending;
    s.series_id = static_cast<int64_t>(i);
    s.timeout = defs[i].timeout;
    if (i > 0) s.upstreams = {s.id - 1};
    if (i + 1 < defs.size()) s.downstreams = {s.id + 1};
    s.create_time = start;
    s.initial_log_pending = true;
    task.subtasks.push_back(std::move(s));
  }
  if (auto impossible = model::ImpossibleState(task)) return InternalError(*impossible);
  return task;
}

void WriteArbitrationTask(json::JsonWriter& w, const model::Task& task, const api::Quirks& quirks,
                          std::optional<int64_t> service_id) {
  // The fields and order of the entity operations' answer (mock/families/entities/entity_json.cc,
  // WriteAsyncTask), which async-task-instance.schema.json describes.
  w.StartObject();
  if (service_id) api::WriteClientId(w, quirks, "arbitrationServiceId", *service_id);
  w.Field("creator", task.creator.name);
  if (task.executor) w.Field("executor", *task.executor);
  w.Field("id", task.id);
  w.Field("name", task.name);
  w.Field("operation", model::ToString(task.operation));
  w.Field("prohibitRollback", task.prohibit_rollback);
  if (task.start_time) w.Field("startTime", task.start_time->text());
  w.Field("status", model::ToString(task.status));
  w.Key("subtasks");
  w.StartArray();
  for (const model::Subtask& s : task.subtasks) api::WriteSubtask(w, s);
  w.EndArray();
  w.Field("taskDefinitionId", task.task_definition_id);
  w.Field("type", model::ToString(task.type));
  w.EndObject();
}

}  // namespace mock::families::arbitration
