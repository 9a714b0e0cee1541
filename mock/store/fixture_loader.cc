#include "mock/store/fixture_loader.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "mock/json/json.h"
#include "mock/store/task_reader.h"

namespace mock::store {
namespace {

namespace fs = std::filesystem;

Error LoadError(const fs::path& file, const std::string& where, const std::string& why) {
  return Error{ErrorKind::kInvalidParameter, file.string() + ": " + where + ": " + why, ""};
}

// Where an id, a cluster or a tenant was first defined, to name both places on a conflict.
struct Origin {
  fs::path file;
  std::string pointer;
};

class Consistency {
 public:
  // Records `task` from `file` at `pointer`; an error names the earlier conflicting definition.
  std::optional<std::string> Add(const model::Task& task, const fs::path& file,
                                 const std::string& pointer) {
    auto [it, inserted] = task_ids_.try_emplace(task.id, Origin{file, pointer});
    if (!inserted) {
      return "duplicate task id " + std::to_string(task.id) + " (first defined in " +
             it->second.file.string() + " at " + it->second.pointer + ")";
    }
    if (task.tenant && !task.cluster) return "a task with a tenant must also have a cluster";
    if (auto e = CheckSubtasks(task)) return e;
    if (task.cluster) {
      std::string key = task.cluster->name + "\n" + task.cluster->type + "\n" +
                        std::to_string(task.cluster->ob_cluster_id);
      if (auto e = Same("cluster", task.cluster->id, key, clusters_)) return e;
    }
    if (task.tenant) {
      std::string key = std::to_string(task.cluster->id) + "\n" + task.tenant->name + "\n" +
                        task.tenant->mode + "\n" + std::to_string(task.tenant->ob_tenant_id);
      if (auto e = Same("tenant", task.tenant->id, key, tenants_)) return e;
    }
    return std::nullopt;
  }

 private:
  static std::optional<std::string> CheckSubtasks(const model::Task& task) {
    std::set<int64_t> seen;
    for (const model::Subtask& s : task.subtasks) {
      if (!seen.insert(s.id).second) return "duplicate subtask id " + std::to_string(s.id);
    }
    for (const model::Subtask& s : task.subtasks) {
      for (const auto* edges : {&s.upstreams, &s.downstreams}) {
        for (int64_t id : *edges) {
          if (!seen.count(id)) {
            return "subtask " + std::to_string(s.id) + " links to " + std::to_string(id) +
                   ", which is not a subtask of this task";
          }
        }
      }
    }
    if (HasCycle(task)) return "the subtasks' upstreams/downstreams form a cycle";
    return std::nullopt;
  }

  // Kahn's algorithm: a graph is acyclic iff every node can be removed in upstream order.
  static bool HasCycle(const model::Task& task) {
    std::map<int64_t, size_t> waiting;
    for (const model::Subtask& s : task.subtasks) waiting[s.id] = s.upstreams.size();
    std::vector<int64_t> ready;
    for (const auto& [id, n] : waiting) {
      if (n == 0) ready.push_back(id);
    }
    size_t removed = 0;
    while (!ready.empty()) {
      const model::Subtask* s = task.FindSubtask(ready.back());
      ready.pop_back();
      ++removed;
      for (int64_t down : s->downstreams) {
        if (--waiting[down] == 0) ready.push_back(down);
      }
    }
    return removed != task.subtasks.size();
  }

  static std::optional<std::string> Same(const char* what, int64_t id, const std::string& key,
                                         std::map<int64_t, std::string>& seen) {
    auto [it, inserted] = seen.try_emplace(id, key);
    if (inserted || it->second == key) return std::nullopt;
    return std::string(what) + " " + std::to_string(id) +
           " is described differently by another task (each " + what +
           " id must always have the same name, type or mode, and parent)";
  }

  std::unordered_map<int64_t, Origin> task_ids_;
  std::map<int64_t, std::string> clusters_;
  std::map<int64_t, std::string> tenants_;
};

// Reads the fixture file `text` (named `file` in errors) into `tasks`.
Result<bool> LoadText(std::string_view text, const fs::path& file, const json::SchemaSet& schemas,
                      Consistency& consistency, std::vector<model::Task>& tasks) {
  auto doc = json::ParseAndValidate(text, file.string(), "fixture-file", schemas);
  if (!doc.ok()) return doc.error();
  const auto& entries = json::Find(doc.value(), "tasks")->GetArray();
  for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
    std::string pointer = "/tasks/" + std::to_string(i);
    auto task = ReadTaskEntry(entries[i]);
    if (!task.ok()) return LoadError(file, pointer + task.error().subject, task.error().detail);
    if (auto e = consistency.Add(task.value(), file, pointer + "/task/id")) {
      return LoadError(file, pointer + "/task", *e);
    }
    tasks.push_back(std::move(task).value());
  }
  return true;
}

Result<bool> LoadFile(const fs::path& file, const json::SchemaSet& schemas,
                      Consistency& consistency, std::vector<model::Task>& tasks) {
  auto text = json::ReadFile(file);
  if (!text.ok()) return LoadError(file, "-", "cannot be read");
  return LoadText(text.value(), file, schemas, consistency, tasks);
}

}  // namespace

Result<std::vector<model::Task>> ParseTaskFixtures(std::string_view text, std::string_view name,
                                                   const json::SchemaSet& schemas) {
  Consistency consistency;
  std::vector<model::Task> tasks;
  auto loaded = LoadText(text, fs::path(name), schemas, consistency, tasks);
  if (!loaded.ok()) return loaded.error();
  return tasks;
}

Result<std::vector<model::Task>> LoadTaskFixtures(const fs::path& dir,
                                                  const json::SchemaSet& schemas) {
  std::error_code ec;
  const fs::path tasks_dir = dir / "tasks";
  if (!fs::is_directory(tasks_dir, ec)) {
    return LoadError(tasks_dir, "-", "no such folder (a fixture folder holds tasks/*.json)");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(tasks_dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) return LoadError(tasks_dir, "-", "cannot be listed: " + ec.message());
  std::sort(files.begin(), files.end());
  Consistency consistency;
  std::vector<model::Task> tasks;
  for (const fs::path& file : files) {
    auto loaded = LoadFile(file, schemas, consistency, tasks);
    if (!loaded.ok()) return loaded.error();
  }
  return tasks;
}

}  // namespace mock::store
