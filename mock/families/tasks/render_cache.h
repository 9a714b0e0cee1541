// Task JSON rendered once per task revision and reused: writing JSON was half of a list
// request's time. Thread-safe; renders outside its lock, so writers only contend on a lookup.
//
//   RenderCache cache;
//   cache.WriteBasicTask(writer, *snapshot);   // one memcpy when the revision was rendered
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "mock/core/thread_annotations.h"
#include "mock/json/json_writer.h"
#include "mock/model/task.h"

namespace mock::api {

class RenderCache {
 public:
  // Bounded: emptied when it reaches this many tasks.
  static constexpr size_t kMaxTasks = 20000;

  // Writes `task` as a BasicTaskInstance (task_json.h).
  void WriteBasicTask(json::JsonWriter& w, const model::Task& task) const OCPMOCK_EXCLUDES(mutex_);

 private:
  struct Rendered {
    uint64_t revision;
    std::shared_ptr<const std::string> json;
  };
  // The rendering of `task`'s revision, or nullptr.
  std::shared_ptr<const std::string> Find(const model::Task& task) const OCPMOCK_EXCLUDES(mutex_);

  mutable Mutex mutex_;
  mutable std::unordered_map<int64_t, Rendered> rendered_ OCPMOCK_GUARDED_BY(mutex_);  // by id
};

}  // namespace mock::api
