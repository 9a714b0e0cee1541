#include "contract_tests/support/breaking_proxy.h"

#include <curl/curl.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

#include "contract_tests/support/flow_breakages.h"
#include "contract_tests/support/monitor_breakages.h"
#include "contract_tests/support/topology_breakages.h"
#include "mock/core/log.h"
#include "mock/http/server.h"
#include "mock/http/service.h"
#include "mock/http/url.h"

namespace contract {
namespace {

namespace http = mock::http;

size_t Append(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

// The target without every `status=` parameter.
std::string WithoutStatus(const std::string& target) {
  const size_t q = target.find('?');
  if (q == std::string::npos) return target;
  std::string out = target.substr(0, q + 1);
  std::string_view rest = std::string_view(target).substr(q + 1);
  while (!rest.empty()) {
    const std::string_view pair = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    if (pair.rfind("status=", 0) == 0) continue;
    out += std::string(pair) + "&";
  }
  return out;
}

// The target without any `key=` parameter (and with a '?' to append to).
std::string WithoutParam(const std::string& target, const std::string& key) {
  const size_t q = target.find('?');
  std::string out = target.substr(0, q) + "?";
  if (q == std::string::npos) return out;
  std::string_view rest = std::string_view(target).substr(q + 1);
  while (!rest.empty()) {
    const std::string_view pair = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    if (pair.empty() || pair.rfind(key + "=", 0) == 0) continue;
    out += (out.back() == '?' ? "" : "&") + std::string(pair);
  }
  return out;
}

// The page asked for, as Spring reads it (1 when absent or not a positive number).
int64_t PageAsked(const mock::QueryParams& query) {
  const auto it = query.find("page");
  if (it == query.end()) return 1;
  try {
    const int64_t n = std::stoll(it->second);
    return n >= 1 && n < 1000000 ? n : 1;
  } catch (const std::exception&) {
    return 1;
  }
}

// Keeps the rows of data.contents that `keep`, with page.totalElements their number (right for
// the single whole pages the checks ask for).
void KeepRows(rapidjson::Value& data, const std::function<bool(const rapidjson::Value&)>& keep) {
  if (!data.HasMember("contents") || !data["contents"].IsArray()) return;
  auto& rows = data["contents"];
  for (auto it = rows.Begin(); it != rows.End();) {
    it = keep(*it) ? it + 1 : rows.Erase(it);
  }
  if (data.HasMember("page")) data["page"]["totalElements"].SetInt64(rows.Size());
}

void EachTask(rapidjson::Value& data, const std::function<void(rapidjson::Value&)>& f) {
  if (data.IsObject() && data.HasMember("contents") && data["contents"].IsArray()) {
    for (auto& t : data["contents"].GetArray()) f(t);
  }
}

class Proxy : public http::Service {
 public:
  Proxy(std::string upstream, Breakage breakage)
      : upstream_(std::move(upstream)), breakage_(breakage) {}

  http::Response Handle(const http::Request& request) const override {
    std::string target = request.target;
    const bool tenants =
        request.path == "/api/v2/ob/tenants" ||
        (request.path.starts_with("/api/v2/ob/clusters/") && request.path.ends_with("/tenants"));
    if (breakage_ == Breakage::kStatusFilterIgnored ||
        (breakage_ == Breakage::kTenantStatusFilterIgnored && tenants)) {
      target = WithoutStatus(target);
    }
    if (breakage_ == Breakage::kNoTasksById && request.path.starts_with("/api/v2/tasks/") &&
        request.path.find_first_not_of("0123456789", 14) == std::string::npos) {
      target = "/api/v2/no-such-path";
    }
    const bool hosts = request.path == "/api/v2/compute/hosts";
    int64_t asked_page = 1;
    if (breakage_ == Breakage::kHostsPageShifted && hosts && request.query.count("page") != 0) {
      asked_page = PageAsked(request.query);
      target = WithoutParam(target, "page") + "&page=" + std::to_string(asked_page + 1);
    }
    http::Headers headers = request.headers;
    if (breakage_ == Breakage::kNoAuthentication && !http::FindHeader(headers, "Authorization")) {
      headers.emplace_back("Authorization", "Basic YWRtaW46QWRtaW5AMTIz");  // admin:Admin@123
    }
    target = BreakFlowRequest(breakage_, request, target);
    target = BreakTopologyRequest(breakage_, request, target);
    target = BreakMonitorRequest(breakage_, request, target);
    http::Response r = Forward(request.method, target, headers, request.body);
    Break(r);
    BreakForRequest(request, asked_page, r);
    BreakFlowAnswer(breakage_, request, r);
    BreakTopologyAnswer(breakage_, request, r);
    BreakMonitorAnswer(breakage_, request, r);
    return r;
  }

  http::Response Reject(const mock::Status& status) const override {
    http::Response r;
    r.status = 400;
    r.body = status.message();
    return r;
  }

 private:
  http::Response Forward(const std::string& method, const std::string& target,
                         const http::Headers& headers, const std::string& body) const {
    http::Response r;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    const std::string url = upstream_ + target;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_PATH_AS_IS, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, Append);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &r.body);
    if (!body.empty() || method == "POST" || method == "PUT") {  // the body as sent, even empty
      curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.data());
      curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    }
    curl_slist* list = nullptr;
    for (const auto& [name, value] : headers) {
      if (name == "Host" || name == "Content-Length") continue;
      list = curl_slist_append(list, (name + ": " + value).c_str());
    }
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, list);
    long status = 502;
    if (curl_easy_perform(curl.get()) == CURLE_OK) {
      curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
      char* type = nullptr;
      curl_easy_getinfo(curl.get(), CURLINFO_CONTENT_TYPE, &type);
      if (type != nullptr) r.content_type = type;
    }
    curl_slist_free_all(list);
    r.status = static_cast<int>(status);
    return r;
  }

  // The breakages that depend on what was asked: a page, a keyword.
  void BreakForRequest(const http::Request& request, int64_t asked_page, http::Response& r) const {
    rapidjson::Document doc;
    doc.Parse(r.body.c_str(), r.body.size());
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("data") ||
        !doc["data"].IsObject()) {
      return;
    }
    rapidjson::Value& data = doc["data"];
    const auto name = request.query.find("name");
    auto cluster_name = request.query.find("clusterName");
    if (cluster_name == request.query.end()) cluster_name = request.query.find("cluterName");
    switch (breakage_) {
      case Breakage::kHostsPageShifted:
        if (request.path != "/api/v2/compute/hosts" || !data.HasMember("page")) return;
        data["page"]["number"].SetInt64(asked_page);
        break;
      case Breakage::kClusterNameCaseSensitive:
        if (request.path != "/api/v2/ob/clusters" || name == request.query.end()) return;
        KeepRows(data, [&](const rapidjson::Value& row) {
          return std::string(row["name"].GetString()).find(name->second) != std::string::npos;
        });
        break;
      case Breakage::kTaskClusterNameExact:
        if (request.path != "/api/v2/tasks/instances" || cluster_name == request.query.end()) {
          return;
        }
        KeepRows(data, [&](const rapidjson::Value& row) {
          return row.HasMember("cluster") && row["cluster"].IsObject() &&
                 row["cluster"]["name"] == cluster_name->second.c_str();
        });
        break;
      case Breakage::kDetailStatusDiffers:
        if (!data.HasMember("subtasks") || !data.HasMember("status")) return;
        data["status"].SetString(rapidjson::StringRef(
            std::string_view(data["status"].GetString()) == "SUCCESSFUL" ? "FAILED"
                                                                         : "SUCCESSFUL"));
        break;
      default:
        return;
    }
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    doc.Accept(w);
    r.body = buf.GetString();
  }

  void Break(http::Response& r) const {
    rapidjson::Document doc;
    doc.Parse(r.body.c_str(), r.body.size());
    if (doc.HasParseError() || !doc.IsObject()) return;
    auto& a = doc.GetAllocator();
    const bool error = doc.HasMember("error") && doc["error"].IsObject();
    rapidjson::Value* data = doc.HasMember("data") ? &doc["data"] : nullptr;
    const bool detail = data != nullptr && data->IsObject() && data->HasMember("subtasks");
    switch (breakage_) {
      case Breakage::kZeroBasedPageNumber:
        if (data != nullptr && data->IsObject() && data->HasMember("page")) {
          auto& n = (*data)["page"]["number"];
          n.SetInt64(n.GetInt64() - 1);
        }
        break;
      case Breakage::kTotalsOffByOne:
        if (data != nullptr && data->IsObject() && data->HasMember("page")) {
          auto& n = (*data)["page"]["totalElements"];
          n.SetInt64(n.GetInt64() + 1);
        }
        break;
      case Breakage::kTaskStatusMissing:
        if (data != nullptr) EachTask(*data, [](rapidjson::Value& t) { t.RemoveMember("status"); });
        break;
      case Breakage::kIdsAsStrings:
        if (data != nullptr) {
          EachTask(*data, [&a](rapidjson::Value& t) {
            // Rows without an integer id (a metric series' groups, issue #28) stay as they are.
            if (!t.IsObject() || !t.HasMember("id") || !t["id"].IsInt64()) return;
            const std::string id = std::to_string(t["id"].GetInt64());
            t["id"].SetString(id.c_str(), static_cast<rapidjson::SizeType>(id.size()), a);
          });
        }
        break;
      case Breakage::kErrorCodeChanged:
        if (error) doc["error"]["code"].SetInt(99999);
        break;
      case Breakage::kErrorsAre500:
        if (error && r.status >= 400 && r.status < 500) {
          r.status = 500;
          doc["status"].SetInt(500);
        }
        break;
      case Breakage::kDetailNameDiffers:
        if (detail) (*data)["name"].SetString("renamed by the proxy");
        break;
      default:
        return;  // broken on the way in, by BreakForRequest, or by BreakFlowAnswer
    }
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    doc.Accept(w);
    r.body = buf.GetString();
  }

  std::string upstream_;
  Breakage breakage_;
};

}  // namespace

std::string_view BreakageName(Breakage b) {
  switch (b) {
    case Breakage::kZeroBasedPageNumber:
      return "ZeroBasedPageNumber";
    case Breakage::kTotalsOffByOne:
      return "TotalsOffByOne";
    case Breakage::kStatusFilterIgnored:
      return "StatusFilterIgnored";
    case Breakage::kTaskStatusMissing:
      return "TaskStatusMissing";
    case Breakage::kIdsAsStrings:
      return "IdsAsStrings";
    case Breakage::kErrorCodeChanged:
      return "ErrorCodeChanged";
    case Breakage::kErrorsAre500:
      return "ErrorsAre500";
    case Breakage::kNoAuthentication:
      return "NoAuthentication";
    case Breakage::kDetailNameDiffers:
      return "DetailNameDiffers";
    case Breakage::kTenantStatusFilterIgnored:
      return "TenantStatusFilterIgnored";
    case Breakage::kHostsPageShifted:
      return "HostsPageShifted";
    case Breakage::kClusterNameCaseSensitive:
      return "ClusterNameCaseSensitive";
    case Breakage::kTaskClusterNameExact:
      return "TaskClusterNameExact";
    case Breakage::kDetailStatusDiffers:
      return "DetailStatusDiffers";
    case Breakage::kNoTasksById:
      return "NoTasksById";
    default:
      if (FlowBreakageName(b) != "?") return FlowBreakageName(b);
      return TopologyBreakageName(b) != "?" ? TopologyBreakageName(b) : MonitorBreakageName(b);
  }
}

struct BreakingProxy::Impl {
  Proxy proxy;
  http::HttpServer server;
  Impl(std::string upstream, Breakage b)
      : proxy(std::move(upstream), b), server(http::ServerOptions{.port = 0}, proxy) {}
};

BreakingProxy::BreakingProxy(std::string upstream, Breakage breakage)
    : impl_(std::make_unique<Impl>(std::move(upstream), breakage)) {
  mock::SetLogLevel(mock::LogLevel::kWarn);  // no access log line per proxied request
  auto port = impl_->server.Start();
  if (!port.ok()) throw std::runtime_error(port.status().message());
  base_url_ = "http://127.0.0.1:" + std::to_string(port.value());
}

BreakingProxy::~BreakingProxy() { impl_->server.Shutdown(); }

}  // namespace contract
