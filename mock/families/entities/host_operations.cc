// EntityOperations::BatchCreateHosts: POST /api/v2/compute/hosts/batchCreate (entity_operations.h).
#include <set>

#include "mock/entities/created_entities.h"
#include "mock/entities/operation_tasks.h"
#include "mock/entities/pending_statuses.h"
#include "mock/families/entities/entity_json.h"
#include "mock/families/entities/entity_operations.h"
#include "mock/json/json.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/quirks/client_ids.h"

namespace mock::api {
namespace {

using entities::Kind;
using entities::Row;

Status IpTaken(const std::string& ip, const std::string& sentence) {
  return ocp::OcpError(ocp::ErrorKind::kNameExists, sentence, {"HOST", "innerIpAddress=" + ip});
}

// Refuses hosts whose IP a visible host has (run under the store's lock; `statuses`, taken
// before, answers for the tasks: no store is called under the lock).
entities::EntityStore::Admission UniqueIps(const std::vector<std::string>& ips,
                                           const entities::TaskStatuses& statuses) {
  return [&ips, &statuses](const entities::HeldEntities& held) -> Status {
    for (const Row& h : held.Rows(Kind::kHost)) {
      const std::string ip(entities::Str(*h.doc, "innerIpAddress"));
      if (std::find(ips.begin(), ips.end(), ip) == ips.end()) continue;
      if (auto task = held.PendingTask(Kind::kHost, h.id)) {
        auto status = statuses.Of(*task);
        if (!status || *status == model::TaskStatus::kFailed) continue;
      }
      return IpTaken(ip, "Host " + std::to_string(h.id) + " already has IP " + ip + ".");
    }
    return Status();
  };
}

}  // namespace

StatusOr<Reply> EntityOperations::BatchCreateHosts(const std::string& body,
                                                   const auth::User* user) const {
  if (schemas_ == nullptr) return InternalError("the API was built without schemas");
  auto request = ParseBody(body, "batch-create-hosts-request");
  if (!request.ok()) return request.status();
  const rapidjson::Value& r = request.value();
  const auto& list = r["hostBasicDataList"];
  if (list.Size() > 1 && r.HasMember("alias") && !r["alias"].IsNull()) {
    return ocp::InvalidParameter("alias",
                                 "alias: set it only when adding a single host (the docs).");
  }
  std::vector<std::string> ips;
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const std::string ip(entities::Str(list[i], "innerIpAddress"));
    if (std::find(ips.begin(), ips.end(), ip) != ips.end()) {
      return IpTaken(ip, "hostBasicDataList[" + std::to_string(i) + "].innerIpAddress: " + ip +
                             " is listed twice.");
    }
    ips.push_back(ip);
  }
  const auto before = entities::PendingStatuses(c_.entities, c_.tasks);
  if (Status s = c_.entities.Check(UniqueIps(ips, before)); !s.ok()) return s;
  const std::string now = Now();
  std::vector<std::pair<Row, int64_t>> created;  // each host and its task
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const int64_t id = c_.entities.NextId(Kind::kHost);
    entities::TaskSpec spec;
    spec.task_id = NextTaskId();
    spec.start_time = now;
    spec.host_ids = {id};
    spec.creator = CreatorOf(user);
    auto task = entities::PrepareHostTask(spec);
    if (!task.ok()) return task.status();
    created.emplace_back(Row{id, entities::MakeHost(r, list[i], id, now), "created by the API"},
                         spec.task_id);
    if (auto put = PutTask(std::move(task).value()); !put.ok()) {
      for (size_t k = 0; k + 1 < created.size(); ++k) (void)c_.tasks.Remove(created[k].second);
      return put.status();
    }
  }
  std::vector<tasks::TaskSnapshot> snapshots;
  const auto statuses =
      entities::PendingStatuses(c_.entities, c_.tasks);  // after the tasks were put
  for (size_t k = 0; k < created.size(); ++k) {
    const auto& [row, task_id] = created[k];
    entities::Pending pending{task_id, entities::WithStatus(row.doc, "NEW")};
    const std::vector<std::string> ip = {ips[k]};
    Status s = c_.entities.Add(Kind::kHost, row, pending, UniqueIps(ip, statuses));
    if (!s.ok()) {  // a concurrent request took an IP: undo this request's changes
      for (size_t j = 0; j < created.size(); ++j) {
        if (j < k) (void)c_.entities.Remove(Kind::kHost, created[j].first.id);
        (void)c_.tasks.Remove(created[j].second);
      }
      return s;
    }
    auto snapshot = c_.tasks.Get(task_id);
    if (!snapshot.ok()) return snapshot.status();
    snapshots.push_back(snapshot.value());
  }
  std::vector<int64_t> host_ids;
  for (const auto& c : created) host_ids.push_back(c.first.id);
  return Reply{[snapshots = std::move(snapshots), host_ids, quirks = quirks_](json::JsonWriter& w) {
    w.StartObject();
    w.Key("contents");
    w.StartArray();
    for (size_t k = 0; k < snapshots.size(); ++k)
      WriteAsyncTask(w, *snapshots[k], AsyncSubject{std::nullopt, std::nullopt, host_ids[k]});
    w.EndArray();
    // What the terraform provider reads (one task to poll: the first host's), with the quirk.
    WriteClientIds(w, quirks, "hostIds", host_ids);
    if (!snapshots.empty()) WriteClientId(w, quirks, "id", snapshots.front()->id);
    w.EndObject();
  }};
}

}  // namespace mock::api
