#include "mock/families/inspection/inspection_reports.h"

#include <utility>

#include "mock/model/timestamp.h"

namespace mock::families::inspection {
namespace {

void TimeMember(json::JsonWriter& w, const char* key, int64_t ms) {
  w.Key(key);
  w.Scalar(model::MakeTimestamp(ms).text());
}

void WriteResult(json::JsonWriter& w, const ItemResult& r) {
  w.StartObject();
  w.Key("itemId");
  w.Int64(r.item_id);
  w.Key("itemName");
  w.Scalar(r.item_name);
  w.Key("state");
  w.Scalar(r.state);
  w.Key("riskLevel");
  w.Scalar(r.risk_level);
  w.Key("message");
  w.Scalar(r.message);
  w.EndObject();
}

int64_t Count(const Report& r, const char* level) {
  int64_t n = 0;
  for (const ItemResult& i : r.results) n += i.risk_level == level ? 1 : 0;
  return n;
}

void WriteTaskMembers(json::JsonWriter& w, const Report& r, const TaskState& t) {
  const bool done = t.state == "SUCCESSFUL";
  w.Key("id");
  w.Int64(r.id);
  w.Key("tag");
  WriteTag(w, r.tag);
  w.Key("inspectionObject");
  WriteObject(w, r.object);
  TimeMember(w, "startTime", r.start_ms);
  if (t.end_ms) TimeMember(w, "endTime", *t.end_ms);
  w.Key("taskId");
  w.Int64(r.task_id);
  w.Key("itemTotalCount");
  w.Int64(static_cast<int64_t>(r.results.size()));
  w.Key("itemFinishedCount");
  w.Int64(done ? static_cast<int64_t>(r.results.size()) : 0);
  w.Key("highRiskCount");
  w.Int64(done ? Count(r, "HIGH") : 0);
  w.Key("mediumRiskCount");
  w.Int64(done ? Count(r, "MEDIUM") : 0);
  w.Key("lowRiskCount");
  w.Int64(done ? Count(r, "LOW") : 0);
  w.Key("taskState");
  w.Scalar(t.state);
}

}  // namespace

StatusOr<int64_t> InspectionReports::Add(Report report) {
  MutexLock lock(mutex_);
  if (reports_.size() >= kMaxReports) {
    return FailedPrecondition("the mock holds " + std::to_string(kMaxReports) +
                              " inspection reports; POST /__mock/reset?only=inspectionItems "
                              "forgets them");
  }
  report.id = next_id_++;
  reports_.push_back(std::move(report));
  return reports_.back().id;
}

std::vector<Report> InspectionReports::All() const {
  MutexLock lock(mutex_);
  return reports_;
}

std::optional<Report> InspectionReports::Get(int64_t id) const {
  MutexLock lock(mutex_);
  for (const Report& r : reports_) {
    if (r.id == id) return r;
  }
  return std::nullopt;
}

void InspectionReports::Clear() {
  MutexLock lock(mutex_);
  reports_.clear();
  next_id_ = 1;
}

void WriteTag(json::JsonWriter& w, int64_t tag) {
  w.StartObject();
  w.Key("id");
  w.Int64(tag);
  w.Key("name");
  w.Scalar(TagName(tag));
  w.EndObject();
}

void WriteObject(json::JsonWriter& w, const Object& o) {
  w.StartObject();
  w.Key("id");
  w.Int64(o.id);
  w.Key("type");
  w.Scalar(o.type);
  w.Key("name");
  w.Scalar(o.name);
  w.Key("parentName");
  w.Scalar(o.parent_name);
  w.EndObject();
}

void WriteTaskRow(json::JsonWriter& w, const Report& r, const TaskState& t) {
  w.StartObject();
  WriteTaskMembers(w, r, t);
  w.EndObject();
}

void WriteReport(json::JsonWriter& w, const Report& r, const TaskState& t) {
  w.StartObject();
  WriteTaskMembers(w, r, t);
  w.Key("resultList");
  w.StartArray();
  if (t.state == "SUCCESSFUL") {
    for (const ItemResult& i : r.results) WriteResult(w, i);
  }
  w.EndArray();
  w.EndObject();
}

void WriteAggrInfo(json::JsonWriter& w, const Report& r, const TaskState& t,
                   std::optional<int64_t> item) {
  w.StartObject();
  w.Key("reportId");
  w.Int64(r.id);
  w.Key("objectId");
  w.Int64(r.object.id);
  w.Key("objectName");
  w.Scalar(r.object.name);
  w.Key("objectType");
  w.Scalar(r.object.type);
  w.Key("tag");
  WriteTag(w, r.tag);
  TimeMember(w, "startTime", r.start_ms);
  if (t.end_ms) TimeMember(w, "endTime", *t.end_ms);
  w.Key("resultList");
  w.StartArray();
  for (const ItemResult& i : r.results) {
    if (!item || i.item_id == *item) WriteResult(w, i);
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace mock::families::inspection
