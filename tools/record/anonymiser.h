// Replaces what identifies a recorded OCP: cluster, tenant and user names, and host addresses.
// Deterministic within one recording, so one cluster keeps one name across tasks.
//
//   Anonymiser a;
//   a.Cluster(3, "prod-hz")   // "cluster-3"
//   a.Host("10.1.2.3")        // "192.0.2.1" (a documentation address), the same every time
//   a.Text("tenant trade on 10.1.2.3 failed")  // names and IPv4 addresses it has seen replaced
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace record {

class Anonymiser {
 public:
  std::string Cluster(int64_t id, const std::string& name);
  std::string Tenant(int64_t id, const std::string& name);
  std::string User(int64_t id, const std::string& name);
  // An IPv4 address or host name; IPv4 addresses stay addresses (192.0.2.0/24, 198.51.100.0/24,
  // 203.0.113.0/24 in turn, then host-N names).
  std::string Host(const std::string& host);
  // `text` with every name seen so far (as a whole word) and every IPv4 address replaced.
  std::string Text(std::string_view text);

 private:
  std::string Remember(const std::string& name, std::string replacement);

  std::map<std::string, std::string> names_;  // original -> replacement
  std::map<std::string, std::string> hosts_;
};

}  // namespace record
