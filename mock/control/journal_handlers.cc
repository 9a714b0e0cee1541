#include "mock/control/journal_handlers.h"

#include <charconv>
#include <limits>
#include <memory>

#include "mock/control/journal_har.h"
#include "mock/core/glob.h"
#include "mock/http/url.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/query/paging.h"
#include "mock/reply/page_json.h"

namespace mock::api {
namespace {

constexpr std::string_view kFilterKeys[] = {"method", "path", "user", "status", "since", "plane"};

template <typename Int>
std::optional<Int> ParseInt(std::string_view s) {
  Int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// One value of `key`, or none; twice is an error (which one would count?).
StatusOr<std::optional<std::string>> One(const QueryParams& params, std::string_view key) {
  std::vector<std::string_view> values = ValuesOf(params, key);
  if (values.empty()) return std::optional<std::string>();
  if (values.size() > 1) {
    return ocp::InvalidParameter(std::string(key), "Give `" + std::string(key) + "` once.");
  }
  return std::optional<std::string>(std::string(values.front()));
}

Status CheckKeys(const QueryParams& params, bool paged) {
  for (const auto& [key, value] : params) {
    bool known = paged && (key == "page" || key == "size");
    for (std::string_view k : kFilterKeys) known = known || key == k;
    if (!known) {
      return ocp::InvalidParameter(
          Excerpt(key), "The journal filters by method, path, user, status, since and plane" +
                            std::string(paged ? ", and pages with page and size." : "."));
    }
  }
  return {};
}

Status CheckGlob(const std::string& glob) {
  if (auto problem = GlobProblem(glob)) {
    return ocp::InvalidParameter("path", "'" + Excerpt(glob) + "' " + *problem + ".");
  }
  return {};
}

StatusOr<int64_t> ParseSince(const std::string& since) {
  if (auto ms = ParseInt<int64_t>(since)) return *ms;
  if (auto t = model::ParseTimestamp(since)) return t->epoch_ms;
  return ocp::InvalidParameter("since", "'" + Excerpt(since) +
                                            "' is neither epoch milliseconds nor an ISO-8601 time "
                                            "with an offset (2026-12-01T10:00:00.000+08:00).");
}

void WriteEntry(json::JsonWriter& w, const journal::Entry& e) {
  w.StartObject();
  if (!e.access_key.empty()) w.Field("accessKey", e.access_key);
  w.Field("bodyBytes", e.body_bytes);
  w.Field("contentType", e.content_type);
  w.Field("durationMicros", e.duration_us);
  if (!e.error_code.empty()) w.Field("errorCode", e.error_code);
  if (e.fault_rule != 0) {
    w.Key("fault");
    w.StartObject();
    w.Field("action", e.fault);
    w.Field("rule", e.fault_rule);
    w.EndObject();
  }
  w.Field("method", e.method);
  const QueryParams params = DecodedQuery(e);
  w.Key("params");
  w.StartObject();
  for (auto it = params.begin(); it != params.end();) {
    w.Key(it->first.c_str(), static_cast<rapidjson::SizeType>(it->first.size()));
    w.StartArray();
    auto [first, last] = params.equal_range(it->first);
    for (auto v = first; v != last; ++v) w.String(v->second);
    w.EndArray();
    it = last;
  }
  w.EndObject();
  w.Field("path", e.path);
  w.Field("plane", e.control ? "control" : "ocp");
  w.Field("query", e.query);
  w.Field("sequence", e.sequence);
  w.Field("status", e.status);
  w.Field("time", model::MakeTimestamp(e.epoch_ms).text());
  w.Field("traceId", e.trace_id);
  w.Field("truncated", e.truncated);
  w.Field("user", e.user);
  w.EndObject();
}

}  // namespace

StatusOr<journal::Filter> ParseJournalFilter(const QueryParams& params, bool paged) {
  if (Status keys = CheckKeys(params, paged); !keys.ok()) return keys;
  journal::Filter f;
  for (auto [key, target] : {std::pair{"method", &f.method}, std::pair{"path", &f.path_glob},
                             std::pair{"user", &f.user}}) {
    auto value = One(params, key);
    if (!value.ok()) return value.status();
    *target = value.value();
  }
  if (f.path_glob) {
    if (Status glob = CheckGlob(*f.path_glob); !glob.ok()) return glob;
  }
  auto status = One(params, "status");
  if (!status.ok()) return status.status();
  if (status.value()) {
    auto code = ParseInt<int>(*status.value());
    if (!code || *code < 100 || *code > 599) {
      return ocp::InvalidParameter(
          "status", "'" + Excerpt(*status.value()) + "' is not an HTTP status (100 to 599).");
    }
    f.status = *code;
  }
  auto since = One(params, "since");
  if (!since.ok()) return since.status();
  if (since.value()) {
    auto ms = ParseSince(*since.value());
    if (!ms.ok()) return ms.status();
    f.since_ms = ms.value();
  }
  auto plane = One(params, "plane");
  if (!plane.ok()) return plane.status();
  if (plane.value()) {
    const std::string& p = *plane.value();
    if (p == "control") {
      f.plane = journal::Plane::kControl;
    } else if (p == "all") {
      f.plane = journal::Plane::kAll;
    } else if (p != "ocp") {
      return ocp::InvalidParameter("plane",
                                   "'" + Excerpt(p) +
                                       "' is not a plane: ocp (the default: what clients sent), "
                                       "control (the changes tests made under /__mock/) or all.");
    }
  }
  return f;
}

QueryParams DecodedQuery(const journal::Entry& e) {
  // Decoded here rather than kept (journal.h); a query cut at the bound has none.
  if (e.truncated) return {};
  auto decoded = http::ParseQuery(e.query);
  return decoded.ok() ? std::move(decoded).value() : QueryParams{};
}

StatusOr<Reply> JournalHandlers::List(const http::Request& request) const {
  auto format = One(request.query, "format");
  if (!format.ok()) return format.status();
  if (format.value() && *format.value() != "json") {
    if (*format.value() == "har") return Har(request);
    return ocp::InvalidParameter("format", "'" + Excerpt(*format.value()) +
                                               "' is not a format of the journal: json or har.");
  }
  QueryParams params = request.query;
  params.erase("format");
  auto filter = ParseJournalFilter(params, true);
  if (!filter.ok()) return filter.status();
  const query::PageRequest page =
      query::ResolvePage(ValuesOf(params, "page"), ValuesOf(params, "size"));
  auto found =
      std::make_shared<const journal::Page>(journal_.List(filter.value(), page.number, page.size));
  return Reply{[found, page](json::JsonWriter& w) {
    w.StartObject();
    w.Key("contents");
    w.StartArray();
    for (const journal::Entry& e : found->entries) WriteEntry(w, e);
    w.EndArray();
    w.Field("dropped", found->dropped);
    WritePage(w, page, found->total);
    w.EndObject();
  }};
}

StatusOr<Reply> JournalHandlers::Har(const http::Request& request) const {
  auto format = One(request.query, "format");  // har (from List), or none (.har)
  if (!format.ok()) return format.status();
  if (format.value() && *format.value() != "har") {
    return ocp::InvalidParameter("format", "'" + Excerpt(*format.value()) +
                                               "': GET /__mock/requests.har answers HAR alone; "
                                               "GET /__mock/requests answers JSON.");
  }
  QueryParams params = request.query;
  params.erase("format");
  auto filter = ParseJournalFilter(params, false);
  if (!filter.ok()) return filter.status();
  // Every matching entry: a HAR file is the whole recording, not a page of it.
  const journal::Page all = journal_.List(filter.value(), 1, std::numeric_limits<int32_t>::max());
  return Reply{
      .write_data = {},
      .bare_body = JournalHar(all.entries, all.dropped, {.origin = HarOrigin(request.headers)}),
      .content_type = "application/json"};
}

StatusOr<Reply> JournalHandlers::Count(const QueryParams& params) const {
  auto filter = ParseJournalFilter(params, false);
  if (!filter.ok()) return filter.status();
  return Reply{[n = journal_.Count(filter.value())](json::JsonWriter& w) {
    w.StartObject();
    w.Field("count", n);
    w.EndObject();
  }};
}

StatusOr<Reply> JournalHandlers::Clear() const {
  return Reply{[n = journal_.Clear()](json::JsonWriter& w) {
    w.StartObject();
    w.Field("cleared", n);
    w.EndObject();
  }};
}

}  // namespace mock::api
