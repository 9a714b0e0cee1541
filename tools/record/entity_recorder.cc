#include "tools/record/entity_recorder.h"

#include <unistd.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <filesystem>
#include <optional>
#include <string>

#include "mock/entities/entity_loader.h"
#include "mock/json/json.h"

namespace record {
namespace {

namespace fs = std::filesystem;
using rapidjson::Value;

// Every item of a paged list (pages of o.page_size, at most `limit` items), or why not.
mock::StatusOr<Value> ListAll(Session& session, const std::string& path, const char* schema,
                              size_t page_size, size_t limit,
                              rapidjson::Document::AllocatorType& a) {
  Value items(rapidjson::kArrayType);
  for (size_t page = 1; items.Size() < limit; ++page) {
    auto list = session.Get(path + "?page=" + std::to_string(page) +
                                "&size=" + std::to_string(page_size) + "&sort=id,asc",
                            schema);
    if (!list.ok()) return list.status();
    const Value* data = mock::json::Find(list.value(), "data");
    const Value* contents = data != nullptr ? mock::json::Find(*data, "contents") : nullptr;
    if (contents == nullptr || !contents->IsArray()) {
      return mock::InvalidArgument("GET " + path + ": no data.contents array");
    }
    for (const Value& item : contents->GetArray()) {
      if (items.Size() < limit) items.PushBack(Value(item, a), a);
    }
    if (contents->Size() < page_size) break;
  }
  return items;
}

std::optional<int64_t> IntOf(const Value& v, const char* key) {
  const Value* m = mock::json::Find(v, key);
  return m != nullptr && m->IsInt64() ? std::optional<int64_t>(m->GetInt64()) : std::nullopt;
}

std::string Render(rapidjson::Document& doc) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  doc.Accept(w);
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

// Whether `text` loads as OUT/entities/recorded.json with the recorded tasks, checked in a
// scratch folder exactly as ocp-mock checks it.
mock::Status Loadable(const std::string& text, const RecordOptions& o,
                      const mock::json::SchemaSet& schemas,
                      const std::vector<mock::model::Task>& tasks) {
  const fs::path scratch = o.out / (".entities-check-" + std::to_string(getpid()));
  std::error_code ec;
  fs::create_directories(scratch / "entities", ec);
  mock::Status s = WriteAtomically(scratch / "entities" / "recorded.json", text);
  if (s.ok()) {
    auto set = mock::entities::LoadEntityFixtures(scratch, schemas);
    s = set.ok() ? mock::entities::Complete(set.value(), tasks) : set.status();
  }
  fs::remove_all(scratch, ec);
  return s;
}

}  // namespace

void RecordEntities(Session& session, const RecordOptions& o, const mock::json::SchemaSet& schemas,
                    const std::vector<mock::model::Task>& tasks, RecordReport& report) {
  rapidjson::Document doc(rapidjson::kObjectType);
  auto& a = doc.GetAllocator();
  doc.AddMember("format", "ocp-mock-entities/1", a);
  doc.AddMember("description", "Recorded by ocp-record with the tasks beside it", a);
  // An earlier recording's entities may not agree with the tasks just written: they go.
  const auto skip = [&report, &o](const mock::Status& why) {
    std::error_code ec;
    fs::remove(o.out / "entities" / "recorded.json", ec);
    report.notes.push_back("entities not recorded (" + why.message() +
                           "): ocp-mock derives the clusters, tenants and hosts the tasks name");
  };
  if (o.anonymise) {
    return skip(mock::FailedPrecondition("with --anonymise, names and addresses would leak"));
  }
  auto clusters =
      ListAll(session, "/api/v2/ob/clusters", "cluster-list-response", o.page_size, o.max_tasks, a);
  if (!clusters.ok()) return skip(clusters.status());
  for (Value& c : clusters.value().GetArray()) c.RemoveMember("tenantCount");  // counted live
  auto listed =
      ListAll(session, "/api/v2/ob/tenants", "tenant-list-response", o.page_size, o.max_tasks, a);
  if (!listed.ok()) return skip(listed.status());
  Value tenants(rapidjson::kArrayType);
  for (const Value& t : listed.value().GetArray()) {
    auto id = IntOf(t, "id");
    auto cluster = IntOf(t, "clusterId");
    if (!id || !cluster) continue;
    auto detail = session.Get(
        "/api/v2/ob/clusters/" + std::to_string(*cluster) + "/tenants/" + std::to_string(*id),
        "tenant-detail-response");
    if (!detail.ok()) return skip(detail.status());
    const Value* data = mock::json::Find(detail.value(), "data");
    if (data != nullptr && data->IsObject()) tenants.PushBack(Value(*data, a), a);
  }
  auto hosts =
      ListAll(session, "/api/v2/compute/hosts", "host-list-response", o.page_size, o.max_tasks, a);
  if (!hosts.ok()) return skip(hosts.status());
  report.clusters = clusters.value().Size();
  report.tenants = tenants.Size();
  report.hosts = hosts.value().Size();
  doc.AddMember("clusters", clusters.value(), a);
  doc.AddMember("tenants", tenants, a);
  doc.AddMember("hosts", hosts.value(), a);
  const std::string text = Render(doc);
  if (mock::Status s = Loadable(text, o, schemas, tasks); !s.ok()) return skip(s);
  std::error_code ec;
  fs::create_directories(o.out / "entities", ec);
  report.entity_file = o.out / "entities" / "recorded.json";
  if (mock::Status s = WriteAtomically(report.entity_file, text); !s.ok()) {
    report.entity_file.clear();
    return skip(s);
  }
}

}  // namespace record
