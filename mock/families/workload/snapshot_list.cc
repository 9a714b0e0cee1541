#include "mock/families/workload/snapshot_list.h"

#include "mock/json/json_writer.h"

namespace mock::families::workload {

std::string SnapshotListJson(const std::vector<Snapshot>& snapshots) {
  rapidjson::StringBuffer buffer;
  json::JsonWriter w(buffer);
  w.StartObject();
  w.Key("contents");
  w.StartArray();
  for (const Snapshot& s : snapshots) {
    w.StartObject();
    w.Key("snapshotId");
    w.Int64(s.id);
    w.Key("snapshotTime");
    const std::string time = SnapshotTimeText(s.time_ms);
    w.String(time.c_str(), static_cast<rapidjson::SizeType>(time.size()));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::shared_ptr<const std::string> SnapshotList::DataOf(const std::vector<Snapshot>& snapshots) {
  // Consecutive ids: the first id and the count name the window.
  const int64_t first = snapshots.empty() ? 0 : snapshots.front().id;
  {
    MutexLock lock(mutex_);
    if (data_ != nullptr && first_ == first && count_ == snapshots.size()) return data_;
  }
  auto data = std::make_shared<const std::string>(SnapshotListJson(snapshots));
  MutexLock lock(mutex_);
  first_ = first;
  count_ = snapshots.size();
  data_ = data;
  return data;
}

}  // namespace mock::families::workload
