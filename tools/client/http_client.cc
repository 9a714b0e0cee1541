#include "tools/client/http_client.h"

#include <curl/curl.h>
#include <strings.h>

#include <algorithm>
#include <memory>

namespace contract {
namespace {

size_t OnBody(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

size_t OnHeader(char* data, size_t size, size_t count, void* out) {
  std::string line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t\r\n") + 1);
    (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
  }
  return size * count;
}

ExchangeObserver& Observer() {
  static ExchangeObserver observer;
  return observer;
}

}  // namespace

void SetExchangeObserver(ExchangeObserver observer) { Observer() = std::move(observer); }

HttpClient::HttpClient(std::string base_url, std::optional<std::string> user,
                       std::optional<std::string> password)
    : base_url_(std::move(base_url)), user_(std::move(user)), password_(std::move(password)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

HttpResult HttpClient::Send(const std::string& method, const std::string& target) const {
  return Send(method, target, {}, true);
}

HttpResult HttpClient::Send(const std::string& method, const std::string& target,
                            const std::vector<std::string>& headers, bool with_credentials) const {
  return Perform(method, target, headers, with_credentials, nullptr);
}

HttpResult HttpClient::SendJson(const std::string& method, const std::string& target,
                                const std::string& body) const {
  return Perform(method, target, {"Content-Type: application/json"}, true, &body);
}

HttpResult HttpClient::SendBody(const std::string& method, const std::string& target,
                                const std::string& content_type, const std::string& body) const {
  return Perform(method, target, {"Content-Type: " + content_type}, true, &body);
}

HttpResult HttpClient::Perform(const std::string& method, const std::string& target,
                               const std::vector<std::string>& headers, bool with_credentials,
                               const std::string* body) const {
  HttpResult result;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  const std::string url = base_url_ + target;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method == "HEAD") curl_easy_setopt(curl.get(), CURLOPT_NOBODY, 1L);
  if (body != nullptr) {
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body->data());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body->size()));
  }
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &result.headers);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  // Send the target byte for byte: no normalisation of dot-segments or escapes.
  curl_easy_setopt(curl.get(), CURLOPT_PATH_AS_IS, 1L);
  curl_slist* header_list = nullptr;
  bool has_language = false;
  for (const std::string& h : headers) {
    header_list = curl_slist_append(header_list, h.c_str());
    has_language = has_language || strncasecmp(h.c_str(), "Accept-Language:", 16) == 0;
  }
  if (!language_.empty() && !has_language) {
    header_list = curl_slist_append(header_list, ("Accept-Language: " + language_).c_str());
  }
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> owned(header_list,
                                                                    curl_slist_free_all);
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, header_list);
  if (user_ && with_credentials) {
    curl_easy_setopt(curl.get(), CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl.get(), CURLOPT_USERNAME, user_->c_str());
    curl_easy_setopt(curl.get(), CURLOPT_PASSWORD, password_.value_or("").c_str());
  }
  CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK) {
    result.transport_error = curl_easy_strerror(code);
    return result;
  }
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &result.status);
  if (Observer()) Observer()(Exchange{base_url_, method, target, result});
  return result;
}

}  // namespace contract
