#include "mock/api/api.h"

#include "mock/api/task_json.h"
#include "mock/core/log.h"
#include "mock/http/url.h"
#include "mock/query/engine.h"
#include "mock/query/query_params.h"

namespace mock::api {
namespace {

enum RouteId { kListTasks };

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

}  // namespace

Api::Api(ApiOptions options, std::vector<model::Task> tasks)
    : options_(std::move(options)),
      envelope_{options_.server_name, options_.scheme},
      tasks_(std::move(tasks)) {
  rendered_.reserve(tasks_.size());
  for (const model::Task& task : tasks_) rendered_.push_back(RenderBasicTask(task));
  router_.Add("GET", "/api/v2/tasks/instances", kListTasks);
}

http::Response Api::Handle(const http::Request& request) const {
  RequestContext context{trace_ids_.Next()};
  try {
    return Route(request, context);
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "trace " + context.trace_id + ": unhandled exception: " + e.what());
  } catch (...) {
    Log(LogLevel::kError, "trace " + context.trace_id + ": unhandled non-standard exception");
  }
  return Failure(envelope_, context, Error{ErrorKind::kInternal, "trace " + context.trace_id, ""});
}

http::Response Api::Reject(const Error& error) const {
  return Failure(envelope_, RequestContext{trace_ids_.Next()}, error);
}

http::Response Api::Route(const http::Request& request, const RequestContext& context) const {
  auto target = http::ParseTarget(request.target, options_.max_query_params);
  if (!target.ok()) return Failure(envelope_, context, target.error());
  const RouteMatch match = router_.Match(request.method, target.value().path);
  if (match.outcome == RouteMatch::kNotFound) {
    return Failure(envelope_, context,
                   Error{ErrorKind::kNotFound, "no API at " + Excerpt(target.value().path), ""});
  }
  if (match.outcome == RouteMatch::kMethodNotAllowed) {
    http::Response response =
        Failure(envelope_, context,
                Error{ErrorKind::kMethodNotAllowed, "", "Allowed: " + match.allow + "."});
    response.headers.emplace_back("Allow", match.allow);
    return response;
  }
  switch (match.route_id) {
    case kListTasks:
      return ListTasks(target.value().query, context);
  }
  return Failure(envelope_, context, Error{ErrorKind::kInternal, "unrouted " + request.method, ""});
}

http::Response Api::ListTasks(const QueryParams& params, const RequestContext& context) const {
  auto query = query::ParseTaskQuery(params);
  if (!query.ok()) return Failure(envelope_, context, query.error());
  const query::TaskPage page = query::ExecuteQuery(tasks_, query.value());
  return Success(envelope_, context, [&](JsonWriter& w) {
    w.StartObject();
    w.Key("contents");
    w.StartArray();
    for (const model::Task* task : page.items) {
      const std::string& json = rendered_[static_cast<size_t>(task - tasks_.data())];
      w.RawValue(json.data(), json.size(), rapidjson::kObjectType);
    }
    w.EndArray();
    WritePage(w, page);
    w.EndObject();
  });
}

}  // namespace mock::api
