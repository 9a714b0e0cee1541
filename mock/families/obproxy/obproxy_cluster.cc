#include "mock/families/obproxy/obproxy_cluster.h"

#include <array>
#include <cctype>
#include <map>
#include <memory>

#include "mock/model/task_state.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/quirks/client_ids.h"
#include "mock/reply/task_json.h"

namespace mock::families::obproxy {
namespace {

using entities::Int;
using entities::Str;

// The field table's example RPM: the version a creation without one installs.
constexpr const char* kDefaultRpm = "obproxy-1.9.1.1-1919579.el7.x86_64.rpm";

std::optional<int64_t> OptionalInt(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsInt64()) return std::nullopt;
  return it->value.GetInt64();
}

std::optional<std::string> OptionalStr(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return std::nullopt;
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

const entities::Row* FindById(const std::vector<entities::Row>& rows, int64_t id) {
  for (const entities::Row& r : rows) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace

std::string NameOf(const rapidjson::Value& row) { return OptionalStr(row, "name").value_or(""); }

std::string VersionOfRpm(const std::string& rpm) {
  size_t from = 0;
  while (from < rpm.size() && !std::isdigit(static_cast<unsigned char>(rpm[from]))) ++from;
  if (from == rpm.size()) return rpm;
  const size_t end = std::min(rpm.find(".el", from), rpm.find(".rpm", from));
  return rpm.substr(from, end == std::string::npos ? std::string::npos : end - from);
}

StatusOr<ObproxyPlan> PlanCluster(const rapidjson::Value& body,
                                  const std::vector<entities::Row>& clusters,
                                  const std::vector<entities::Row>& hosts) {
  ObproxyPlan plan;
  plan.name = NameOf(body);
  plan.address = OptionalStr(body, "address");
  plan.port = OptionalInt(body, "port");
  plan.work_mode = OptionalStr(body, "workMode").value_or("CONFIG_URL");
  const rapidjson::Value& links = body["obLinks"];
  if (plan.work_mode == "RS_LIST" && links.Size() != 1) {
    return ocp::InvalidParameter("obLinks", "obLinks: RS_LIST takes exactly one obLink, not " +
                                                std::to_string(links.Size()) + ".");
  }
  for (rapidjson::SizeType i = 0; i < links.Size(); ++i) {
    const std::string name(Str(links[i], "clusterName"));
    const int64_t ob_cluster_id = Int(links[i], "obClusterId");
    const entities::Row* found = nullptr;
    for (const entities::Row& c : clusters) {
      if (Str(*c.doc, "name") == name && Int(*c.doc, "obClusterId") == ob_cluster_id) found = &c;
    }
    if (found == nullptr) {
      const std::string field = "obLinks[" + std::to_string(i) + "].clusterName";
      return ocp::InvalidParameter(
          field, field + ": no cluster is named \"" + name + "\" with obClusterId " +
                     std::to_string(ob_cluster_id) + " (GET /api/v2/ob/clusters lists them).");
    }
    plan.links.push_back({*found, std::string(Str(links[i], "username"))});
  }
  auto install = body.FindMember("obproxyInstallParam");
  if (install == body.MemberEnd() || !install->value.IsObject()) {
    plan.version = VersionOfRpm(kDefaultRpm);
    return plan;
  }
  const rapidjson::Value& p = install->value;
  const rapidjson::Value& ids = p["hostIds"];
  for (rapidjson::SizeType i = 0; i < ids.Size(); ++i) {
    const entities::Row* host = FindById(hosts, ids[i].GetInt64());
    if (host == nullptr) {
      const std::string field = "obproxyInstallParam.hostIds[" + std::to_string(i) + "]";
      return ocp::InvalidParameter(field, field + ": no host has id " +
                                              std::to_string(ids[i].GetInt64()) +
                                              " (GET /api/v2/compute/hosts lists them).");
    }
    plan.hosts.push_back(*host);
  }
  plan.sql_port = OptionalInt(p, "sqlPort").value_or(2883);
  plan.exporter_port =
      OptionalInt(p, "exportPort").value_or(OptionalInt(p, "exporterPort").value_or(2884));
  plan.version = VersionOfRpm(OptionalStr(p, "version").value_or(kDefaultRpm));
  return plan;
}

resources::Row MakeCluster(const ObproxyPlan& plan, int64_t id, const model::Creator& creator,
                           const std::string& now) {
  auto doc = std::make_shared<rapidjson::Document>(rapidjson::kObjectType);
  auto& a = doc->GetAllocator();
  auto text = [&a](const std::string& s) { return rapidjson::Value(s.c_str(), a); };
  // Keys in alphabetical order, as OCP's samples (and the fixtures) write them.
  if (plan.address) doc->AddMember("address", text(*plan.address), a);
  if (plan.work_mode == "CONFIG_URL") {
    doc->AddMember("configUrl",
                   text("http://127.0.0.1:8080/services?Action=GetObProxyConfig&User_ID=alibaba"
                        "&UID=admin&ObproxyClusterName=" +
                        plan.name),
                   a);
  }
  doc->AddMember("createTime", text(now), a);
  doc->AddMember("creatorId", creator.id, a);
  doc->AddMember("creatorName", text(creator.name), a);
  doc->AddMember("id", id, a);
  doc->AddMember("name", text(plan.name), a);
  rapidjson::Value links(rapidjson::kArrayType);
  for (const auto& link : plan.links) {
    const rapidjson::Value& c = *link.cluster.doc;
    rapidjson::Value l(rapidjson::kObjectType);
    l.AddMember("clusterId", link.cluster.id, a);
    l.AddMember("clusterName", text(std::string(Str(c, "name"))), a);
    l.AddMember("clusterType", text(std::string(Str(c, "type"))), a);
    l.AddMember("connections", 0.0, a);
    l.AddMember("obClusterId", Int(c, "obClusterId"), a);
    l.AddMember("status", text(std::string(Str(c, "status"))), a);
    l.AddMember("username", text(link.username), a);
    links.PushBack(l, a);
  }
  doc->AddMember("obLinks", links, a);
  rapidjson::Value proxies(rapidjson::kArrayType);
  std::map<std::string, int64_t> topo;
  for (size_t i = 0; i < plan.hosts.size(); ++i) {
    const rapidjson::Value& h = *plan.hosts[i].doc;
    const std::string idc(Str(h, "idcName"));
    ++topo[idc];
    rapidjson::Value p(rapidjson::kObjectType);
    p.AddMember("architecture", text(std::string(Str(h, "architecture"))), a);
    p.AddMember("clusterId", id, a);
    p.AddMember("exporterPort", plan.exporter_port, a);
    p.AddMember("hostId", plan.hosts[i].id, a);
    p.AddMember("id", id * 100 + static_cast<int64_t>(i) + 1, a);
    p.AddMember("idcName", text(idc), a);
    p.AddMember("ip", text(std::string(Str(h, "innerIpAddress"))), a);
    p.AddMember("lastActiveTime", text(now), a);
    p.AddMember("operateStatus", "NORMAL", a);
    p.AddMember("parameterVersion", 1, a);
    p.AddMember("sqlPort", plan.sql_port, a);
    p.AddMember("status", "RUNNING", a);
    p.AddMember("version", text(plan.version), a);
    proxies.PushBack(p, a);
  }
  doc->AddMember("obproxies", proxies, a);
  doc->AddMember("parameterVersion", 1, a);
  if (plan.port) doc->AddMember("port", *plan.port, a);
  rapidjson::Value idcs(rapidjson::kArrayType);
  for (const auto& [idc, count] : topo) {
    rapidjson::Value t(rapidjson::kObjectType);
    t.AddMember("count", count, a);
    t.AddMember("idcName", text(idc), a);
    idcs.PushBack(t, a);
  }
  doc->AddMember("topo", idcs, a);
  doc->AddMember("updateTime", text(now), a);
  rapidjson::Value versions(rapidjson::kArrayType);
  if (!plan.hosts.empty()) {
    rapidjson::Value v(rapidjson::kObjectType);
    v.AddMember("count", static_cast<int64_t>(plan.hosts.size()), a);
    v.AddMember("version", text(plan.version), a);
    versions.PushBack(v, a);
  }
  doc->AddMember("versions", versions, a);
  doc->AddMember("workMode", text(plan.work_mode), a);
  return resources::Row{id, std::move(doc)};
}

namespace {

struct SubtaskDef {
  const char* name;
  int32_t timeout;
};

// The documented samples' two subtasks, first to last (series 0, then 1).
constexpr std::array<SubtaskDef, 2> kInstall = {
    {{"Prepare obproxy install", 300}, {"Finish node", 0}}};
constexpr std::array<SubtaskDef, 2> kOffline = {{{"Start node", 30}, {"Finish node", 0}}};

}  // namespace

StatusOr<model::Task> ObproxyTask(ObproxyTaskKind kind, int64_t task_id, const std::string& now,
                                  const model::Creator& creator) {
  const bool install = kind == ObproxyTaskKind::kInstall;
  const auto& defs = install ? kInstall : kOffline;
  auto start = model::ParseTimestamp(now);
  if (!start) return InternalError("'" + now + "' is not a valid date and time");
  model::Task task;
  task.id = task_id;
  task.name = install ? "Install obproxy" : "Offline obproxy";
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

void WriteObproxyTask(json::JsonWriter& w, const model::Task& task, const api::Quirks& quirks,
                      std::optional<int64_t> created) {
  w.StartObject();
  // The samples' context; OCP fills it with the task's own variables, which no client reads.
  w.Key("context");
  w.StartObject();
  w.Key("listMap");
  w.StartObject();
  w.EndObject();
  w.Field("parallel", false);
  w.Field("parallelIdx", int64_t{-1});
  w.Key("stringMap");
  w.StartObject();
  w.Field("prohibit_rollback", task.prohibit_rollback ? "true" : "false");
  w.EndObject();
  w.EndObject();
  w.Field("creator", task.creator.name);
  if (task.executor) w.Field("executor", *task.executor);
  w.Field("id", task.id);
  w.Field("name", task.name);
  if (created) api::WriteClientId(w, quirks, "obproxyClusterId", *created);
  w.Field("operation", model::ToString(task.operation));
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

}  // namespace mock::families::obproxy
