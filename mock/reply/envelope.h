// OCP's response envelope. Every response body the mock sends is built here, so there is one
// success shape and one error shape:
//   {"data":…, "duration":ms, "server":…, "status":200, "successful":true,
//    "timestamp":"2026-11-27T05:30:27.270+00:00", "traceId":"16 hex digits"}
//   {"duration":…, "error":{"code":…, "message":…}, "server":…, "status":400,
//    "successful":false, "timestamp":…, "traceId":…}
// Keys are in alphabetical order, as in OCP's documented samples; null fields are omitted.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "mock/core/status.h"
#include "mock/http/message.h"
#include "mock/json/json_writer.h"
#include "mock/ocp/error_catalog.h"

namespace mock::api {

using json::JsonWriter;

struct EnvelopeSettings {
  std::string server;        // the envelope's `server`
  ocp::ErrorCatalog errors;  // the OCP version's codes and messages
};

// Per-request facts that end up in the envelope.
struct RequestContext {
  std::string trace_id;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  // The catalogue errors are written from when it is not the settings' (the language quirk).
  const ocp::ErrorCatalog* errors = nullptr;

  const ocp::ErrorCatalog& Errors(const EnvelopeSettings& settings) const {
    return errors != nullptr ? *errors : settings.errors;
  }
};

// 16 lowercase hex digits, unique per generator for 2^64 calls, unpredictable across runs.
class TraceIds {
 public:
  TraceIds();
  std::string Next();
  // The request's `x-trace-id` when it is a trace id (16 lowercase hex digits, the form OCP's
  // envelope documents), as OCP echoes it; else Next(). Real OCP echoes any value; the mock
  // keeps its envelope within the documented form, and logs the refusal at debug level.
  std::string For(const http::Headers& headers);

 private:
  uint64_t seed_;
  std::atomic<uint64_t> counter_{0};
};

// "2026-11-27T13:30:27.270+08:00": now, in the machine's time zone, with milliseconds.
std::string NowTimestamp();

// A 200 whose `data` is written by `write_data` (which must write exactly one JSON value), or
// without `data` when `write_data` is empty (as OCP answers skip and cancel).
http::Response Success(const EnvelopeSettings& settings, const RequestContext& context,
                       const std::function<void(JsonWriter&)>& write_data);

// The error envelope for `failure`: the HTTP status ocp::HttpStatusFor gives, the code and
// message of its OCP error kind in the version's catalogue.
http::Response Failure(const EnvelopeSettings& settings, const RequestContext& context,
                       const Status& failure);

// An error envelope with `http_status`, `code` (written as a number when it is all digits, as
// OCP wrote codes before 4.2.2) and `message` given as they are (fault rules).
http::Response Failure(const EnvelopeSettings& settings, const RequestContext& context,
                       int http_status, const std::string& code, const std::string& message);

}  // namespace mock::api
