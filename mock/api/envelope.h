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

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/api/task_json.h"
#include "mock/core/error.h"
#include "mock/core/error_catalog.h"
#include "mock/http/message.h"

namespace mock::api {

struct EnvelopeSettings {
  std::string server;   // the envelope's `server`
  ErrorCatalog errors;  // the OCP version's codes and messages
};

// Per-request facts that end up in the envelope.
struct RequestContext {
  std::string trace_id;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// 16 lowercase hex digits, unique per generator for 2^64 calls, unpredictable across runs.
class TraceIds {
 public:
  TraceIds();
  std::string Next();

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

// The error envelope for `error`, with the status HttpStatusFor(error.kind).
http::Response Failure(const EnvelopeSettings& settings, const RequestContext& context,
                       const Error& error);

}  // namespace mock::api
