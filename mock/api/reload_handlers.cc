#include "mock/api/reload_handlers.h"

#include "mock/auth/users.h"
#include "mock/ocp/error_kinds.h"

namespace mock::api {

StatusOr<ReloadHandlers::Counts> ReloadHandlers::Swap() const {
  if (!source_ || source_->schemas == nullptr) {
    return FailedPrecondition("this server was not started from a fixture folder");
  }
  std::lock_guard lock(mutex_);
  auto tasks = fixtures::LoadTaskFixtures(source_->fixtures, *source_->schemas, source_->version);
  if (!tasks.ok()) return FailedPrecondition("fixture refused: " + tasks.status().message());
  std::optional<std::vector<auth::User>> users;
  if (authenticator_ != nullptr && !source_->users.empty()) {
    auto read = auth::LoadUsers(source_->users, *source_->schemas);
    if (!read.ok()) return FailedPrecondition("users file refused: " + read.status().message());
    users = std::move(read).value();
  }
  // Everything read and checked: now swap.
  Counts counts{tasks.value().size(), users ? users->size() : 0};
  store_.ReplaceFixtures(std::move(tasks).value());
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
    w.EndObject();
  }};
}

StatusOr<std::string> ReloadHandlers::ReloadNow() const {
  auto counts = Swap();
  if (!counts.ok()) return counts.status();
  return "reloaded " + std::to_string(counts.value().tasks) + " tasks and " +
         std::to_string(counts.value().users) + " users";
}

}  // namespace mock::api
