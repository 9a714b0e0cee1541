// A minimal HTTP client over libcurl for the contract suite.
//
//   HttpClient client("http://127.0.0.1:8080", user, password);
//   HttpResult r = client.Send("GET", "/api/v2/tasks/instances?page=2");
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace contract {

struct HttpResult {
  long status = 0;                             // 0 when the request failed at transport level
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string transport_error;  // libcurl's message when status == 0
};

// One request and its answer, as an exchange observer sees it.
struct Exchange {
  const std::string& base_url;
  const std::string& method;
  const std::string& target;
  const HttpResult& result;
};
using ExchangeObserver = std::function<void(const Exchange&)>;

// Every HttpClient of the process calls `observer` after each exchange that got an answer: the
// contract suite's reading of a validation proxy's verdicts (contract_tests/support/
// proxy_check.h). Empty: none. Set it before requests are sent, as it is read without a lock;
// the observer is called from whichever thread sent the request.
void SetExchangeObserver(ExchangeObserver observer);

class HttpClient {
 public:
  // With a user, every request carries HTTP Basic credentials.
  HttpClient(std::string base_url, std::optional<std::string> user,
             std::optional<std::string> password);

  // `target` is sent as written (already percent-encoded), appended to the base URL.
  HttpResult Send(const std::string& method, const std::string& target) const;

  // The same with extra "Name: value" header lines, and optionally without the credentials.
  HttpResult Send(const std::string& method, const std::string& target,
                  const std::vector<std::string>& headers, bool with_credentials) const;

  // A request with a JSON body (Content-Type: application/json), with the credentials.
  HttpResult SendJson(const std::string& method, const std::string& target,
                      const std::string& body) const;
  // A request with `body` ("" sends Content-Length: 0) of `content_type`, with the credentials.
  HttpResult SendBody(const std::string& method, const std::string& target,
                      const std::string& content_type, const std::string& body) const;

  const std::string& base_url() const { return base_url_; }

  // Every request says `Accept-Language: language` (OCP's documented header), unless its own
  // headers name one; "" sends none. A real OCP answers in its default language without it, on
  // many installations Chinese (docs/reference/real-server-behaviour.md).
  void set_language(std::string language) { language_ = std::move(language); }
  const std::string& language() const { return language_; }

 private:
  std::string base_url_;
  std::optional<std::string> user_;
  std::optional<std::string> password_;
  std::string language_ = "en-US";

  HttpResult Perform(const std::string& method, const std::string& target,
                     const std::vector<std::string>& headers, bool with_credentials,
                     const std::string* body) const;
};

}  // namespace contract
