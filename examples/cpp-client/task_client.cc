#include "task_client.h"

#include <curl/curl.h>
#include <rapidjson/document.h>

#include <memory>

namespace example {
namespace {

size_t Append(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

// `data.status` of OCP's task detail envelope.
std::optional<std::string> TaskStatusOf(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("data")) return std::nullopt;
  const rapidjson::Value& data = doc["data"];
  if (!data.IsObject() || !data.HasMember("status") || !data["status"].IsString()) {
    return std::nullopt;
  }
  return std::string(data["status"].GetString());
}

}  // namespace

TaskClient::TaskClient(std::string base_url, std::string user, std::string password)
    : base_url_(std::move(base_url)), credentials_(user + ":" + password) {}

HttpAnswer TaskClient::Send(const std::string& method, const std::string& target,
                            const std::string& body) const {
  HttpAnswer answer;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  const std::string url = base_url_ + target;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_USERPWD, credentials_.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, Append);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  if (!body.empty()) {
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
  }
  if (curl_easy_perform(curl.get()) == CURLE_OK) {
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &answer.status);
  } else {
    answer = {};
  }
  curl_slist_free_all(headers);
  return answer;
}

bool TaskClient::Retry(long long task_id) {
  return Send("POST", "/api/v2/tasks/instances/" + std::to_string(task_id) + "/retry").status ==
         200;
}

std::optional<std::string> TaskClient::Status(long long task_id, int attempts) {
  for (int i = 0; i < attempts; ++i) {
    HttpAnswer a = Send("GET", "/api/v2/tasks/instances/" + std::to_string(task_id));
    if (a.status == 200) return TaskStatusOf(a.body);
    if (a.status != 0 && a.status < 500) return std::nullopt;  // not transient: give up
  }
  return std::nullopt;
}

std::optional<std::string> TaskClient::WaitDone(long long task_id,
                                                const std::function<void()>& between_polls,
                                                int max_polls) {
  for (int i = 0; i < max_polls; ++i) {
    std::optional<std::string> status = Status(task_id);
    if (!status) return std::nullopt;
    if (*status != "RUNNING") return status;
    between_polls();
  }
  return std::nullopt;
}

}  // namespace example
