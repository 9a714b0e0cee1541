#include "mock/control/reload_handlers.h"

#include "mock/auth/users.h"
#include "mock/entities/entity_loader.h"
#include "mock/ocp/error_kinds.h"

namespace mock::api {

StatusOr<ReloadHandlers::Counts> ReloadHandlers::Swap() const {
  if (!source_ || source_->schemas == nullptr) {
    return FailedPrecondition("this server was not started from a fixture folder");
  }
  std::lock_guard lock(mutex_);
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
  // Everything read and checked: now swap.
  Counts counts{tasks.value().size(), users ? users->size() : 0, set.value().clusters.size(),
                set.value().tenants.size(), set.value().hosts.size()};
  store_.ReplaceFixtures(std::move(tasks).value());
  entities_.ReplaceFixtures(std::move(set).value());
  if (users) authenticator_->ReplaceUsers(std::move(*users));
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
    w.EndObject();
  }};
}

StatusOr<std::string> ReloadHandlers::ReloadNow() const {
  auto counts = Swap();
  if (!counts.ok()) return counts.status();
  const Counts& c = counts.value();
  return "reloaded " + std::to_string(c.tasks) + " tasks, " + std::to_string(c.users) + " users, " +
         std::to_string(c.clusters) + " clusters, " + std::to_string(c.tenants) + " tenants and " +
         std::to_string(c.hosts) + " hosts";
}

}  // namespace mock::api
