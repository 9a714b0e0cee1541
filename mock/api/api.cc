#include "mock/api/api.h"

#include <chrono>

#include "mock/core/log.h"

namespace mock::api {
namespace {

enum RouteId {
  kListTasks,
  kTaskDetail,
  kRetryTask,
  kRollbackTask,
  kSubtaskLog,
  kRetrySubtask,
  kSkipSubtask,
  kCancelSubtask,
};

constexpr const char* kTasks = "/api/v2/tasks/instances";
constexpr std::string_view kControlPrefix = "/__mock/";

int64_t WallClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void AddRateLimitHeaders(http::Response& response, const auth::Throttle::Decision& d) {
  if (!d.limited) return;
  response.headers.emplace_back("RateLimit-Limit", std::to_string(d.limit));
  response.headers.emplace_back("RateLimit-Remaining", std::to_string(d.remaining));
  response.headers.emplace_back("RateLimit-Reset", std::to_string(d.reset_seconds));
}

}  // namespace

Api::Api(ApiOptions options, tasks::TaskStore& store, tasks::MockClock& clock,
         const auth::Authenticator* authenticator)
    : options_(std::move(options)),
      envelope_{options_.server_name, options_.errors},
      store_(store),
      clock_(clock),
      authenticator_(authenticator),
      handlers_(store_, envelope_) {
  const std::string tasks = kTasks;
  router_.Add("GET", tasks, kListTasks);
  router_.Add("GET", tasks + "/{taskInstanceId}", kTaskDetail);
  router_.Add("POST", tasks + "/{taskInstanceId}/retry", kRetryTask);
  router_.Add("POST", tasks + "/{taskInstanceId}/rollback", kRollbackTask);
  router_.Add("GET", tasks + "/{taskInstanceId}/subtasks/{subtaskInstanceId}/log", kSubtaskLog);
  router_.Add("POST", tasks + "/{taskInstanceId}/subtasks/{subtaskInstanceId}/retry",
              kRetrySubtask);
  router_.Add("POST", tasks + "/{taskInstanceId}/subtasks/{subtaskInstanceId}/skip", kSkipSubtask);
  router_.Add("POST", tasks + "/{taskInstanceId}/subtasks/{subtaskInstanceId}/cancel",
              kCancelSubtask);
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
  return Failure(envelope_, context,
                 Error{ErrorKind::kInternal, "trace " + context.trace_id, "", {}});
}

http::Response Api::Reject(const Error& error) const {
  return Failure(envelope_, RequestContext{trace_ids_.Next()}, error);
}

http::Response Api::Route(const http::Request& request, const RequestContext& context) const {
  auto target = http::ParseTarget(request.target, options_.max_query_params);
  if (!target.ok()) return Failure(envelope_, context, target.error());
  if (target.value().path.rfind(kControlPrefix, 0) == 0) {
    return Control(request, target.value(), context);
  }
  return Serve(request, target.value(), context);
}

http::Response Api::Serve(const http::Request& request, const http::Target& target,
                          const RequestContext& context) const {
  const auth::User* user = nullptr;
  if (authenticator_ != nullptr) {
    auto who = authenticator_->Authenticate(request, target, WallClockMs() / 1000);
    if (!who.ok()) {
      http::Response r = Failure(envelope_, context, who.error());
      r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"OCP\"");
      return r;
    }
    user = who.value();
  }
  const RouteMatch match = router_.Match(request.method, target.path);
  if (match.outcome == RouteMatch::kNotFound) {
    return Failure(envelope_, context,
                   Error{ErrorKind::kNotFound, "no API at " + Excerpt(target.path), "", {}});
  }
  if (match.outcome == RouteMatch::kMethodNotAllowed) {
    http::Response r =
        Failure(envelope_, context,
                Error{ErrorKind::kMethodNotAllowed, "", "Allowed: " + match.allow + ".", {}});
    r.headers.emplace_back("Allow", match.allow);
    return r;
  }
  const auth::Permission needed =
      request.method == "GET" ? auth::Permission::kTaskViewer : auth::Permission::kTaskManager;
  if (user != nullptr && !user->Has(needed)) {
    return Failure(envelope_, context,
                   Error{ErrorKind::kPermissionDenied,
                         "",
                         "This needs the " + std::string(auth::ToString(needed)) + " permission.",
                         {}});
  }
  auth::Throttle::Decision decision;
  if (user != nullptr) decision = throttle_.Admit(*user, WallClockMs());
  http::Response response =
      decision.allowed ? Dispatch(match, target, context)
                       : Failure(envelope_, context, Error{ErrorKind::kThrottled, "", "", {}});
  AddRateLimitHeaders(response, decision);
  return response;
}

http::Response Api::Dispatch(const RouteMatch& m, const http::Target& target,
                             const RequestContext& context) const {
  switch (m.route_id) {
    case kListTasks:
      return handlers_.List(target.query, context);
    case kTaskDetail:
      return handlers_.Detail(m.params[0], context);
    case kRetryTask:
      return handlers_.RetryTask(m.params[0], context);
    case kRollbackTask:
      return handlers_.RollbackTask(m.params[0], context);
    case kSubtaskLog:
      return handlers_.Log(m.params[0], m.params[1], context);
    case kRetrySubtask:
      return handlers_.RetrySubtask(m.params[0], m.params[1], context);
    case kSkipSubtask:
      return handlers_.SkipSubtask(m.params[0], m.params[1], context);
    case kCancelSubtask:
      return handlers_.CancelSubtask(m.params[0], m.params[1], context);
  }
  return Failure(envelope_, context, Error{ErrorKind::kInternal, "unrouted", "", {}});
}

}  // namespace mock::api
