#include "mock/control/journal_har.h"

#include <cctype>
#include <string_view>

#include "mock/control/journal_handlers.h"
#include "mock/json/json_writer.h"
#include "mock/model/timestamp.h"

#ifndef OCPMOCK_VERSION
#error "mock/CMakeLists.txt sets OCPMOCK_VERSION for this file"
#endif

namespace mock::api {
namespace {

// What the journal cannot say, in HAR's own words for "unknown": -1 for a size (HAR 1.2's
// headersSize and bodySize), "x-unknown" for a media type (what Chrome's HAR export writes, and
// its import skips).
constexpr int kUnknownSize = -1;
constexpr std::string_view kUnknownType = "x-unknown";
// The journal keeps no protocol version, and Pistache answers in the request's own (HTTP/1.0 to
// `curl -0`, HTTP/1.1 to the rest), so HAR's httpVersion is left empty rather than guessed.
constexpr std::string_view kHttpVersion{};

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// RFC 3986's unreserved and sub-delims, and ':' '@': what a path segment or a query may hold as
// it is; `extra` adds '/' (paths) or "/?" (queries).
bool Plain(char c, std::string_view extra) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) != 0 ||
         std::string_view("-._~!$&'()*+,;=:@").find(c) != std::string_view::npos ||
         extra.find(c) != std::string_view::npos;
}

// `text` with every byte a URL may not hold as it is percent-encoded. With `keep_escapes`, a '%'
// followed by two hex digits stays an escape (the query, kept as sent); any other '%' is encoded
// (the decoded path, or a query cut in the middle of an escape).
void AppendEncoded(std::string& out, std::string_view text, std::string_view extra,
                   bool keep_escapes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool escape =
        keep_escapes && c == '%' && i + 2 < text.size() && IsHex(text[i + 1]) && IsHex(text[i + 2]);
    if (Plain(c, extra) || escape) {
      out += c;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    out += '%';
    out += kHex[u >> 4];
    out += kHex[u & 0xF];
  }
}

std::string Url(const journal::Entry& e, const HarContext& context) {
  std::string url = context.origin;
  AppendEncoded(url, e.path, "/", false);
  if (!e.query.empty()) {
    url += '?';
    AppendEncoded(url, e.query, "/?", true);
  }
  return url;
}

void WriteNameValue(json::JsonWriter& w, std::string_view name, std::string_view value) {
  w.StartObject();
  w.Field("name", name);
  w.Field("value", value);
  w.EndObject();
}

void WriteRequest(json::JsonWriter& w, const journal::Entry& e, const HarContext& context) {
  w.Key("request");
  w.StartObject();
  w.Field("method", e.method);
  w.Field("url", Url(e, context));
  w.Field("httpVersion", kHttpVersion);
  w.Key("cookies");  // never kept: Cookie is a credential
  w.StartArray();
  w.EndArray();
  w.Key("headers");  // of the request's headers, the journal keeps Content-Type alone
  w.StartArray();
  if (!e.content_type.empty()) WriteNameValue(w, "Content-Type", e.content_type);
  w.EndArray();
  w.Key("queryString");
  w.StartArray();
  for (const auto& [name, value] : DecodedQuery(e)) WriteNameValue(w, name, value);
  w.EndArray();
  w.Field("headersSize", kUnknownSize);
  w.Field("bodySize", e.body_bytes);  // kept; its bytes are not, so there is no postData
  w.EndObject();
}

void WriteResponse(json::JsonWriter& w, const journal::Entry& e) {
  w.Key("response");
  w.StartObject();
  w.Field("status", e.status);
  w.Field("statusText", ReasonPhrase(e.status));
  w.Field("httpVersion", kHttpVersion);
  w.Key("cookies");
  w.StartArray();
  w.EndArray();
  w.Key("headers");  // the journal keeps none of the response's
  w.StartArray();
  w.EndArray();
  w.Key("content");
  w.StartObject();
  w.Field("size", kUnknownSize);
  w.Field("mimeType", kUnknownType);
  w.EndObject();
  w.Field("redirectURL", "");
  w.Field("headersSize", kUnknownSize);
  w.Field("bodySize", kUnknownSize);
  w.EndObject();
}

// The journal's own fields HAR has no member for, as the journal JSON names them (custom fields
// start with '_' in HAR 1.2).
void WriteCustomFields(json::JsonWriter& w, const journal::Entry& e) {
  w.Field("_sequence", e.sequence);
  w.Field("_user", e.user);
  if (!e.access_key.empty()) w.Field("_accessKey", e.access_key);
  if (!e.error_code.empty()) w.Field("_errorCode", e.error_code);
  w.Field("_traceId", e.trace_id);
  w.Field("_truncated", e.truncated);
  if (e.fault_rule != 0) {
    w.Key("_fault");
    w.StartObject();
    w.Field("action", e.fault);
    w.Field("rule", e.fault_rule);
    w.EndObject();
  }
}

void WriteEntry(json::JsonWriter& w, const journal::Entry& e, const HarContext& context) {
  // The journal times the mock's handling of the request, from its arrival to its answer: to
  // HAR that is all waiting for the server.
  const double ms = static_cast<double>(e.duration_us) / 1000.0;
  w.StartObject();
  w.Field("startedDateTime", model::MakeTimestamp(e.epoch_ms).text());
  w.Field("time", ms);
  WriteRequest(w, e, context);
  WriteResponse(w, e);
  w.Key("cache");
  w.StartObject();
  w.EndObject();
  w.Key("timings");
  w.StartObject();
  w.Field("send", 0);
  w.Field("wait", ms);
  w.Field("receive", 0);
  w.EndObject();
  WriteCustomFields(w, e);
  w.EndObject();
}

// A host name, an IPv4 address or a bracketed IPv6 one, and a port: RFC 3986's reg-name and
// IP-literal characters, no '/', '?', '#', '@' or space.
bool PlainHost(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  for (char c : host) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) == 0 && std::string_view("-._~:[]").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 411:
      return "Length Required";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 417:
      return "Expectation Failed";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

std::string HarOrigin(const http::Headers& headers) {
  const std::string* host = http::FindHeader(headers, "Host");
  return "http://" + (host != nullptr && PlainHost(*host) ? *host : std::string("localhost"));
}

std::string JournalHar(const std::vector<journal::Entry>& entries, uint64_t dropped,
                       const HarContext& context) {
  rapidjson::StringBuffer buffer;
  json::JsonWriter w(buffer);
  w.StartObject();
  w.Key("log");
  w.StartObject();
  w.Field("version", "1.2");
  w.Key("creator");
  w.StartObject();
  w.Field("name", "ocp-mock");
  w.Field("version", OCPMOCK_VERSION);
  w.EndObject();
  w.Key("pages");  // none; Chrome's import reads the member whether or not HAR requires it
  w.StartArray();
  w.EndArray();
  w.Key("entries");
  w.StartArray();
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) WriteEntry(w, *it, context);
  w.EndArray();
  w.Field("comment",
          "ocp-mock's request journal: no credentials, no bodies, no response headers (the "
          "journal keeps none of them)");
  w.Field("_dropped", dropped);
  w.EndObject();
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace mock::api
