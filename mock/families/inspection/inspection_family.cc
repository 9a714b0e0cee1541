#include "mock/families/inspection/inspection_family.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <utility>

#include <rapidjson/stringbuffer.h>

#include "mock/entities/pending_statuses.h"
#include "mock/families/inspection/inspection_params.h"
#include "mock/families/inspection/inspection_run.h"
#include "mock/ocp/error_kinds.h"
#include "mock/query/param_binding.h"
#include "mock/resources/resource_reply.h"
#include "mock/tasks/task_starter.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using api::Reply;
using inspection::Object;
using inspection::Report;
using inspection::TaskState;
using listing::SortAs;

constexpr char kInspection[] = "/api/v2/inspection";
const std::vector<std::string> kTaskStates = {"RUNNING", "FAILED", "SUCCESSFUL"};
const std::vector<std::string> kScheduleStates = {"ACTIVE", "INACTIVE", "EXPIRED"};

// `write`'s one JSON value as a row the list engine reads.
resources::Row InspectionRow(int64_t id, const std::function<void(json::JsonWriter&)>& write) {
  rapidjson::StringBuffer out;
  json::JsonWriter w(out);
  write(w);
  auto doc = std::make_shared<rapidjson::Document>();
  doc->Parse(out.GetString(), out.GetSize());
  return {.id = id, .doc = std::move(doc)};
}

StatusOr<listing::ListQuery> BindPage(const listing::ListSpec& spec, const QueryParams& params,
                                      const char* default_sort) {
  QueryParams sorted = params;
  if (sorted.find("sort") == sorted.end()) sorted.emplace("sort", default_sort);
  return listing::Bind(spec, sorted);
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return v.empty() || std::find(v.begin(), v.end(), s) != v.end();
}

bool HasId(const std::vector<int64_t>& v, int64_t id) {
  return v.empty() || std::find(v.begin(), v.end(), id) != v.end();
}

Status ReportNotFound(int64_t id) {
  return ocp::OcpError(ocp::ErrorKind::kRecordNotFound,
                       "No inspection report has id " + std::to_string(id) +
                           "; GET /api/v2/inspection/task lists them.",
                       {"INSPECTION_REPORT", "id=" + std::to_string(id)});
}

}  // namespace

const resources::ResourceSpec InspectionFamily::kSpec{.name = "inspectionItems",
                                                      .folder = "inspection",
                                                      .schema = "inspection-item",
                                                      .items = "inspectionItems"};

InspectionFamily::InspectionFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                                   std::optional<resources::ResourceSource> source,
                                   const tasks::MockClock& clock, tasks::TaskStore& tasks,
                                   const entities::EntityStore& entities, uint64_t seed)
    : ResourceFamily(kSpec, std::move(rows), schemas, std::move(source)),
      list_{.filters = {}, .sort_keys = {{"id", SortAs::kNumber}}},
      clock_(clock),
      tasks_(tasks),
      entities_(entities),
      seed_(seed) {}

std::vector<api::Route> InspectionFamily::OcpRoutes() const {
  const std::string base = kInspection;
  return {{"GET", base + "/task", Access::kClusterViewer,
           [this](const Call& c) { return Tasks(c.request.query); }},
          {"GET", base + "/overview", Access::kClusterViewer,
           [this](const Call& c) { return Overview(c.request.query); }},
          {"GET", base + "/report/info", Access::kClusterViewer,
           [this](const Call& c) { return ReportInfo(c.request.query, std::nullopt); }},
          {"GET", base + "/report/info/item/{itemId}", Access::kClusterViewer,
           [this](const Call& c) { return ReportInfo(c.request.query, c.ids[0]); }},
          {"GET", base + "/report/{id}", Access::kClusterViewer,
           [this](const Call& c) { return ReportDetail(c.ids[0]); }},
          {"POST", base + "/run", Access::kClusterViewer,
           [this](const Call& c) { return Run(c.request.query, c.user); }}};
}

void InspectionFamily::Reset() const {
  ResourceFamily::Reset();
  reports_.Clear();
}

StatusOr<api::Family::Commit> InspectionFamily::PrepareReload(size_t& count) const {
  auto commit = ResourceFamily::PrepareReload(count);
  if (!commit.ok() || !commit.value()) return commit;
  return Commit{[this, swap = std::move(commit).value()] {
    swap();
    reports_.Clear();
  }};
}

std::vector<Object> InspectionFamily::Objects(const std::string& type) const {
  const entities::TaskStatuses statuses = entities::PendingStatuses(entities_, tasks_);
  std::vector<Object> out;
  auto read = [&](entities::Kind kind, auto&& fill) {
    for (const entities::Row& row : entities_.Rows(kind, statuses)) {
      Object o{.id = row.id, .type = type, .name = std::string(entities::Str(*row.doc, "name"))};
      fill(o, *row.doc);
      out.push_back(std::move(o));
    }
  };
  auto status = [](Object& o, const rapidjson::Value& d) {
    o.status = std::string(entities::Str(d, "status"));
  };
  if (type == "OB_CLUSTER") read(entities::Kind::kCluster, status);
  if (type == "HOST") read(entities::Kind::kHost, status);
  if (type == "OB_TENANT") {
    read(entities::Kind::kTenant, [](Object& o, const rapidjson::Value& d) {
      o.status = std::string(entities::Str(d, "status"));
      o.parent_name = std::string(entities::Str(d, "clusterName"));
      o.locked = entities::Bool(d, "locked");
    });
  }
  // OB_PROXY: the OBProxy clusters are another family's rows; none is inspected (mock).
  return out;
}

std::vector<TaskState> InspectionFamily::States(const std::vector<Report>& reports) const {
  std::vector<TaskState> out;
  out.reserve(reports.size());
  for (const Report& r : reports) {
    TaskState t;
    auto task = tasks_.Get(r.task_id);
    if (task.ok()) {
      const model::Task& snapshot = *task.value();
      t.state = std::string(model::ToString(snapshot.status));
      if (snapshot.status != model::TaskStatus::kRunning && snapshot.finish_time) {
        t.end_ms = snapshot.finish_time->epoch_ms;
      }
    } else {
      t.state = "FAILED";  // its task is gone (a test removed it): it never ends
    }
    out.push_back(std::move(t));
  }
  return out;
}

StatusOr<Reply> InspectionFamily::Tasks(const QueryParams& params) const {
  auto types = query::ParseEnumList(
      params, "inspectionObjectTypes",
      {std::begin(inspection::kObjectTypes), std::end(inspection::kObjectTypes)});
  if (!types.ok()) return types.status();
  auto tags = inspection::TagListParam(params, "tags");
  if (!tags.ok()) return tags.status();
  auto states = query::ParseEnumList(params, "taskStates", kTaskStates);
  if (!states.ok()) return states.status();
  const std::string name = inspection::TextParam(params, "name");
  auto page = BindPage(list_, params, "id,desc");
  if (!page.ok()) return page.status();
  const std::vector<Report> all = reports_.All();
  const std::vector<TaskState> now = States(all);
  std::vector<resources::Row> rows;
  for (size_t i = 0; i < all.size(); ++i) {
    const Report& r = all[i];
    if (!Has(types.value(), r.object.type) || !HasId(tags.value(), r.tag) ||
        !Has(states.value(), now[i].state) || !inspection::ContainsFolded(r.object.name, name)) {
      continue;
    }
    rows.push_back(
        InspectionRow(r.id, [&](json::JsonWriter& w) { inspection::WriteTaskRow(w, r, now[i]); }));
  }
  return resources::ListReply(std::move(rows), page.value());
}

StatusOr<Reply> InspectionFamily::Overview(const QueryParams& params) const {
  auto type = inspection::ObjectTypeParam(params, "inspectionObjectType", false);
  if (!type.ok()) return type.status();
  auto ids = query::ParseIdList(params, "objectIds");
  if (!ids.ok()) return ids.status();
  auto schedules = query::ParseEnumList(params, "scheduleStates", kScheduleStates);
  if (!schedules.ok()) return schedules.status();
  const std::string name = inspection::TextParam(params, "name");
  const std::string parent = inspection::TextParam(params, "parentName");
  auto page = BindPage(list_, params, "id,asc");
  if (!page.ok()) return page.status();
  // The mock holds no inspection schedules: every object's is INACTIVE (mock).
  const bool inactive_asked = Has(schedules.value(), "INACTIVE");
  std::map<int64_t, int64_t> last;  // object id -> its newest report
  const std::string object_type = type.value().value_or("OB_CLUSTER");
  for (const Report& r : reports_.All()) {
    if (r.object.type == object_type) last[r.object.id] = r.id;
  }
  std::vector<resources::Row> rows;
  for (const Object& o : Objects(object_type)) {
    if (!inactive_asked || !HasId(ids.value(), o.id) || !inspection::ContainsFolded(o.name, name) ||
        !inspection::ContainsFolded(o.parent_name, parent)) {
      continue;
    }
    rows.push_back(InspectionRow(o.id, [&](json::JsonWriter& w) {
      w.StartObject();
      w.Field("id", o.id);
      w.Field("type", o.type);
      w.Field("name", o.name);
      w.Field("parentName", o.parent_name);
      w.Field("scheduleState", "INACTIVE");
      w.Key("lastReportId");
      if (auto it = last.find(o.id); it != last.end()) {
        w.Int64(it->second);
      } else {
        w.Null();
      }
      w.EndObject();
    }));
  }
  return resources::ListReply(std::move(rows), page.value());
}

StatusOr<Reply> InspectionFamily::ReportDetail(int64_t id) const {
  auto report = reports_.Get(id);
  if (!report) return ReportNotFound(id);
  const TaskState state = States({*report}).front();
  return Reply{[r = std::move(*report), state](json::JsonWriter& w) {
    inspection::WriteReport(w, r, state);
  }};
}

StatusOr<Reply> InspectionFamily::ReportInfo(const QueryParams& params,
                                             std::optional<int64_t> item_id) const {
  auto tag = inspection::TagParam(params, "tagId", true);
  if (!tag.ok()) return tag.status();
  auto type = inspection::ObjectTypeParam(params, "objectType", true);
  if (!type.ok()) return type.status();
  auto object = inspection::IdParam(params, "objectId");
  if (!object.ok()) return object.status();
  if (item_id && !inspection::ItemOf(store().Rows(), *item_id)) {
    return ocp::OcpError(ocp::ErrorKind::kRecordNotFound,
                         "No inspection item has id " + std::to_string(*item_id) +
                             "; GET /__mock/inspectionItems lists the catalogue.",
                         {"INSPECTION_ITEM", "id=" + std::to_string(*item_id)});
  }
  const std::vector<Report> all = reports_.All();
  const std::vector<TaskState> now = States(all);
  std::map<int64_t, size_t> newest;  // object id -> its newest SUCCESSFUL report of the tag
  for (size_t i = 0; i < all.size(); ++i) {
    const Report& r = all[i];
    if (r.tag != *tag.value() || r.object.type != *type.value()) continue;
    if (object.value() && r.object.id != *object.value()) continue;
    if (now[i].state == "SUCCESSFUL") newest[r.object.id] = i;
  }
  std::vector<std::pair<Report, TaskState>> found;
  for (const auto& [id, i] : newest) found.emplace_back(all[i], now[i]);
  return Reply{[found = std::move(found), item_id](json::JsonWriter& w) {
    w.StartObject();
    w.Key("contents");
    w.StartArray();
    for (const auto& [r, t] : found) inspection::WriteAggrInfo(w, r, t, item_id);
    w.EndArray();
    w.EndObject();
  }};
}

StatusOr<Reply> InspectionFamily::Run(const QueryParams& params, const auth::User* user) const {
  auto type = inspection::ObjectTypeParam(params, "inspectionObjectType", true);
  if (!type.ok()) return type.status();
  auto ids = query::ParseIdList(params, "objectIds");
  if (!ids.ok()) return ids.status();
  if (ids.value().empty()) {
    return ocp::InvalidParameter("objectIds",
                                 "Required request parameter 'objectIds' is not "
                                 "present.");
  }
  auto tag = inspection::TagParam(params, "tag", true);
  if (!tag.ok()) return tag.status();
  const std::vector<Object> objects = Objects(*type.value());
  std::vector<Object> chosen;
  for (int64_t id : ids.value()) {
    auto it =
        std::find_if(objects.begin(), objects.end(), [id](const Object& o) { return o.id == id; });
    if (it == objects.end()) {
      return ocp::OcpError(ocp::ErrorKind::kRecordNotFound,
                           "objectIds: no " + *type.value() + " has id " + std::to_string(id) +
                               "; GET /api/v2/inspection/overview lists them.",
                           {*type.value(), "id=" + std::to_string(id)});
    }
    chosen.push_back(*it);
  }
  if (reports_.All().size() + chosen.size() > inspection::InspectionReports::kMaxReports) {
    return FailedPrecondition("the mock holds at most " +
                              std::to_string(inspection::InspectionReports::kMaxReports) +
                              " inspection reports; POST /__mock/reset?only=inspectionItems");
  }
  const int64_t now = clock_.NowMs();
  const model::Creator creator =
      user == nullptr ? model::Creator{100, "admin"} : model::Creator{user->id, user->name};
  auto task_id = tasks::StartTask(tasks_, [&](int64_t id) {
    return inspection::InspectionTask(id, creator, now, chosen.size());
  });
  if (!task_id.ok()) return task_id.status();
  const auto items = inspection::ItemsOf(store().Rows(), *type.value(), *tag.value());
  for (const Object& o : chosen) {
    Report r{.tag = *tag.value(), .object = o, .task_id = task_id.value(), .start_ms = now};
    for (const auto& item : items) r.results.push_back(inspection::Evaluate(item, o, seed_));
    if (auto added = reports_.Add(std::move(r)); !added.ok()) return added.status();
  }
  auto task = tasks_.Get(task_id.value());
  if (!task.ok()) return task.status();
  return Reply{[t = task.value()](json::JsonWriter& w) { inspection::WriteInspectionTask(w, *t); }};
}

}  // namespace mock::families
