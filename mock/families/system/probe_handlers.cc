#include "mock/families/system/probe_handlers.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"

namespace mock::api {
namespace {

Reply Text(std::string body) {
  Reply reply;
  reply.bare_body = std::move(body);
  reply.content_type = "text/plain";
  return reply;
}

bool IsSpringBoolean(std::string value) {
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  constexpr std::array<std::string_view, 8> kWords = {"true", "false", "on", "off",
                                                      "yes",  "no",    "1",  "0"};
  return std::find(kWords.begin(), kWords.end(), value) != kWords.end();
}

}  // namespace

StatusOr<Reply> ProbeHandlers::Health() const {
  const double uptime =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  return Reply{[version = ocp_version_, quirks = quirks_, tasks = store_.size(),
                uptime](json::JsonWriter& w) {
    w.StartObject();
    w.Field("ocpVersion", version);
    w.Key("quirks");
    w.StartArray();
    for (const std::string& q : quirks) w.Scalar(q);
    w.EndArray();
    w.Field("ready", true);
    w.Field("tasks", tasks);
    w.Field("uptimeSeconds", uptime);
    w.EndObject();
  }};
}

StatusOr<Reply> ProbeHandlers::Time() const {
  return Text(std::string(model::MakeTimestamp(clock_.NowMs()).text()));
}

StatusOr<Reply> ProbeHandlers::Info() const {
  rapidjson::StringBuffer buffer;
  json::JsonWriter w(buffer);
  w.StartObject();  // keys in alphabetical order, as OCP writes them
  for (const auto& [key, value] : {std::pair<const char*, std::string>{"artifact", "ocp-server"},
                                   {"buildJavaVersion", "1.8"},
                                   {"buildTime", "2024-01-01T00:00:00.000+08:00"},
                                   {"buildVersion", ocp_version_ + "_20240101"},
                                   {"group", "com.oceanbase"},
                                   {"name", "ocp-server"},
                                   {"springBootVersion", "2.2.5.RELEASE"}}) {
    w.Field(key, value);
  }
  w.EndObject();
  Reply reply;
  reply.bare_body = std::string(buffer.GetString(), buffer.GetSize());
  return reply;
}

StatusOr<Reply> ProbeHandlers::ApiStatus(const QueryParams& params) const {
  for (std::string_view value : ValuesOf(params, "includeUnavailableComponent")) {
    if (!IsSpringBoolean(std::string(value))) {
      return ocp::InvalidParameter("includeUnavailableComponent",
                                   "'" + Excerpt(value) + "' is not a boolean (true or false).");
    }
  }
  return Text("okay");
}

}  // namespace mock::api
