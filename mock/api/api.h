// The OCP API the mock serves, as a pure function from request to response (no sockets).
//
//   Api api(options, store, clock, &authenticator);   // authenticator nullptr: --no-auth
//   http::Response r = api.Handle({.method = "GET", .target = "/api/v2/tasks/instances?page=2"});
//
// Every response is JSON in OCP's envelope. Under /api/: credentials are checked first (401),
// then the route (404, or 405 with `Allow`), then the permission (403), then the user's rate
// limit (429), then the parameters (400). Under /__mock/: the control endpoints, which need no
// credentials. Anything unexpected is a 500 that names no internals (the detail is logged).
#pragma once

#include <string>

#include "mock/api/envelope.h"
#include "mock/api/router.h"
#include "mock/api/task_handlers.h"
#include "mock/auth/authenticator.h"
#include "mock/auth/throttle.h"
#include "mock/http/service.h"
#include "mock/http/url.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

struct ApiOptions {
  // The envelope's `server` field.
  std::string server_name = "ocp-mock";
  // The OCP version's error codes and messages (its profile's).
  ErrorCatalog errors;
  // More query parameters than this is a 400, bounding the work one request can cause.
  size_t max_query_params = 1000;
};

class Api : public http::Service {
 public:
  // `store`, `clock` and `authenticator` must outlive the Api. No authenticator: every request
  // is served as if sent by a user with every permission and no rate limit.
  Api(ApiOptions options, tasks::TaskStore& store, tasks::MockClock& clock,
      const auth::Authenticator* authenticator);

  http::Response Handle(const http::Request& request) const override;
  http::Response Reject(const Error& error) const override;

 private:
  http::Response Route(const http::Request& request, const RequestContext& context) const;
  http::Response Serve(const http::Request& request, const http::Target& target,
                       const RequestContext& context) const;
  http::Response Dispatch(const RouteMatch& match, const http::Target& target,
                          const RequestContext& context) const;
  http::Response Control(const http::Request& request, const http::Target& target,
                         const RequestContext& context) const;

  ApiOptions options_;
  EnvelopeSettings envelope_;
  tasks::TaskStore& store_;
  tasks::MockClock& clock_;
  const auth::Authenticator* authenticator_;
  TaskHandlers handlers_;
  Router router_;
  mutable auth::Throttle throttle_;
  mutable TraceIds trace_ids_;
};

}  // namespace mock::api
