#include "tools/record/session.h"

#include <fcntl.h>
#include <unistd.h>

#include <ctime>
#include <vector>

#include "mock/json/json.h"
#include "tools/client/signing.h"
#include "tools/client/tolerant_reader.h"

namespace record {

namespace fs = std::filesystem;

std::string Excerpt(const std::string& s) { return s.size() > 200 ? s.substr(0, 200) + "..." : s; }

Session::Session(const RecordOptions& o, const mock::json::SchemaSet& schemas, RecordReport& report)
    : o_(o),
      schemas_(schemas),
      report_(report),
      client_(o.base_url, o.access_key ? std::nullopt : o.user,
              o.access_key ? std::nullopt : o.password) {
  client_.set_language(o.language);
}

mock::StatusOr<rapidjson::Document> Session::Get(const std::string& target, const char* schema) {
  std::vector<std::string> headers;
  if (o_.access_key && o_.secret_key) {
    headers = contract::AkSkHeaders(o_.base_url, target, *o_.access_key, *o_.secret_key,
                                    std::time(nullptr));
  }
  contract::HttpResult r = client_.Send("GET", target, headers, !o_.access_key);
  const std::string request = "GET " + target;
  if (r.status == 0) return mock::Unavailable(request + ": no answer: " + r.transport_error);
  if (r.status != 200) {
    return mock::InvalidArgument(request + ": HTTP " + std::to_string(r.status) + ": " +
                                 Excerpt(r.body));
  }
  auto doc = mock::json::ParseJson(r.body);
  if (!doc.ok()) return mock::InvalidArgument(request + ": not JSON: " + Excerpt(r.body));
  // Fields the docs do not list are a real OCP's (docs/reference/real-server-behaviour.md), not a
  // broken answer: observations, as in ocp-compat and the contract suite.
  contract::TolerantReading reading = contract::ReadTolerantly(schemas_, schema, r.body);
  for (const auto& v : reading.violations) {
    report_.violations.push_back(request + ": " + (v.path.empty() ? "/" : v.path) + ": " +
                                 v.message + " (" + schema + ")");
    break;  // the first is the useful one
  }
  for (const contract::ExtraField& e : reading.extras) {
    Extra& seen = extras_[std::string(schema) + " " + e.path];
    if (seen.answers++ == 0) seen.example = e.example;
  }
  return doc;
}

std::vector<std::string> Session::Observations() const {
  std::vector<std::string> out;
  for (const auto& [where, seen] : extras_) {
    out.push_back(where + " is not documented (e.g. " + seen.example + "), in " +
                  std::to_string(seen.answers) + (seen.answers == 1 ? " answer" : " answers"));
  }
  return out;
}

mock::Status WriteAtomically(const fs::path& path, const std::string& text) {
  const fs::path tmp = path.string() + ".tmp" + std::to_string(getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return mock::InvalidArgument("cannot create " + tmp.string());
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  const bool ok = done == text.size() && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    fs::remove(tmp);
    return mock::Unavailable("cannot write " + path.string());
  }
  return {};
}

}  // namespace record
