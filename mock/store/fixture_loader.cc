#include "mock/store/fixture_loader.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "mock/json/json.h"
#include "mock/store/task_reader.h"

namespace mock::store {
namespace {

namespace fs = std::filesystem;

Error LoadError(const fs::path& file, const std::string& where, const std::string& why) {
  return Error{ErrorKind::kInvalidParameter, file.string() + ": " + where + ": " + why, ""};
}

// Where a task id was first defined, to name both places on a conflict.
struct Origin {
  uint32_t file;   // index into the loaded files
  uint32_t entry;  // index into that file's `tasks`
};

class Consistency {
 public:
  explicit Consistency(const std::vector<fs::path>& files, size_t expected_tasks) : files_(files) {
    task_ids_.reserve(expected_tasks);
  }

  // Records `task`, entry `entry` of file `file`; an error names the earlier conflicting
  // definition.
  std::optional<std::string> Add(const model::Task& task, uint32_t file, uint32_t entry) {
    auto [it, inserted] = task_ids_.try_emplace(task.id, Origin{file, entry});
    if (!inserted) {
      return "duplicate task id " + std::to_string(task.id) + " (first defined in " +
             files_[it->second.file].string() + " at /tasks/" + std::to_string(it->second.entry) +
             "/task/id)";
    }
    if (task.cluster) {
      const model::Cluster& c = *task.cluster;
      auto [first, fresh] = clusters_.try_emplace(c.id, &c);
      if (!fresh && (first->second->name != c.name || first->second->type != c.type ||
                     first->second->ob_cluster_id != c.ob_cluster_id)) {
        return Conflict("cluster", c.id);
      }
    }
    if (task.tenant) {
      const model::Tenant& t = *task.tenant;
      auto [first, fresh] = tenants_.try_emplace(t.id, Tenant{&t, task.cluster->id});
      const Tenant& was = first->second;
      if (!fresh &&
          (was.tenant->name != t.name || was.tenant->mode != t.mode ||
           was.tenant->ob_tenant_id != t.ob_tenant_id || was.cluster != task.cluster->id)) {
        return Conflict("tenant", t.id);
      }
    }
    return std::nullopt;
  }

  // The checks that need only `task` itself, so files can run them in parallel.
  static std::optional<std::string> CheckTask(const model::Task& task) {
    if (task.tenant && !task.cluster) return "a task with a tenant must also have a cluster";
    return CheckSubtasks(task);
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

  static std::string Conflict(const char* what, int64_t id) {
    return std::string(what) + " " + std::to_string(id) +
           " is described differently by another task (each " + what +
           " id must always have the same name, type or mode, and parent)";
  }

  struct Tenant {
    const model::Tenant* tenant;
    int64_t cluster;
  };

  const std::vector<fs::path>& files_;
  std::unordered_map<int64_t, Origin> task_ids_;
  // The first definition of each id, pointing into the final task vector (see Merge).
  std::unordered_map<int64_t, const model::Cluster*> clusters_;
  std::unordered_map<int64_t, Tenant> tenants_;
};

// One file's tasks, read and checked on their own (in parallel with other files).
struct FileTasks {
  std::vector<model::Task> tasks;
  std::optional<Error> error;
};

FileTasks ReadText(std::string_view text, const fs::path& file, const json::SchemaSet& schemas) {
  FileTasks out;
  auto doc = json::ParseAndValidate(text, file.string(), "fixture-file", schemas);
  if (!doc.ok()) {
    out.error = doc.error();
    return out;
  }
  const auto& entries = json::Find(doc.value(), "tasks")->GetArray();
  out.tasks.reserve(entries.Size());
  for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
    const std::string pointer = "/tasks/" + std::to_string(i);
    auto task = ReadTaskEntry(entries[i]);
    if (!task.ok()) {
      out.error = LoadError(file, pointer + task.error().subject, task.error().detail);
      return out;
    }
    if (auto e = Consistency::CheckTask(task.value())) {
      out.error = LoadError(file, pointer + "/task", *e);
      return out;
    }
    out.tasks.push_back(std::move(task).value());
  }
  return out;
}

FileTasks ReadFileTasks(const fs::path& file, const json::SchemaSet& schemas) {
  auto text = json::ReadFile(file);
  if (!text.ok()) return {{}, LoadError(file, "-", "cannot be read")};
  return ReadText(text.value(), file, schemas);
}

// Adds `read` (file number `file` of `files`) to `tasks` after the checks across files.
// `tasks` must have room reserved for every task, so that the first definitions Consistency
// keeps pointers to never move.
Result<bool> Merge(FileTasks read, const std::vector<fs::path>& files, uint32_t file,
                   Consistency& consistency, std::vector<model::Task>& tasks) {
  if (read.error) return *read.error;
  for (size_t i = 0; i < read.tasks.size(); ++i) {
    if (tasks.size() == tasks.capacity()) throw std::logic_error("Merge: no room reserved");
    tasks.push_back(std::move(read.tasks[i]));
    if (auto e = consistency.Add(tasks.back(), file, static_cast<uint32_t>(i))) {
      return LoadError(files[file], "/tasks/" + std::to_string(i) + "/task", *e);
    }
  }
  return true;
}

// Reads `files` on every core; results stay in file order.
std::vector<FileTasks> ReadAll(const std::vector<fs::path>& files, const json::SchemaSet& schemas) {
  std::vector<FileTasks> results(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      try {
        results[i] = ReadFileTasks(files[i], schemas);
      } catch (const std::exception& e) {  // e.g. memory exhausted: refuse, do not abort
        results[i].error = LoadError(files[i], "-", e.what());
      }
    }
  };
  const size_t threads =
      std::min<size_t>(files.size(), std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return results;
}

}  // namespace

Result<std::vector<model::Task>> ParseTaskFixtures(std::string_view text, std::string_view name,
                                                   const json::SchemaSet& schemas) {
  const std::vector<fs::path> files{fs::path(name)};
  FileTasks read = ReadText(text, files[0], schemas);
  Consistency consistency(files, read.tasks.size());
  std::vector<model::Task> tasks;
  tasks.reserve(read.tasks.size());
  auto merged = Merge(std::move(read), files, 0, consistency, tasks);
  if (!merged.ok()) return merged.error();
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
  std::vector<FileTasks> read = ReadAll(files, schemas);
  size_t total = 0;
  for (const FileTasks& r : read) total += r.tasks.size();
  Consistency consistency(files, total);
  std::vector<model::Task> tasks;
  tasks.reserve(total);
  for (size_t i = 0; i < files.size(); ++i) {
    auto merged = Merge(std::move(read[i]), files, static_cast<uint32_t>(i), consistency, tasks);
    if (!merged.ok()) return merged.error();
  }
  return tasks;
}

}  // namespace mock::store
