// The OCP API the mock serves, as a pure function from request to response (no sockets).
//
//   Api api(ApiOptions{.server_name = "ocp-mock"}, std::move(tasks));
//   http::Response r = api.Handle({.method = "GET", .target = "/api/v2/tasks/instances?page=2"});
//
// Every response is JSON in OCP's envelope: unknown paths are a 404, a known path with another
// method a 405 with `Allow`, bad parameters a 400, and anything unexpected a 500 that names no
// internals (the detail goes to the log).
#pragma once

#include <string>
#include <vector>

#include "mock/api/envelope.h"
#include "mock/api/router.h"
#include "mock/core/params.h"
#include "mock/http/service.h"
#include "mock/model/task.h"

namespace mock::api {

struct ApiOptions {
  // The envelope's `server` field.
  std::string server_name = "ocp-mock";
  // Error codes as OCP 4.2.2 writes them (COM10001) or as earlier versions do (1001).
  CodeScheme scheme = CodeScheme::kPrefixed;
  // More query parameters than this is a 400, bounding the work one request can cause.
  size_t max_query_params = 1000;
};

class Api : public http::Service {
 public:
  Api(ApiOptions options, std::vector<model::Task> tasks);

  http::Response Handle(const http::Request& request) const override;
  http::Response Reject(const Error& error) const override;

  size_t task_count() const { return tasks_.size(); }

 private:
  http::Response Route(const http::Request& request, const RequestContext& context) const;
  http::Response ListTasks(const QueryParams& params, const RequestContext& context) const;

  ApiOptions options_;
  EnvelopeSettings envelope_;
  std::vector<model::Task> tasks_;
  std::vector<std::string> rendered_;  // BasicTaskInstance JSON of tasks_[i], rendered once
  Router router_;
  mutable TraceIds trace_ids_;
};

}  // namespace mock::api
