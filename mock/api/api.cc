#include "mock/api/api.h"

#include <charconv>
#include <chrono>

#include "mock/api/api_description.h"
#include "mock/api/browser_guard.h"
#include "mock/api/route_table.h"
#include "mock/core/log.h"
#include "mock/faults/fault_json.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/access.h"
#include "mock/ui/ui_pages.h"

namespace mock::api {
namespace {

// The list rules of the version `options` play (no schemas: no enum value is accepted).
entities::ListRules RulesOf(const ApiOptions& options) {
  return entities::ListRulesFor(options.schemas, options.ocp_version);
}

// What the families are built from: the version's rules and the rows read at start-up.
FamilyContext FamilyContextOf(ApiOptions& options, tasks::TaskStore& store, tasks::MockClock& clock,
                              entities::EntityStore& entities) {
  FamilyContext c{store, clock, entities, options.schemas, RulesOf(options), options.ocp_version};
  c.api_status = options.api_status;
  c.async_create_tenant = HasAsyncCreateTenant(options.ocp_version);
  c.arbitration = options.arbitration;
  c.data = std::move(options.family_data);
  c.quirks = options.quirks;
  c.seed = options.seed;
  if (options.source)
    c.source = resources::ResourceSource{options.source->fixtures, options.source->version};
  return c;
}

// Where GET /__mock/openapi.json reads from: the shared schema folder is the last of the set's
// (versions/profile.h: a version's folders come first, the shared ones last).
OpenApiSources OpenApiSourcesOf(const ApiOptions& options) {
  OpenApiSources sources{.version = options.ocp_version};
  if (options.schemas != nullptr && !options.schemas->dirs().empty()) {
    sources.schemas_root = options.schemas->dirs().back();
    sources.samples_dir = SamplesBeside(sources.schemas_root);
  }
  return sources;
}

constexpr std::string_view kControlPrefix = "/__mock/";
// The readiness probe: it says only whether the mock is ready, the version played, the task
// count and the uptime, so a container's or CI's health check may call it without credentials
// on any address; every other control endpoint keeps control_needs_credentials.
constexpr std::string_view kHealthPattern = "/__mock/health";

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
  // RFC 9110's way to say when to come back, which HTTP client libraries' retry logic reads.
  if (!d.allowed) response.headers.emplace_back("Retry-After", std::to_string(d.reset_seconds));
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

// "GET" -> "GET, HEAD, OPTIONS": the methods every route takes besides its own.
std::string WithImplicitMethods(const std::string& allow) {
  const bool get = (", " + allow + ",").find(", GET,") != std::string::npos;
  return allow + (get ? ", HEAD" : "") + ", OPTIONS";
}

// A body documented without OCP's envelope (GET /api/v2/info, /api/v2/time, /api/status).
http::Response Bare(const RequestContext& context, Reply reply) {
  http::Response response;
  response.body = std::move(*reply.bare_body);
  response.content_type = std::move(reply.content_type);
  response.trace_id = context.trace_id;
  return response;
}

// A bug: the client learns only the trace id to quote; the log has the rest.
Status Internal(const RequestContext& context) {
  return ocp::OcpError(ocp::ErrorKind::kInternal, "", {"trace " + context.trace_id});
}

Status NoRoute(const RouteMatch& match, std::string_view path) {
  if (match.outcome == RouteMatch::kMethodNotAllowed) {
    return Status(StatusCode::kUnimplemented, "Allowed: " + match.allow + ".");
  }
  return ocp::OcpError(ocp::ErrorKind::kNotFound, "", {"no API at " + Excerpt(path)});
}

http::Delivery DeliveryOf(const faults::Firing& firing) {
  using Mode = http::Delivery::Mode;
  http::Delivery d;
  d.delay_ms = firing.delay_ms;
  switch (firing.action.type) {
    case faults::ActionType::kReset:
      d.mode = Mode::kReset;
      break;
    case faults::ActionType::kTruncate:
      d.mode = Mode::kTruncate;
      break;
    case faults::ActionType::kDrip:
      d.mode = Mode::kDrip;
      d.drip_ms = firing.action.drip_ms;
      break;
    case faults::ActionType::kDelay:
    case faults::ActionType::kStatus:
      break;
  }
  return d;
}

}  // namespace

Api::Api(ApiOptions options, tasks::TaskStore& store, tasks::MockClock& clock,
         auth::Authenticator* authenticator)
    : envelope_{std::move(options.server_name), std::move(options.errors)},
      errors_zh_(std::move(options.errors_zh)),
      quirks_(options.quirks),
      control_needs_credentials_(options.control_needs_credentials),
      seed_(options.seed),
      options_cors_(std::move(options.cors_origin)),
      authenticator_(authenticator),
      journal_(options.journal_size),
      faults_(options.seed, std::move(options.faults)),
      own_entities_(options.entities == nullptr ? std::make_unique<entities::EntityStore>()
                                                : nullptr),
      entities_(options.entities != nullptr ? *options.entities : *own_entities_),
      families_(MakeFamilies(FamilyContextOf(options, store, clock, entities_))),
      control_({{store, clock, journal_, throttle_, faults_, entities_, WithData(families_)},
                options.schemas,
                options.source,
                authenticator}),
      openapi_(OpenApiSourcesOf(options),
               [this] { return DescribeParts(families_, control_, openapi_.Part()); }),
      router_(RouteTable(families_, control_, openapi_.Part().routes)) {}

http::Response Api::Handle(const http::Request& request) const {
  RequestContext context{trace_ids_.For(request.headers)};
  context.errors = LanguageOf(request);
  Outcome outcome;
  http::Response response;
  try {
    response = request.method == "OPTIONS" ? Options(request, context, outcome)
                                           : Respond(request, context, outcome);
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "trace " + context.trace_id + ": unhandled exception: " + e.what());
    response = Fail(context, Internal(context), outcome);
  } catch (...) {
    Log(LogLevel::kError, "trace " + context.trace_id + ": unhandled non-standard exception");
    response = Fail(context, Internal(context), outcome);
  }
  if (outcome.fault) response.delivery = DeliveryOf(*outcome.fault);
  if (request.method == "HEAD") response.body.clear();
  if (!options_cors_.empty()) AddCors(request, response);
  if (ui::IsUiPath(request.path)) ui::AddUiHeaders(response.headers);  // errors included
  if (!outcome.control || ChangesTheMock(request)) {
    Record(request, response, context, outcome, outcome.control);
  }
  return response;
}

// OPTIONS needs no credentials (a browser's CORS preflight carries none): the methods a path
// takes in `Allow`, no body; a path with no route is a 404.
http::Response Api::Options(const http::Request& request, const RequestContext& context,
                            Outcome& outcome) const {
  const RouteMatch match = router_.Match("OPTIONS", request.path);
  outcome.control = IsControl(match, request.path);
  if (match.outcome == RouteMatch::kNotFound)
    return Fail(context, NoRoute(match, request.path), outcome);
  http::Response response;
  response.content_type = "text/plain";
  response.trace_id = context.trace_id;
  response.headers.emplace_back("Allow", WithImplicitMethods(match.allow));
  return response;
}

// Browser-based tools call the mock from another origin: every answer says which origin may
// read it and which headers it may see; a preflight also which methods and headers it may send.
void Api::AddCors(const http::Request& request, http::Response& response) const {
  response.headers.emplace_back("Access-Control-Allow-Origin", options_cors_);
  if (options_cors_ != "*") response.headers.emplace_back("Vary", "Origin");
  response.headers.emplace_back(
      "Access-Control-Expose-Headers",
      "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After");
  if (request.method != "OPTIONS") return;
  if (const std::string* allow = http::FindHeader(response.headers, "Allow")) {
    response.headers.emplace_back("Access-Control-Allow-Methods", *allow);
  }
  const std::string* asked = http::FindHeader(request.headers, "Access-Control-Request-Headers");
  response.headers.emplace_back("Access-Control-Allow-Headers",
                                asked != nullptr ? *asked : "Authorization, Content-Type, Date");
  response.headers.emplace_back("Access-Control-Max-Age", "600");
}

http::Response Api::Fail(const RequestContext& context, const Status& failure,
                         Outcome& outcome) const {
  outcome.error_code = context.Errors(envelope_).Lookup(failure).CodeText();
  return Failure(envelope_, context, failure);
}

// A test's change to the mock through the control plane, journaled beside the clients' requests
// (journal.h, Entry::control): a POST, PUT or DELETE under /__mock/ but the journal's own routes,
// which would otherwise record their own clearing. Reads are not: a test polls them.
bool Api::ChangesTheMock(const http::Request& request) {
  const std::string& m = request.method;
  return (m == "POST" || m == "PUT" || m == "DELETE" || m == "PATCH") &&
         !request.path.starts_with("/__mock/requests");
}

void Api::Record(const http::Request& request, const http::Response& response,
                 const RequestContext& context, const Outcome& outcome, bool control) const {
  journal::Entry e;
  e.control = control;
  e.epoch_ms = WallClockMs();
  e.method = request.method;
  e.path = request.path;
  const std::string_view target = request.target;
  const size_t q = target.find('?');
  if (q != std::string_view::npos) e.query = target.substr(q + 1, target.find('#', q) - q - 1);
  if (outcome.user != nullptr) e.user = outcome.user->name;
  if (const std::string* type = http::FindHeader(request.headers, "Content-Type")) {
    e.content_type = *type;
  }
  e.body_bytes = request.body.size();
  e.access_key = auth::AccessKeyOf(request.headers);
  e.status = response.status;
  e.error_code = outcome.error_code;
  e.trace_id = context.trace_id;
  if (outcome.fault) {
    e.fault_rule = outcome.fault->rule_id;
    e.fault = faults::ActionTypeName(outcome.fault->action.type);
  }
  e.duration_us = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::steady_clock::now() - context.started)
                      .count();
  journal_.Record(std::move(e));
}

http::Response Api::Reject(const Status& status) const {
  return Failure(envelope_, RequestContext{trace_ids_.Next()}, ocp::AsTransportError(status));
}

http::Response Api::Respond(const http::Request& request, const RequestContext& context,
                            Outcome& outcome) const {
  // HEAD is GET without the body (Handle drops it), as in Spring MVC.
  const RouteMatch match =
      router_.Match(request.method == "HEAD" ? "GET" : request.method, request.path);
  outcome.control = IsControl(match, request.path);
  const bool open = match.route != nullptr && match.route->access == Access::kPublic;
  const bool health = match.route != nullptr && match.route->pattern == kHealthPattern;
  const bool needs_credentials = outcome.control ? control_needs_credentials_ && !health : !open;
  // Before the credentials: a forged request is refused whoever's they are (browser_guard.h).
  if (ForgeableBrowserRequest(request, options_cors_)) {
    return Fail(context, BrowserHeaderMissing(), outcome);
  }
  if (authenticator_ != nullptr && needs_credentials) {
    auto who = authenticator_->Authenticate(request, WallClockMs() / 1000);
    if (!who.ok()) {
      http::Response r = Fail(context, who.status(), outcome);
      r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"OCP\"");
      return r;
    }
    outcome.user = who.value();
    if (outcome.control && !outcome.user->Has(auth::Permission::kTaskManager)) {
      return Fail(context,
                  PermissionDenied("/__mock/ on a non-loopback address needs the TASK_MANAGER "
                                   "permission."),
                  outcome);
    }
  }
  if (!outcome.control) {
    if (auto faulted = Fault(request, context, outcome)) return std::move(*faulted);
  }
  if (match.outcome == RouteMatch::kNotFound && quirks_.unknown_path_html && !outcome.control) {
    http::Response page;
    page.content_type = "text/html;charset=UTF-8";
    page.body = UnknownPathPage();
    page.trace_id = context.trace_id;
    return page;
  }
  if (match.outcome != RouteMatch::kFound) {
    http::Response r = Fail(context, NoRoute(match, request.path), outcome);
    if (match.outcome == RouteMatch::kMethodNotAllowed)
      r.headers.emplace_back("Allow", match.allow);
    return r;
  }
  auth::Throttle::Decision decision;
  StatusOr<Reply> reply = Admitted(request, match, outcome.user.get(), decision);
  const bool enveloped_data = reply.ok() && !reply.value().bare_body;
  http::Response response = !reply.ok() ? Fail(context, reply.status(), outcome)
                            : reply.value().bare_body
                                ? Bare(context, std::move(reply).value())
                                : Success(envelope_, context, reply.value().write_data);
  AddRateLimitHeaders(response, decision);
  if (quirks_.RewritesBodies() && enveloped_data && !outcome.control) {
    response.body = ApplyBodyQuirks(quirks_, BodyQuirksFor(request), response.body);
  }
  return response;
}

// The fault rule that fires on this request, if any (outcome.fault); a status rule's answer
// replaces the request's, which is not served.
std::optional<http::Response> Api::Fault(const http::Request& request,
                                         const RequestContext& context, Outcome& outcome) const {
  const std::string* user = outcome.user != nullptr ? &outcome.user->name : nullptr;
  outcome.fault = faults_.Decide({request.method, request.path, user, request.query});
  if (!outcome.fault || outcome.fault->action.type != faults::ActionType::kStatus) {
    return std::nullopt;
  }
  const faults::Action& a = outcome.fault->action;
  const std::string cause = "fault rule " + std::to_string(outcome.fault->rule_id);
  const std::optional<ocp::ErrorKind> kind = ocp::KindForHttpStatus(a.status);
  std::string code = a.code;
  std::string message = a.message;
  if (kind) {  // what the rule leaves out comes from the version's catalogue
    const Status failure = ocp::OcpError(*kind, "", {cause, cause});
    if (code.empty()) code = context.Errors(envelope_).Lookup(failure).CodeText();
    if (message.empty()) message = context.Errors(envelope_).Render(failure);
  }
  outcome.error_code = code;
  http::Response r = Failure(envelope_, context, a.status, code, message);
  if (a.status == 429) {
    const std::string seconds = std::to_string(a.retry_after_seconds);
    if (outcome.user != nullptr && outcome.user->rate_limit) {
      r.headers.emplace_back("RateLimit-Limit", std::to_string(outcome.user->rate_limit->requests));
    }
    r.headers.emplace_back("RateLimit-Remaining", "0");
    r.headers.emplace_back("RateLimit-Reset", seconds);
    r.headers.emplace_back("Retry-After", seconds);
  }
  return r;
}

// The permission and the rate limit, then the call.
StatusOr<Reply> Api::Admitted(const http::Request& request, const RouteMatch& match,
                              const auth::User* user, auth::Throttle::Decision& decision) const {
  if (user == nullptr) return Invoke(request, match, nullptr);
  const std::optional<auth::Permission> needed = PermissionFor(match.route->access);
  if (needed && !user->Has(*needed)) {
    return PermissionDenied("This needs the " + std::string(auth::ToString(*needed)) +
                            " permission.");
  }
  decision = throttle_.Admit(*user, WallClockMs());
  if (!decision.allowed) return ResourceExhausted("");
  return Invoke(request, match, user);
}

StatusOr<Reply> Api::Invoke(const http::Request& request, const RouteMatch& match,
                            const auth::User* user) {
  Call call{request, {}, user};
  for (size_t i = 0; i < match.params.size(); ++i) {
    if (IsTextSegment(match.names[i])) {
      call.texts.push_back(match.params[i]);
      continue;
    }
    auto id = ParsePathId(match.params[i], match.names[i]);
    if (!id.ok()) return id.status();
    call.ids.push_back(id.value());
  }
  return match.route->handler(call);
}

}  // namespace mock::api
