#include "mock/api/api.h"

#include <charconv>
#include <chrono>

#include "mock/api/route_table.h"
#include "mock/core/log.h"
#include "mock/ocp/error_kinds.h"

namespace mock::api {
namespace {

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

// The /__mock/ routes need no credentials; so does any path under /__mock/ that is not one,
// which is answered 404 like an unknown OCP path.
bool IsControl(const RouteMatch& match, std::string_view path) {
  if (match.route != nullptr) return match.route->access == Access::kControl;
  return path.rfind(kControlPrefix, 0) == 0;
}

// A path id: a 64-bit decimal integer, else OCP's invalidParameter naming it.
StatusOr<int64_t> ParsePathId(std::string_view value, const std::string& name) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), id);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
    return ocp::InvalidParameter(name, "'" + Excerpt(value) + "' is not a 64-bit integer.");
  }
  return id;
}

Status NoRoute(const RouteMatch& match, std::string_view path) {
  if (match.outcome == RouteMatch::kMethodNotAllowed) {
    return Status(StatusCode::kUnimplemented, "Allowed: " + match.allow + ".");
  }
  return ocp::OcpError(ocp::ErrorKind::kNotFound, "", {"no API at " + Excerpt(path)});
}

}  // namespace

Api::Api(ApiOptions options, tasks::TaskStore& store, tasks::MockClock& clock,
         const auth::Authenticator* authenticator)
    : envelope_{std::move(options.server_name), std::move(options.errors)},
      authenticator_(authenticator),
      tasks_(store),
      control_(store, clock),
      router_(RouteTable(tasks_, control_)) {}

http::Response Api::Handle(const http::Request& request) const {
  RequestContext context{trace_ids_.Next()};
  try {
    return Respond(request, context);
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "trace " + context.trace_id + ": unhandled exception: " + e.what());
  } catch (...) {
    Log(LogLevel::kError, "trace " + context.trace_id + ": unhandled non-standard exception");
  }
  return Failure(envelope_, context,
                 ocp::OcpError(ocp::ErrorKind::kInternal, "", {"trace " + context.trace_id}));
}

http::Response Api::Reject(const Status& status) const {
  return Failure(envelope_, RequestContext{trace_ids_.Next()}, ocp::AsTransportError(status));
}

http::Response Api::Respond(const http::Request& request, const RequestContext& context) const {
  const RouteMatch match = router_.Match(request.method, request.path);
  const auth::User* user = nullptr;
  if (authenticator_ != nullptr && !IsControl(match, request.path)) {
    auto who = authenticator_->Authenticate(request, WallClockMs() / 1000);
    if (!who.ok()) {
      http::Response r = Failure(envelope_, context, who.status());
      r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"OCP\"");
      return r;
    }
    user = who.value();
  }
  if (match.outcome != RouteMatch::kFound) {
    http::Response r = Failure(envelope_, context, NoRoute(match, request.path));
    if (match.outcome == RouteMatch::kMethodNotAllowed)
      r.headers.emplace_back("Allow", match.allow);
    return r;
  }
  auth::Throttle::Decision decision;
  StatusOr<Reply> reply = Admitted(request, match, user, decision);
  http::Response response = reply.ok() ? Success(envelope_, context, reply.value().write_data)
                                       : Failure(envelope_, context, reply.status());
  AddRateLimitHeaders(response, decision);
  return response;
}

// The permission and the rate limit, then the call.
StatusOr<Reply> Api::Admitted(const http::Request& request, const RouteMatch& match,
                              const auth::User* user, auth::Throttle::Decision& decision) const {
  if (user == nullptr) return Invoke(request, match);
  const Access access = match.route->access;
  const auth::Permission needed = access == Access::kTaskManager ? auth::Permission::kTaskManager
                                                                 : auth::Permission::kTaskViewer;
  if (access != Access::kControl && !user->Has(needed)) {
    return PermissionDenied("This needs the " + std::string(auth::ToString(needed)) +
                            " permission.");
  }
  decision = throttle_.Admit(*user, WallClockMs());
  if (!decision.allowed) return ResourceExhausted("");
  return Invoke(request, match);
}

StatusOr<Reply> Api::Invoke(const http::Request& request, const RouteMatch& match) {
  Call call{request, {}};
  for (size_t i = 0; i < match.params.size(); ++i) {
    auto id = ParsePathId(match.params[i], match.names[i]);
    if (!id.ok()) return id.status();
    call.ids.push_back(id.value());
  }
  return match.route->handler(call);
}

}  // namespace mock::api
