#include "mock/control/reload_handlers.h"

#include "mock/auth/users.h"
#include "mock/entities/entity_loader.h"
#include "mock/ocp/error_kinds.h"

namespace mock::api {
namespace {

// ", 4 hostTypes, ..." for the log line.
std::string FamilyCounts(const std::vector<std::pair<std::string, size_t>>& families) {
  std::string out;
  for (const auto& [name, rows] : families) out += ", " + std::to_string(rows) + " " + name;
  return out;
}

}  // namespace

StatusOr<ReloadHandlers::Counts> ReloadHandlers::Swap() const {
  if (!source_ || source_->schemas == nullptr) {
    return FailedPrecondition("this server was not started from a fixture folder");
  }
  MutexLock lock(mutex_);
  auto tasks = fixtures::LoadTaskFixtures(source_->fixtures, *source_->schemas, source_->version);
  if (!tasks.ok()) return FailedPrecondition("fixture refused: " + tasks.status().message());
  auto set = entities::LoadEntityFixtures(source_->fixtures, *source_->schemas, source_->version);
  if (!set.ok()) return FailedPrecondition("fixture refused: " + set.status().message());
  if (Status s = entities::Complete(set.value(), tasks.value()); !s.ok())
    return FailedPrecondition("fixture refused: " + s.message());
  std::optional<std::vector<auth::User>> users;
  if (authenticator_ != nullptr && !source_->users.empty()) {
    auto read = auth::LoadUsers(source_->users, *source_->schemas);
    if (!read.ok()) return FailedPrecondition("users file refused: " + read.status().message());
    users = std::move(read).value();
  }
  std::vector<Family::Commit> commits;
  std::vector<std::pair<std::string, size_t>> family_counts;
  for (const Family* f : families_) {
    if (!f->Reloads()) continue;  // state of its own but no files (Family::Resets)
    size_t rows = 0;
    auto commit = f->PrepareReload(rows);
    if (!commit.ok()) return FailedPrecondition("fixture refused: " + commit.status().message());
    commits.push_back(std::move(commit).value());
    family_counts.emplace_back(f->Name(), rows);
  }
  // Everything read and checked: now swap.
  Counts counts{tasks.value().size(),       users ? users->size() : 0, set.value().clusters.size(),
                set.value().tenants.size(), set.value().hosts.size(),  std::move(family_counts)};
  store_.ReplaceFixtures(std::move(tasks).value());
  entities_.ReplaceFixtures(std::move(set).value());
  if (users) authenticator_->ReplaceUsers(std::move(*users));
  for (const Family::Commit& commit : commits) {
    if (commit) commit();
  }
  return counts;
}

StatusOr<Reply> ReloadHandlers::Reload() const {
  auto counts = Swap();
  if (!counts.ok()) return ocp::BadRequest(counts.status().message() + "; nothing was reloaded");
  return Reply{[c = counts.value()](json::JsonWriter& w) {
    w.StartObject();
    w.Key("tasks");
    w.Uint64(c.tasks);
    w.Key("users");
    w.Uint64(c.users);
    w.Key("clusters");
    w.Uint64(c.clusters);
    w.Key("tenants");
    w.Uint64(c.tenants);
    w.Key("hosts");
    w.Uint64(c.hosts);
    for (const auto& [name, rows] : c.families) {
      w.Key(name.c_str());
      w.Uint64(rows);
    }
    w.EndObject();
  }};
}

StatusOr<std::string> ReloadHandlers::ReloadNow() const {
  auto counts = Swap();
  if (!counts.ok()) return counts.status();
  const Counts& c = counts.value();
  return "reloaded " + std::to_string(c.tasks) + " tasks, " + std::to_string(c.users) + " users, " +
         std::to_string(c.clusters) + " clusters, " + std::to_string(c.tenants) + " tenants and " +
         std::to_string(c.hosts) + " hosts" + FamilyCounts(c.families);
}

}  // namespace mock::api
