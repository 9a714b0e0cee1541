#include "mock/api/task_handlers.h"

#include <charconv>

#include "mock/model/subtask_log.h"
#include "mock/query/engine.h"
#include "mock/query/query_params.h"
#include "mock/tasks/operations.h"

namespace mock::api {
namespace {

void WritePage(JsonWriter& w, const query::TaskPage& page) {
  w.Key("page");
  w.StartObject();
  w.Key("number");
  w.Int(page.page.number);
  w.Key("size");
  w.Int(page.page.size);
  w.Key("totalElements");
  w.Int64(page.total_elements);
  w.Key("totalPages");
  w.Int64(page.total_pages);
  w.EndObject();
}

Result<model::Subtask*> FindSubtask(model::Task& task, int64_t subtask_id) {
  model::Subtask* s = task.FindSubtask(subtask_id);
  if (s == nullptr) {
    return Error{
        ErrorKind::kTaskNotFound, std::to_string(subtask_id),
        "Task " + std::to_string(task.id) + " has no subtask " + std::to_string(subtask_id) + "."};
  }
  return s;
}

}  // namespace

Result<int64_t> ParsePathId(std::string_view value, const char* name) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), id);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
    return InvalidParameter(name, "'" + Excerpt(value) + "' is not a 64-bit integer.");
  }
  return id;
}

TaskHandlers::TaskHandlers(tasks::TaskStore& store, const EnvelopeSettings& envelope)
    : store_(store), envelope_(envelope) {}

http::Response TaskHandlers::List(const QueryParams& params, const RequestContext& context) const {
  auto query = query::ParseTaskQuery(params);
  if (!query.ok()) return Failure(envelope_, context, query.error());
  http::Response response;
  store_.Query(query.value(), [&](const query::TaskPage& page) {
    response = Success(envelope_, context, [&](JsonWriter& w) {
      w.StartObject();
      w.Key("contents");
      w.StartArray();
      for (const model::Task* task : page.items) WriteCachedBasicTask(w, *task);
      w.EndArray();
      WritePage(w, page);
      w.EndObject();
    });
  });
  return response;
}

void TaskHandlers::WriteCachedBasicTask(JsonWriter& w, const model::Task& task) const {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  auto it = rendered_.find(task.id);
  if (it == rendered_.end() || it->second.revision != task.revision) {
    if (rendered_.size() >= kMaxCachedTasks) rendered_.clear();
    rapidjson::StringBuffer buffer;
    JsonWriter one(buffer);
    WriteBasicTask(one, task);
    it = rendered_.insert_or_assign(task.id, Rendered{task.revision, buffer.GetString()}).first;
  }
  w.RawObject(it->second.json);
}

http::Response TaskHandlers::Detail(std::string_view task_id, const RequestContext& context) const {
  auto id = ParsePathId(task_id, "taskInstanceId");
  if (!id.ok()) return Failure(envelope_, context, id.error());
  auto task = store_.Get(id.value());
  if (!task.ok()) return Failure(envelope_, context, task.error());
  return Success(envelope_, context, [&](JsonWriter& w) { WriteWrappedTask(w, task.value()); });
}

http::Response TaskHandlers::ChangeTask(std::string_view task_id, TaskChange change,
                                        const RequestContext& context) const {
  auto id = ParsePathId(task_id, "taskInstanceId");
  if (!id.ok()) return Failure(envelope_, context, id.error());
  auto task = store_.Change(id.value(), change);
  if (!task.ok()) return Failure(envelope_, context, task.error());
  return Success(envelope_, context, [&](JsonWriter& w) { WriteWrappedTask(w, task.value()); });
}

http::Response TaskHandlers::RetryTask(std::string_view task_id,
                                       const RequestContext& context) const {
  return ChangeTask(task_id, tasks::RetryTask, context);
}

http::Response TaskHandlers::RollbackTask(std::string_view task_id,
                                          const RequestContext& context) const {
  return ChangeTask(task_id, tasks::RollbackTask, context);
}

http::Response TaskHandlers::Log(std::string_view task_id, std::string_view subtask_id,
                                 const RequestContext& context) const {
  auto id = ParsePathId(task_id, "taskInstanceId");
  if (!id.ok()) return Failure(envelope_, context, id.error());
  auto sid = ParsePathId(subtask_id, "subtaskInstanceId");
  if (!sid.ok()) return Failure(envelope_, context, sid.error());
  auto task = store_.Get(id.value());
  if (!task.ok()) return Failure(envelope_, context, task.error());
  auto subtask = FindSubtask(task.value(), sid.value());
  if (!subtask.ok()) return Failure(envelope_, context, subtask.error());
  return Success(envelope_, context, [&](JsonWriter& w) {
    w.StartObject();
    w.Key("log");
    w.String(model::LogText(*subtask.value()));
    w.EndObject();
  });
}

http::Response TaskHandlers::Apply(std::string_view task_id, std::string_view subtask_id,
                                   SubtaskChange change, Answer answer,
                                   const RequestContext& context) const {
  auto id = ParsePathId(task_id, "taskInstanceId");
  if (!id.ok()) return Failure(envelope_, context, id.error());
  auto sid = ParsePathId(subtask_id, "subtaskInstanceId");
  if (!sid.ok()) return Failure(envelope_, context, sid.error());
  auto task = store_.Change(id.value(), [&](model::Task& t, int64_t now) -> Result<bool> {
    auto subtask = FindSubtask(t, sid.value());
    if (!subtask.ok()) return subtask.error();
    return change(t, *subtask.value(), now);
  });
  if (!task.ok()) return Failure(envelope_, context, task.error());
  if (answer == Answer::kNoData) return Success(envelope_, context, nullptr);
  return Success(envelope_, context,
                 [&](JsonWriter& w) { WriteSubtask(w, *task.value().FindSubtask(sid.value())); });
}

http::Response TaskHandlers::RetrySubtask(std::string_view task_id, std::string_view subtask_id,
                                          const RequestContext& context) const {
  return Apply(task_id, subtask_id, tasks::RetrySubtask, Answer::kSubtask, context);
}

http::Response TaskHandlers::SkipSubtask(std::string_view task_id, std::string_view subtask_id,
                                         const RequestContext& context) const {
  return Apply(task_id, subtask_id, tasks::SkipSubtask, Answer::kNoData, context);
}

http::Response TaskHandlers::CancelSubtask(std::string_view task_id, std::string_view subtask_id,
                                           const RequestContext& context) const {
  return Apply(task_id, subtask_id, tasks::CancelSubtask, Answer::kNoData, context);
}

}  // namespace mock::api
