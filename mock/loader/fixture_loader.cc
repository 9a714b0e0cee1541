#include "mock/loader/fixture_loader.h"

#include "mock/core/log.h"
#include "mock/core/version.h"

#include "mock/model/task_state.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "mock/core/thread_annotations.h"
#include "mock/json/json.h"
#include "mock/loader/task_reader.h"

namespace mock::fixtures {
namespace {

namespace fs = std::filesystem;

Status LoadError(const fs::path& file, const std::string& where, const std::string& why) {
  return ConfigError(file.string() + ": " + where + ": " + why);
}

// Where a task id was first defined, to name both places on a conflict.
struct Origin {
  uint32_t file;   // index into the loaded files
  uint32_t entry;  // index into that file's `tasks`
};

class Consistency {
 public:
  explicit Consistency(const std::vector<fs::path>& files) : files_(files) {}

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
      auto [first, fresh] = clusters_.try_emplace(c.id, c);  // copies only a new cluster
      if (!fresh && (first->second.name != c.name || first->second.type != c.type ||
                     first->second.ob_cluster_id != c.ob_cluster_id)) {
        return Conflict("cluster", c.id);
      }
    }
    if (task.tenant) {
      const model::Tenant& t = *task.tenant;
      auto [first, fresh] = tenants_.try_emplace(t.id, Tenant{t, task.cluster->id});
      const Tenant& was = first->second;
      if (!fresh &&
          (was.tenant.name != t.name || was.tenant.mode != t.mode ||
           was.tenant.ob_tenant_id != t.ob_tenant_id || was.cluster != task.cluster->id)) {
        return Conflict("tenant", t.id);
      }
    }
    return std::nullopt;
  }

  // The checks that need only `task` itself, so files can run them in parallel.
  static std::optional<std::string> CheckTask(const model::Task& task) {
    if (task.tenant && !task.cluster) return "a task with a tenant must also have a cluster";
    if (auto subtasks = CheckSubtasks(task)) return subtasks;
    return model::ImpossibleState(task);
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
    model::Tenant tenant;
    int64_t cluster;
  };

  const std::vector<fs::path>& files_;
  std::unordered_map<int64_t, Origin> task_ids_;
  // The first definition of each id.
  std::unordered_map<int64_t, model::Cluster> clusters_;
  std::unordered_map<int64_t, Tenant> tenants_;
};

// One file's tasks, read and checked on their own (in parallel with other files).
struct FileTasks {
  std::vector<model::Task> tasks;
  std::optional<Status> error;
  bool skipped = false;  // the file is for other OCP versions
};

// A file naming `ocpVersions` is only for those versions; it is not even checked against
// another version's schemas, which may refuse its values (4.2.0 has no STANDBY clusters).
// Items are versions, ranges (">=4.2.1") or exclusions ("!4.2.0"): a file is for a version that
// meets one version or range (or any, when there are only exclusions) and no exclusion, so that
// a new version's folder picks up the files whose range covers it.
StatusOr<bool> ForOtherVersions(const rapidjson::Value& doc, const FixtureVersion& version,
                                const fs::path& file) {
  if (!doc.IsObject()) return false;
  auto it = doc.FindMember("ocpVersions");
  if (it == doc.MemberEnd() || !it->value.IsArray()) return false;
  // No version played (or none that parses): only the files for every version.
  const auto played = Version::Parse(version.name);
  bool positive = false, met = false, excluded = false;
  for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
    const auto& v = it->value[i];
    if (!v.IsString()) continue;  // the schema refuses it, once the file is read
    const std::string_view item(v.GetString(), v.GetStringLength());
    // Parsed before any schema check (a file for other versions is never checked): a bad item
    // is refused here, whatever the schema would say.
    auto condition = VersionCondition::Parse(item);
    if (!condition.ok()) {
      return LoadError(file, "/ocpVersions/" + std::to_string(i), condition.status().message());
    }
    const VersionCondition& c = condition.value();
    const std::string name(c.exclusion() ? item.substr(1) : item);
    const bool exact = c.op == VersionCondition::Op::kExactly || c.exclusion();
    const auto& known = version.known;
    auto is_named = [&](const std::string& k) {
      auto known_version = Version::Parse(k);
      return known_version.ok() && known_version.value() == c.version;
    };
    if (exact && !known.empty() && std::none_of(known.begin(), known.end(), is_named)) {
      std::string all;
      for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
      return LoadError(file, "/ocpVersions/" + std::to_string(i),
                       "\"" + name + "\" is not a known OCP version (" + all +
                           "); a range such as \">=" + name + "\" may name any");
    }
    if (c.exclusion()) {
      excluded = excluded || (played.ok() && !c.Matches(played.value()));
    } else {
      positive = true;
      met = met || (played.ok() && c.Matches(played.value()));
    }
  }
  return excluded || (positive && !met);
}

Status Stopped() { return Unavailable("the load was stopped before every fixture was read"); }

// The tasks of a fixture file's document, which has passed the schema; a stop requested meanwhile
// ends the reading within a few thousand tasks.
FileTasks ReadEntries(const rapidjson::Document& doc, const fs::path& file,
                      const std::stop_token& stop = {}) {
  FileTasks out;
  const auto& entries = json::Find(doc, "tasks")->GetArray();
  out.tasks.reserve(entries.Size());
  for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
    if (i % 1024 == 0 && stop.stop_requested()) return {{}, Stopped()};
    auto task = ReadTaskEntry(entries[i]);
    if (!task.ok()) {
      const std::string pointer = "/tasks/" + std::to_string(i);
      out.error = ConfigError(file.string() + ": " + pointer + task.status().message());
      return out;
    }
    if (auto e = Consistency::CheckTask(task.value())) {
      out.error = LoadError(file, "/tasks/" + std::to_string(i) + "/task", *e);
      return out;
    }
    out.tasks.push_back(std::move(task).value());
  }
  return out;
}

// A fixture file's text, parsed once: with `version`, a file its `ocpVersions` leave out is
// skipped before the schema check, as in ReadFileTasks.
FileTasks ReadText(std::string_view text, const fs::path& file, const json::SchemaSet& schemas,
                   const FixtureVersion* version = nullptr) {
  auto doc = json::ParseNamed(text, file.string());
  if (!doc.ok()) return {{}, ConfigError(doc.status().message())};
  if (version != nullptr) {
    auto other = ForOtherVersions(doc.value(), *version, file);
    if (!other.ok()) return {{}, other.status()};
    if (other.value()) return {{}, std::nullopt, true};
  }
  Status checked = json::CheckNamed(doc.value(), file.string(), "fixture-file", schemas);
  if (!checked.ok()) return {{}, ConfigError(checked.message())};
  return ReadEntries(doc.value(), file);
}

FileTasks ReadFileTasks(const fs::path& file, const json::SchemaSet& schemas,
                        const FixtureVersion& version, const std::stop_token& stop) {
  auto text = json::ReadFile(file);
  if (!text.ok()) return {{}, LoadError(file, "-", "cannot be read")};
  // The usual case, a valid file, parsed in place; anything else goes the way that explains.
  if (auto doc = json::ParseJsonInPlace(text.value())) {
    auto other = ForOtherVersions(*doc, version, file);
    if (!other.ok()) return {{}, other.status()};
    if (other.value()) return {{}, std::nullopt, true};
    if (stop.stop_requested()) return {{}, Stopped()};
    if (!schemas.QuickCheck("fixture-file", *doc)) return ReadEntries(*doc, file, stop);
  }
  text = json::ReadFile(file);  // parsing in place changed it
  if (!text.ok()) return {{}, LoadError(file, "-", "cannot be read")};
  return ReadText(text.value(), file, schemas);
}

// Adds `read` (file number `file` of `files`) to `tasks` after the checks across files.
Status Merge(FileTasks read, const std::vector<fs::path>& files, uint32_t file,
             Consistency& consistency, std::vector<model::Task>& tasks) {
  if (read.error) return *read.error;
  if (tasks.empty()) tasks.reserve(read.tasks.size() * (files.size() - file));  // files alike
  for (size_t i = 0; i < read.tasks.size(); ++i) {
    if (auto e = consistency.Add(read.tasks[i], file, static_cast<uint32_t>(i))) {
      return LoadError(files[file], "/tasks/" + std::to_string(i) + "/task", *e);
    }
    tasks.push_back(std::move(read.tasks[i]));
  }
  return {};
}

// Reads `files` on every core and hands each one's tasks, in file order, to `merge`, which
// runs on the calling thread while later files are still being read. Stops at the first
// error `merge` returns.
class ParallelReader {
 public:
  ParallelReader(const std::vector<fs::path>& files, const json::SchemaSet& schemas,
                 const FixtureVersion& version, std::stop_token cancel)
      : files_(files),
        schemas_(schemas),
        version_(version),
        cancel_(std::move(cancel)),
        results_(files.size()),
        ready_(files.size()) {
    const size_t threads =
        std::min<size_t>(files.size(), std::max(1u, std::thread::hardware_concurrency()));
    for (size_t t = 0; t < threads; ++t) pool_.emplace_back([this] { Work(); });
  }

  ~ParallelReader() {
    stop_ = true;
    for (std::thread& t : pool_) t.join();
  }

  // File `i`'s tasks, once read (call with i = 0, 1, ... in turn).
  FileTasks Take(size_t i) OCPMOCK_EXCLUDES(mutex_) {
    MutexLock lock(mutex_);
    while (ready_[i] == 0) done_.Wait(mutex_);
    return std::move(results_[i]);
  }

 private:
  void Work() OCPMOCK_EXCLUDES(mutex_) {
    for (size_t i = next_++; i < files_.size() && !stop_; i = next_++) {
      FileTasks read;
      try {
        // Stopped: the files not read yet are answered at once, so Take never waits for them.
        read = cancel_.stop_requested() ? FileTasks{{}, Stopped()}
                                        : ReadFileTasks(files_[i], schemas_, version_, cancel_);
      } catch (const std::exception& e) {  // e.g. memory exhausted: refuse, do not abort
        read.error = LoadError(files_[i], "-", e.what());
      }
      MutexLock lock(mutex_);
      results_[i] = std::move(read);
      ready_[i] = 1;
      done_.NotifyAll();
    }
  }

  const std::vector<fs::path>& files_;
  const json::SchemaSet& schemas_;
  const FixtureVersion& version_;
  const std::stop_token cancel_;
  Mutex mutex_;
  std::vector<FileTasks> results_ OCPMOCK_GUARDED_BY(mutex_);
  std::vector<char> ready_ OCPMOCK_GUARDED_BY(mutex_);
  CondVar done_;
  std::atomic<size_t> next_{0};
  std::atomic<bool> stop_{false};
  std::vector<std::thread> pool_;
};

}  // namespace

StatusOr<std::vector<model::Task>> ParseTaskFixtures(std::string_view text, std::string_view name,
                                                     const json::SchemaSet& schemas,
                                                     const FixtureVersion* version) {
  const std::vector<fs::path> files{fs::path(name)};
  FileTasks read = ReadText(text, files[0], schemas, version);
  Consistency consistency(files);
  std::vector<model::Task> tasks;
  auto merged = Merge(std::move(read), files, 0, consistency, tasks);
  if (!merged.ok()) return merged;
  return tasks;
}

Status CheckJoin(const std::vector<std::shared_ptr<const model::Task>>& current,
                 const std::vector<model::Task>& added, std::string_view name) {
  const std::vector<fs::path> files{fs::path("(the mock's tasks)"), fs::path(name)};
  Consistency consistency(files);
  std::set<int64_t> replaced;
  for (const model::Task& t : added) replaced.insert(t.id);
  for (const auto& t : current) {
    if (replaced.count(t->id) == 0) (void)consistency.Add(*t, 0, 0);  // consistent already
  }
  for (size_t i = 0; i < added.size(); ++i) {
    if (auto conflict = consistency.Add(added[i], 1, static_cast<uint32_t>(i))) {
      return InvalidArgument(std::string(name) + ": /tasks/" + std::to_string(i) +
                             "/task: " + *conflict);
    }
  }
  return {};
}

StatusOr<std::vector<model::Task>> LoadTaskFixtures(const fs::path& dir,
                                                    const json::SchemaSet& schemas,
                                                    const FixtureVersion& version,
                                                    std::vector<fs::path>* skipped,
                                                    const std::stop_token& stop) {
  std::error_code ec;
  const fs::path tasks_dir = dir / "tasks";
  if (!fs::is_directory(tasks_dir, ec)) {
    return LoadError(tasks_dir, "-", "no such folder (a fixture folder holds tasks/*.json)");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(tasks_dir, ec)) {
    if (entry.path().extension() == ".json") {
      files.push_back(entry.path());
    } else if (entry.path().filename().string().front() != '.') {  // .gitkeep and the like
      // Named, not silently skipped: "tasks.JSON" or "tasks.json.bak" is usually a mistake.
      Log(LogLevel::kWarn, "not loaded, not a .json file: " + entry.path().string());
    }
  }
  if (ec) return LoadError(tasks_dir, "-", "cannot be listed: " + ec.message());
  std::sort(files.begin(), files.end());
  ParallelReader reader(files, schemas, version, stop);
  Consistency consistency(files);
  std::vector<model::Task> tasks;
  for (size_t i = 0; i < files.size(); ++i) {
    if (stop.stop_requested()) return Stopped();
    FileTasks read = reader.Take(i);
    if (read.skipped && skipped != nullptr) skipped->push_back(files[i]);
    auto merged = Merge(std::move(read), files, static_cast<uint32_t>(i), consistency, tasks);
    if (!merged.ok()) return merged;
  }
  return tasks;
}

}  // namespace mock::fixtures

namespace mock::fixtures {

StatusOr<bool> FileIsForOtherVersions(const rapidjson::Value& doc, const FixtureVersion& version,
                                      const std::filesystem::path& file) {
  return ForOtherVersions(doc, version, file);
}

}  // namespace mock::fixtures
