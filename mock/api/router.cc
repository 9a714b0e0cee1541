#include "mock/api/router.h"

namespace mock::api {
namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  while (!path.empty() || !segments.empty()) {
    size_t slash = path.find('/');
    segments.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsParam(const std::string& s) { return s.size() >= 2 && s.front() == '{' && s.back() == '}'; }

bool PathMatches(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                 std::vector<std::string>* params) {
  if (pattern.size() != path.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (IsParam(pattern[i])) {
      if (path[i].empty()) return false;
      if (params != nullptr) params->push_back(path[i]);
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

void Router::Add(std::string method, std::string_view pattern, int route_id) {
  routes_.push_back({std::move(method), Split(pattern), route_id});
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  const std::vector<std::string> segments = Split(path);
  RouteMatch match;
  for (const Route& route : routes_) {
    if (!PathMatches(route.segments, segments, nullptr)) continue;
    if (route.method == method) {
      match.outcome = RouteMatch::kFound;
      match.route_id = route.id;
      PathMatches(route.segments, segments, &match.params);
      return match;
    }
    if (match.allow.find(route.method) == std::string::npos) {
      match.allow += (match.allow.empty() ? "" : ", ") + route.method;
    }
  }
  if (!match.allow.empty()) match.outcome = RouteMatch::kMethodNotAllowed;
  return match;
}

}  // namespace mock::api
