#include "mock/families/obproxy/obproxy_parameters.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <optional>
#include <string>

namespace mock::families::obproxy {
namespace {

// Which generations (ParameterGeneration) have a parameter.
enum Generations : unsigned { k1 = 1, k3 = 2, k4 = 4, kAll = k1 | k3 | k4, kUpTo3 = k1 | k3 };

// One parameter (§4.4; the sample's own: §4.3). Empty `*4` and `value1` fields: as before.
struct Known {
  const char* name;
  bool need_reboot;
  unsigned generations;
  const char* description;  // ODP v3.2.3's (the sample's, for its own)
  const char* value;        // v3.2.3's default, as OCP writes it
  const char* value1 = "";  // the sample's (OBProxy 1.9), where it differs
  const char* value4 = "";  // v4.2.3's, where it differs
  const char* description4 = "";
};

constexpr const char* kLevels =
    "specifies the current level of logging: DEBUG, TRACE, INFO, WARN, USER_ERR, ERROR";
constexpr const char* kLevels4 =
    "specifies the current level of logging: DEBUG, TRACE, WDIAG, EDIAG, INFO, WARN, USER_ERR, "
    "ERROR";

// By name, so that a cluster's list comes out sorted.
constexpr Known kKnown[] = {
    {"automatic_match_work_thread", true, kAll,
     "ignore work_thread_num configuration item, use the count of cpu for current proxy work "
     "thread num",
     "True"},
    {"client_max_connections", false, kAll, "client max connections for one obproxy, [0, +∞]",
     "8192"},
    {"enable_client_connection_lru_disconnect", false, kAll,
     "if client connections reach throttle, true is that new connection will be accepted, and "
     "eliminate lru client connection, false is that new connection will disconnect, and err "
     "packet will be returned",
     "False"},
    {"enable_cluster_checkout", false, kAll,
     "if enable cluster checkout, proxy will send cluster name when login and server will check "
     "it",
     "True"},
    {"enable_compression_protocol", false, kAll,
     "if enabled, proxy will use compression protocol with server", "True"},
    {"enable_extra_prometheus_metric", false, kUpTo3,
     "enable net and route prometheus merics or not", "False"},
    {"enable_ob_protocol_v2", false, kAll,
     "if enabled, proxy will use oceanbase protocol 2.0 with server", "True"},
    {"enable_prometheus", false, kAll, "enable prometheus or not", "True"},
    {"hot_upgrade_failure_retries", false, kUpTo3,
     "default hot upgrade failure retries, proxy will stop handle hot_upgrade command after such "
     "retries, [1, 20]",
     "5"},
    {"json_config_meta_table_user", true, k1, "meta table username, format'user@tenant#cluster'",
     ""},
    {"log_dir_size_threshold", false, kAll,
     "max usable space size of log dir, used to decide whether should clean up log file, [256MB, "
     "1T]",
     "64GB"},
    {"max_log_file_size", false, kAll, "max size of log file, [1MB, 1G]", "256MB"},
    {"monitor_log_level", false, kAll, kLevels, "INFO", "", "", kLevels4},
    {"net_accept_threads", true, kAll, "net accept threads num, [0, 8]", "2"},
    {"net_config_poll_timeout", false, k1,
     "epoll_wait timeout for net events, [0, +∞], if set a value <= 0, proxy treat it as 0", "1ms"},
    {"observer_query_timeout_delta", false, kAll,
     "the delta value for @@ob_query_timeout, to cover net round trip time(proxy<->server) and "
     "task schedule time(server), [1s, 30s]",
     "20s"},
    {"prometheus_listen_port", true, kAll, "obproxy prometheus listen port", "2884"},
    {"proxy_idc_name", false, kAll,
     "idc name for proxy ldc route. If is empty or invalid, treat as do not use ldc. User session "
     "vars 'proxy_session_ldc' can cover it",
     ""},
    {"proxy_info_check_interval", false, kAll, "proxy info check task interval, [1s, 1h]", "60s"},
    {"proxy_mem_limited", false, kAll, "proxy memory limited, [100MB, 100G]", "2G"},
    {"proxy_primary_zone_name", false, kAll,
     "primary zone name for proxy ldc route. If not empty, proxy only route to the zone", ""},
    {"proxy_route_policy", false, kAll, "proxy route policy", ""},
    {"routing_cache_mem_limited", false, kAll,
     "max size of all proxy routing cache size, like table cache, location cache, etc. [1KB, "
     "100G]",
     "128MB"},
    {"server_tcp_keepidle", false, kAll,
     "tcp keepalive idle time, unit is second, 0 means use default value by kernel", "5", "0"},
    {"skip_proxy_sys_private_check", false, kAll, "skip_proxy_sys_private_check", "True", "",
     "False"},
    {"slow_query_time_threshold", false, kAll, "slow query time threshold, [0s, 30d]", "500ms"},
    {"sock_packet_mark_out", false, kUpTo3, "sock param, packet mark out, [0, 1]", "0"},
    {"syslog_level", false, kAll, kLevels, "INFO", "", "WDIAG", kLevels4},
    {"work_thread_num", true, kAll,
     "proxy work thread num or max work thread num when automatic match, [1, 128]", "128"},
    {"xflush_log_level", false, kAll, kLevels, "INFO", "", "ERROR",
     "specifies the current level of logging: DEBUG, TRACE, INFO, WDIAG, EDIAG, WARN, USER_ERR, "
     "ERROR"},
};

unsigned Bit(int generation) { return generation == 1 ? k1 : generation == 3 ? k3 : k4; }

std::string_view Or(const char* value, const char* otherwise) {
  return *value != '\0' ? value : otherwise;
}

std::string_view ValueAt(const Known& k, int generation) {
  if (generation == 1) return Or(k.value1, k.value);
  if (generation == 4) return Or(k.value4, k.value);
  return k.value;
}

std::string_view DescriptionAt(const Known& k, int generation) {
  return generation == 4 ? Or(k.description4, k.description) : k.description;
}

std::string_view StrOf(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

// Each OBProxy of `cluster`: its IP and generation.
struct Proxy {
  std::string_view ip;
  int generation;
};
std::vector<Proxy> ProxiesOf(const rapidjson::Value& cluster) {
  std::vector<Proxy> out;
  auto it = cluster.FindMember("obproxies");
  if (it == cluster.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& p : it->value.GetArray()) {
    if (p.IsObject()) out.push_back({StrOf(p, "ip"), ParameterGeneration(StrOf(p, "version"))});
  }
  return out;
}

// The generation a cluster without OBProxies goes by: its `versions`' first, else 4.
int ClusterGeneration(const rapidjson::Value& cluster) {
  auto it = cluster.FindMember("versions");
  if (it != cluster.MemberEnd() && it->value.IsArray() && !it->value.Empty() &&
      it->value[0].IsObject()) {
    return ParameterGeneration(StrOf(it->value[0], "version"));
  }
  return 4;
}

// Parameter `k` of `proxies` (none of whom has it: nullopt), or of a cluster of `generation`
// without OBProxies.
std::optional<ClusterParameter> ParameterOf(const Known& k, const std::vector<Proxy>& proxies,
                                            int generation) {
  ClusterParameter p{
      k.name, DescriptionAt(k, generation), k.need_reboot, ValueAt(k, generation), {}};
  bool described = false;
  for (const Proxy& proxy : proxies) {
    if ((k.generations & Bit(proxy.generation)) == 0) continue;
    if (!described) p.description = DescriptionAt(k, proxy.generation);
    described = true;
    const std::string_view value = ValueAt(k, proxy.generation);
    auto same = std::find_if(p.values.begin(), p.values.end(),
                             [&](const ParameterValue& v) { return v.value == value; });
    if (same == p.values.end()) same = p.values.insert(p.values.end(), ParameterValue{value, {}});
    same->obproxies.push_back(proxy.ip);
  }
  if (!proxies.empty() && p.values.empty()) return std::nullopt;
  if (proxies.empty() && (k.generations & Bit(generation)) == 0) return std::nullopt;
  if (!p.values.empty()) p.value_string = p.values.front().value;
  return p;
}

}  // namespace

int ParameterGeneration(std::string_view version) {
  int major = 0;
  auto [end, ec] = std::from_chars(version.data(), version.data() + version.size(), major);
  if (ec != std::errc() || end == version.data()) return 4;
  if (major <= 1) return 1;
  return major <= 3 ? 3 : 4;
}

std::vector<ClusterParameter> ParametersOf(const rapidjson::Value& cluster) {
  const std::vector<Proxy> proxies = ProxiesOf(cluster);
  const int generation = ClusterGeneration(cluster);
  std::vector<ClusterParameter> out;
  for (const Known& k : kKnown) {
    if (auto p = ParameterOf(k, proxies, generation)) out.push_back(std::move(*p));
  }
  return out;
}

void WriteParameters(json::JsonWriter& w, const rapidjson::Value& cluster) {
  w.StartObject();
  w.Key("contents");
  w.StartArray();
  for (const ClusterParameter& p : ParametersOf(cluster)) {
    w.StartObject();
    w.Field("description", p.description);
    w.Field("name", p.name);
    w.Field("needReboot", p.need_reboot);
    w.Field("valueString", p.value_string);
    w.Key("values");
    w.StartArray();
    for (const ParameterValue& v : p.values) {
      w.StartObject();
      w.Key("obproxies");
      w.StartArray();
      for (std::string_view ip : v.obproxies)
        w.String(ip.data(), static_cast<rapidjson::SizeType>(ip.size()));
      w.EndArray();
      w.Field("value", v.value);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace mock::families::obproxy
