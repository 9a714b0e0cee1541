#include "mock/reply/router.h"

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

bool PathMatches(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
  if (pattern.size() != path.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (IsParam(pattern[i]) ? path[i].empty() : pattern[i] != path[i]) return false;
  }
  return true;
}

}  // namespace

Router::Router(std::vector<Route> routes) {
  for (Route& route : routes) {
    std::vector<std::string> segments = Split(route.pattern);
    routes_.push_back({std::move(route), std::move(segments)});
  }
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  const std::vector<std::string> segments = Split(path);
  RouteMatch match;
  for (const Compiled& compiled : routes_) {
    if (!PathMatches(compiled.segments, segments)) continue;
    const std::string& allowed = compiled.route.method;
    if (allowed == method) {
      match.outcome = RouteMatch::kFound;
      match.route = &compiled.route;
      for (size_t i = 0; i < segments.size(); ++i) {
        if (!IsParam(compiled.segments[i])) continue;
        match.params.push_back(segments[i]);
        match.names.push_back(compiled.segments[i].substr(1, compiled.segments[i].size() - 2));
      }
      return match;
    }
    if (match.allow.find(allowed) == std::string::npos) {
      match.allow += (match.allow.empty() ? "" : ", ") + allowed;
    }
  }
  if (!match.allow.empty()) match.outcome = RouteMatch::kMethodNotAllowed;
  return match;
}

}  // namespace mock::api
