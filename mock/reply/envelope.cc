#include "mock/reply/envelope.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <random>

#include "mock/core/log.h"
#include "mock/model/timestamp.h"

namespace mock::api {
namespace {

// A bijection on 64-bit integers (splitmix64's finaliser), so distinct counters give distinct ids.
uint64_t Mix(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

void WriteCommon(JsonWriter& w, const EnvelopeSettings& settings, const RequestContext& context,
                 int status) {
  w.Field("server", settings.server);
  w.Field("status", status);
  w.Field("successful", status < 400);
  w.Field("timestamp", NowTimestamp());
  w.Field("traceId", context.trace_id);
}

void WriteDuration(JsonWriter& w, const RequestContext& context) {
  auto elapsed = std::chrono::steady_clock::now() - context.started;
  w.Field("duration",
          int64_t{std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()});
}

http::Response Finish(int status, const RequestContext& context, rapidjson::StringBuffer& buf) {
  http::Response response;
  response.status = status;
  response.body.assign(buf.GetString(), buf.GetSize());
  response.trace_id = context.trace_id;
  return response;
}

}  // namespace

TraceIds::TraceIds() {
  std::random_device rd;
  seed_ = (static_cast<uint64_t>(rd()) << 32) ^ rd();
}

std::string TraceIds::Next() {
  uint64_t id = Mix(seed_ + counter_.fetch_add(1, std::memory_order_relaxed));
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(id));
  return out;
}

std::string TraceIds::For(const http::Headers& headers) {
  const std::string* sent = http::FindHeader(headers, "x-trace-id");
  if (sent == nullptr) return Next();
  const bool valid = sent->size() == 16 && std::all_of(sent->begin(), sent->end(), [](char c) {
                       return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                     });
  if (valid) return *sent;
  if (LogEnabled(LogLevel::kDebug)) {
    Log(LogLevel::kDebug,
        "x-trace-id '" + Excerpt(*sent) +
            "' is not 16 lowercase hex digits; answering with a trace id of our own");
  }
  return Next();
}

std::string NowTimestamp() {
  auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
  return std::string(model::MakeTimestamp(ms.count()).text());
}

http::Response Success(const EnvelopeSettings& settings, const RequestContext& context,
                       const std::function<void(JsonWriter&)>& write_data) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  if (write_data) {
    w.Key("data");
    write_data(w);
  }
  WriteDuration(w, context);
  WriteCommon(w, settings, context, 200);
  w.EndObject();
  return Finish(200, context, buf);
}

namespace {

http::Response ErrorEnvelope(const EnvelopeSettings& settings, const RequestContext& context,
                             int http_status, const std::variant<int64_t, std::string>& code,
                             const std::string& message) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  WriteDuration(w, context);
  w.Key("error");
  w.StartObject();
  if (const int64_t* numeric = std::get_if<int64_t>(&code)) {
    w.Field("code", *numeric);
  } else {
    w.Field("code", std::get<std::string>(code));
  }
  w.Field("message", message);
  w.EndObject();
  WriteCommon(w, settings, context, http_status);
  w.EndObject();
  return Finish(http_status, context, buf);
}

}  // namespace

http::Response Failure(const EnvelopeSettings& settings, const RequestContext& context,
                       const Status& failure) {
  const ocp::ErrorCatalog& errors = context.Errors(settings);
  return ErrorEnvelope(settings, context, ocp::HttpStatusFor(failure), errors.Lookup(failure).code,
                       errors.Render(failure));
}

http::Response Failure(const EnvelopeSettings& settings, const RequestContext& context,
                       int http_status, const std::string& code, const std::string& message) {
  int64_t numeric = 0;
  auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), numeric);
  const bool digits = !code.empty() && ec == std::errc() && end == code.data() + code.size();
  return ErrorEnvelope(settings, context, http_status,
                       digits ? std::variant<int64_t, std::string>(numeric) : code, message);
}

}  // namespace mock::api
