// The OCP API the mock serves, as a pure function from a decoded request to a response (no
// sockets): the route table (route_table.cc) answered through one pipeline.
//
//   Api api(options, store, clock, &authenticator);   // authenticator nullptr: --no-auth
//   http::Response r = api.Handle(http::MakeRequest("GET", "/api/v2/tasks/instances").value());
//
// Every response is JSON in OCP's envelope. For OCP's paths (everything outside /__mock/):
// credentials are checked first (401), then the route (404, or 405 with `Allow`), then the
// permission (403), then the user's rate limit (429), then the path ids and the handler's
// parameters (400). The /__mock/ control routes need no credentials. Anything unexpected is a
// 500 that names no internals (the detail is logged).
#pragma once

#include <string>

#include "mock/api/control_handlers.h"
#include "mock/api/envelope.h"
#include "mock/api/router.h"
#include "mock/api/task_handlers.h"
#include "mock/auth/authenticator.h"
#include "mock/auth/throttle.h"
#include "mock/http/service.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

struct ApiOptions {
  // The envelope's `server` field.
  std::string server_name = "ocp-mock";
  // The OCP version's error codes and messages (its profile's).
  ocp::ErrorCatalog errors;
};

class Api : public http::Service {
 public:
  // `store`, `clock` and `authenticator` must outlive the Api. No authenticator: every request
  // is served as if sent by a user with every permission and no rate limit.
  Api(ApiOptions options, tasks::TaskStore& store, tasks::MockClock& clock,
      const auth::Authenticator* authenticator);

  http::Response Handle(const http::Request& request) const override;
  http::Response Reject(const Status& status) const override;

 private:
  // The steps of the pipeline; a failure at any step is the answer.
  http::Response Respond(const http::Request& request, const RequestContext& context) const;
  StatusOr<Reply> Admitted(const http::Request& request, const RouteMatch& match,
                           const auth::User* user, auth::Throttle::Decision& decision) const;
  static StatusOr<Reply> Invoke(const http::Request& request, const RouteMatch& match);

  EnvelopeSettings envelope_;
  const auth::Authenticator* authenticator_;
  TaskHandlers tasks_;
  ControlHandlers control_;
  Router router_;
  mutable auth::Throttle throttle_;
  mutable TraceIds trace_ids_;
};

}  // namespace mock::api
