#include "mock/families/takeover/takeover_family.h"

#include <algorithm>
#include <map>

#include "mock/entities/operation_tasks.h"
#include "mock/entities/pending_statuses.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/request_body.h"
#include "mock/tasks/task_starter.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using api::Reply;
using entities::Kind;

constexpr const char* kPreCheck = "/api/v2/ob/clusters/takeOverPreCheck";
constexpr const char* kTakeOver = "/api/v2/ob/clusters/takeOver";

// A cluster named `name` held: shown, or its takeover still running (a failed one, or one whose
// task is gone, does not hold its name). Runs under the entity store's lock.
entities::EntityStore::Admission NameFree(const std::string& name,
                                          const entities::TaskStatuses& statuses) {
  return [&name, &statuses](const entities::HeldEntities& held) -> Status {
    for (const entities::Row& c : held.Rows(Kind::kCluster)) {
      if (entities::Str(*c.doc, "name") != name) continue;
      if (auto task = held.PendingTask(Kind::kCluster, c.id)) {
        auto status = statuses.Of(*task);
        if (!status || *status == model::TaskStatus::kFailed) continue;
      }
      const std::string which = name + ":" + std::to_string(entities::Int(*c.doc, "obClusterId"));
      // OCP's table: 11034 / OBE11034 "The cluster {0}:{1} to be taken over already exists."
      // (3.1.1: 11033); no page says takeOver answers it, the mock's choice (docs/takeover.md).
      return ocp::OcpError(
          ocp::ErrorKind::kTakeoverClusterExists,
          "clusterName " + which + " is cluster id " + std::to_string(c.id) + " already.",
          {name, std::to_string(entities::Int(*c.doc, "obClusterId"))});
    }
    return Status();
  };
}

std::string Joined(const std::vector<std::string>& messages) {
  std::string out;
  for (const auto& m : messages) out += (out.empty() ? "" : "; ") + m;
  return out.empty() ? "the pre-check failed" : out;
}

}  // namespace

std::vector<api::Route> TakeoverFamily::Routes() const {
  return {{"POST", kPreCheck, Access::kAuthenticated,
           [this](const Call& c) { return PreCheck(c.request.body); }},
          {"POST", kTakeOver, Access::kAuthenticated,
           [this](const Call& c) { return TakeOver(c.request.body, c.user); }},
          {"GET", "/__mock/takeover", Access::kControl,
           [this](const Call&) -> StatusOr<Reply> {
             return Reply{[s = Current()](json::JsonWriter& w) { takeover::WriteSetting(w, s); }};
           }},
          {"PUT", "/__mock/takeover", Access::kControl,
           [this](const Call& c) { return PutSetting(c.request.body); }}};
}

void TakeoverFamily::Reset() const {
  MutexLock lock(mutex_);
  setting_ = takeover::Setting{};
}

takeover::Setting TakeoverFamily::Current() const {
  MutexLock lock(mutex_);
  return setting_;
}

StatusOr<Reply> TakeoverFamily::PutSetting(const std::string& body) const {
  if (schemas_ == nullptr) return FailedPrecondition("this server has no schemas");
  auto doc = api::CheckedBody(body, "takeover-setting", *schemas_);
  if (!doc.ok()) return doc.status();
  takeover::Setting s = takeover::ParseSetting(doc.value());
  {
    MutexLock lock(mutex_);
    setting_ = s;
  }
  return Reply{[s](json::JsonWriter& w) { takeover::WriteSetting(w, s); }};
}

StatusOr<rapidjson::Document> TakeoverFamily::Checked(const std::string& body,
                                                      const char* schema) const {
  if (schemas_ == nullptr) return FailedPrecondition("this server has no schemas");
  auto doc = api::CheckedBody(body, schema, *schemas_);
  if (!doc.ok()) return doc.status();
  const rapidjson::Value& r = doc.value();
  auto mode = r.FindMember("connectionMode");
  auto name = r.FindMember("clusterName");
  if (mode != r.MemberEnd() && mode->value == "proxy" &&
      (name == r.MemberEnd() || !name->value.IsString() || name->value.GetStringLength() == 0)) {
    // OCP's 11041 / OBE11041 says the same; the mock names the field as invalidParameter.
    return ocp::InvalidParameter(
        "clusterName",
        "When you set the connection mode to proxy, you must specify the cluster "
        "name.");
  }
  return doc;
}

Status TakeoverFamily::NotHeld(const std::string& name) const {
  const auto statuses = entities::PendingStatuses(entities_, tasks_);
  return entities_.Check(NameFree(name, statuses));
}

StatusOr<Reply> TakeoverFamily::PreCheck(const std::string& body) const {
  auto doc = Checked(body, "takeover-precheck-request");
  if (!doc.ok()) return doc.status();
  takeover::Setting s = Current();
  // A cluster OCP holds already fails the check, with the takeover's own sentence.
  const takeover::Target target = takeover::TargetOf(doc.value(), s, 0);
  if (Status held = NotHeld(target.name); !held.ok()) {
    s.valid = false;
    s.messages.push_back(held.message());
  }
  return Reply{[s](json::JsonWriter& w) {
    w.StartObject();
    w.Key("result");
    w.StartObject();
    w.Key("messages");
    w.StartArray();
    for (const auto& m : s.messages) w.String(m.c_str());
    w.EndArray();
    w.Field("valid", s.valid);
    w.EndObject();
    w.EndObject();
  }};
}

StatusOr<tasks::TaskSnapshot> TakeoverFamily::StartTask(
    const std::function<StatusOr<model::Task>(int64_t id)>& make) const {
  auto id = tasks::StartTask(tasks_, make);
  if (!id.ok()) return id.status();
  return tasks_.Get(id.value());
}

StatusOr<Reply> TakeoverFamily::TakeOver(const std::string& body, const auth::User* user) const {
  auto doc = Checked(body, "takeover-request");
  if (!doc.ok()) return doc.status();
  const rapidjson::Value& r = doc.value();
  const takeover::Setting s = Current();
  if (!s.valid) {
    return ocp::OcpError(ocp::ErrorKind::kTakeoverPrecheckFailed,
                         "The pre-check of this address fails (set by PUT /__mock/takeover).",
                         {Joined(s.messages)});
  }
  const int64_t cluster_id = entities_.NextId(Kind::kCluster);
  const takeover::Target target = takeover::TargetOf(r, s, cluster_id);
  if (Status held = NotHeld(target.name); !held.ok()) return held;

  // Servers on hosts OCP holds keep them; the others become hosts, which need hostInfo.
  std::map<std::string, int64_t> host_of;
  for (const entities::Row& h :
       entities_.Rows(Kind::kHost, entities::PendingStatuses(entities_, tasks_)))
    host_of.emplace(std::string(entities::Str(*h.doc, "innerIpAddress")), h.id);
  std::vector<std::string> new_ips;
  for (const auto& [zone, ips] : target.zones) {
    for (const auto& ip : ips) {
      if (host_of.count(ip) == 0 && std::find(new_ips.begin(), new_ips.end(), ip) == new_ips.end())
        new_ips.push_back(ip);
    }
  }
  static const rapidjson::Value kNoHostInfo(rapidjson::kObjectType);
  auto info = r.FindMember("hostInfo");
  const rapidjson::Value& host_info = info == r.MemberEnd() ? kNoHostInfo : info->value;
  if (!new_ips.empty()) {
    // OCP's 11044-11047: the host info, type and credential of hosts it does not hold.
    const std::string why = "host " + new_ips.front() + " is not in OCP: ";
    if (info == r.MemberEnd())
      return ocp::InvalidParameter("hostInfo", why + "hostInfo is required.");
    if (!host_info.HasMember("hostTypeId"))
      return ocp::InvalidParameter("hostInfo.hostTypeId", why + "hostInfo.hostTypeId is required.");
    if (!host_info.HasMember("credentialId"))
      return ocp::InvalidParameter("hostInfo.credentialId",
                                   why + "hostInfo.credentialId is required.");
    const int64_t credential = host_info["credentialId"].GetInt64();
    if (!credentials_.Holds(credential)) {
      return ocp::InvalidParameter("hostInfo.credentialId",
                                   "The password with an ID of " + std::to_string(credential) +
                                       " does not exist in the password box.");
    }
  }

  const std::string now(model::MakeTimestamp(clock_.NowMs()).text());
  entities::TaskSpec spec;
  spec.start_time = now;
  spec.creator =
      user == nullptr ? model::Creator{100, "admin"} : model::Creator{user->id, user->name};
  spec.cluster = model::Cluster{cluster_id, target.name, target.ob_cluster_id, "PRIMARY"};
  std::vector<entities::Row> hosts;
  for (const auto& ip : new_ips) {
    const int64_t id = entities_.NextId(Kind::kHost);
    host_of[ip] = id;
    hosts.push_back({id, takeover::HostDoc(target, host_info, id, ip, now), "takeOver"});
  }
  for (const auto& [ip, id] : host_of) {
    for (const auto& [zone, ips] : target.zones) {
      if (std::find(ips.begin(), ips.end(), ip) != ips.end()) spec.host_ids.push_back(id);
    }
  }
  auto task = StartTask([&](int64_t id) -> StatusOr<model::Task> {
    spec.task_id = id;
    auto t = entities::TakeOverClusterTask(spec);
    if (!t.ok() || !s.fail_subtask) return t;
    for (auto& sub : t.value().subtasks) {
      if (sub.name == *s.fail_subtask) sub.script.fail_on_runs = {1};
    }
    return t;
  });
  if (!task.ok()) return task.status();
  const int64_t task_id = task.value()->id;
  // Hidden until the task succeeds: Pending with no document while it runs.
  const entities::Row cluster{
      cluster_id, takeover::ClusterDoc(target, cluster_id, host_of, now, spec.creator.name),
      "takeOver"};
  const auto statuses = entities::PendingStatuses(entities_, tasks_);  // as late as can be
  Status added = entities_.Add(Kind::kCluster, cluster, entities::Pending{task_id, nullptr},
                               NameFree(target.name, statuses));
  std::vector<int64_t> added_hosts;
  for (size_t i = 0; added.ok() && i < hosts.size(); ++i) {
    added = entities_.Add(Kind::kHost, hosts[i], entities::Pending{task_id, nullptr});
    if (added.ok()) added_hosts.push_back(hosts[i].id);
  }
  if (!added.ok()) {  // nothing changed
    for (int64_t id : added_hosts) (void)entities_.Remove(Kind::kHost, id);
    (void)entities_.Remove(Kind::kCluster, cluster_id);
    (void)tasks_.Remove(task_id);
    return added;
  }
  return Reply{[t = task.value(), cluster_id](json::JsonWriter& w) {
    takeover::WriteTakeoverTask(w, *t, cluster_id);
  }};
}

}  // namespace mock::families
