#include "mock/families/tasks/render_cache.h"

#include "mock/reply/task_json.h"

namespace mock::api {

std::shared_ptr<const std::string> RenderCache::Find(const model::Task& task) const {
  MutexLock lock(mutex_);
  auto it = rendered_.find(task.id);
  if (it == rendered_.end() || it->second.revision != task.revision) return nullptr;
  return it->second.json;
}

void RenderCache::WriteBasicTask(json::JsonWriter& w, const model::Task& task) const {
  std::shared_ptr<const std::string> json = Find(task);
  if (!json) {
    rapidjson::StringBuffer buffer;
    json::JsonWriter one(buffer);
    ::mock::api::WriteBasicTask(one, task);
    json = std::make_shared<const std::string>(buffer.GetString(), buffer.GetSize());
    MutexLock lock(mutex_);
    if (rendered_.size() >= kMaxTasks) rendered_.clear();
    rendered_.insert_or_assign(task.id, Rendered{task.revision, json});
  }
  w.RawObject(*json);
}

}  // namespace mock::api
