#include "mock/http/message.h"

#include <strings.h>

#include "mock/http/url.h"

namespace mock::http {

StatusOr<Request> MakeRequest(std::string method, std::string target, Headers headers,
                              std::string body, size_t max_query_params, Undecodable undecodable) {
  auto parsed = ParseTarget(target, max_query_params, undecodable);
  if (!parsed.ok()) return parsed.status();
  Request request;
  request.method = std::move(method);
  request.target = std::move(target);
  request.path = std::move(parsed.value().path);
  request.query = std::move(parsed.value().query);
  request.headers = std::move(headers);
  request.body = std::move(body);
  return request;
}

const std::string* FindHeader(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0) {
      return &value;
    }
  }
  return nullptr;
}

}  // namespace mock::http
