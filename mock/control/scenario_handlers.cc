#include "mock/control/scenario_handlers.h"

#include "mock/json/json.h"
#include "mock/loader/fixture_loader.h"
#include "mock/ocp/error_kinds.h"

namespace mock::api {
namespace {

constexpr const char* kBody = "request body";

// A refused body: OCP's badRequest, the fixture loader's message as its cause.
Status Refused(const Status& s) { return ocp::BadRequest(s.message()); }

Reply Counts(const std::string& verb, size_t n, size_t total) {
  return Reply{[verb, n, total](json::JsonWriter& w) {
    w.StartObject();
    w.Field(verb, n);
    w.Field("tasks", total);
    w.EndObject();
  }};
}

}  // namespace

StatusOr<Reply> ScenarioHandlers::PutTask(int64_t id, const std::string& body) const {
  if (schemas_ == nullptr) return InternalError("the API was built without schemas");
  // Alone first, so a syntax error gets the body's own line and column, and the body cannot
  // close the array it is wrapped in below.
  if (auto alone = json::ParseJson(body); !alone.ok()) {
    return ocp::BadRequest(std::string(kBody) + ": " + alone.status().message() +
                           ": not valid JSON");
  }
  auto tasks = fixtures::ParseTaskFixtures(
      R"({"format": "ocp-mock-fixtures/1", "tasks": [)" + body + "]}", kBody, *schemas_);
  if (!tasks.ok()) {
    // The entry was checked as entry 0 of a file; name its places from the body itself.
    std::string message = tasks.status().message();
    const std::string wrapped = std::string(kBody) + ": /tasks/0";
    if (message.rfind(wrapped, 0) == 0)
      message = std::string(kBody) + ": " + message.substr(wrapped.size());
    return ocp::BadRequest(message);
  }
  if (tasks.value()[0].id != id) {
    return ocp::BadRequest(std::string(kBody) +
                           ": /task/id: " + std::to_string(tasks.value()[0].id) +
                           " differs from the path's " + std::to_string(id));
  }
  return Put(std::move(tasks).value());
}

StatusOr<Reply> ScenarioHandlers::PostTasks(const std::string& body) const {
  if (schemas_ == nullptr) return InternalError("the API was built without schemas");
  auto tasks = fixtures::ParseTaskFixtures(body, kBody, *schemas_);
  if (!tasks.ok()) return Refused(tasks.status());
  return Put(std::move(tasks).value());
}

StatusOr<Reply> ScenarioHandlers::Put(std::vector<model::Task> tasks) const {
  const size_t count = tasks.size();
  auto admit = [](const std::vector<tasks::TaskSnapshot>& current,
                  const std::vector<model::Task>& incoming) {
    return fixtures::CheckJoin(current, incoming, kBody);
  };
  auto added = store_.Put(std::move(tasks), admit);
  if (!added.ok()) return Refused(added.status());
  return Reply{[added = added.value(), replaced = count - added.value(),
                total = store_.size()](json::JsonWriter& w) {
    w.StartObject();
    w.Field("added", added);
    w.Field("replaced", replaced);
    w.Field("tasks", total);
    w.EndObject();
  }};
}

StatusOr<Reply> ScenarioHandlers::DeleteTask(int64_t id) const {
  if (Status s = store_.Remove(id); !s.ok()) return s;
  return Counts("removed", 1, store_.size());
}

}  // namespace mock::api
