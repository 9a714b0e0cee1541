#include "tools/compat/topology_rules.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "tools/compat/judging.h"

namespace compat {
namespace {

// The statistics both ClusterResourceStats and ServerResourceStats carry that are sums over the
// servers (§7, §8: the clients' key lists); the min/max variants are left out, as their meaning
// under overprovisioning is not documented.
constexpr const char* kSummedStats[] = {
    "cpuTotal",         "cpuAssigned",         "memoryTotalByte", "memoryAssignedByte",
    "logDiskTotalByte", "logDiskAssignedByte", "logDiskUsedByte", "dataDiskTotalByte",
    "dataDiskUsedByte", "unitCount",
};

// data.contents of an answer of HTTP 200, else nullptr.
const rapidjson::Value* TopologyRows(const FlowAnswer& a) {
  return a.response.status == 200 && a.json ? Contents(*a.json) : nullptr;
}

// A member as text: a string as it is, an integer in decimal; "" otherwise.
std::string TopologyText(const rapidjson::Value& row, const char* key) {
  const rapidjson::Value* v = At(row, {key});
  if (v == nullptr) return "";
  if (v->IsString()) return {v->GetString(), v->GetStringLength()};
  if (v->IsInt64()) return std::to_string(v->GetInt64());
  return "";
}

// "ip:port" of a row whose address is in `ip` and `port`.
std::string AddressOf(const rapidjson::Value& row, const char* ip, const char* port) {
  return TopologyText(row, ip) + ":" + TopologyText(row, port);
}

std::set<std::string> NamesOfZones(const rapidjson::Value& zones) {
  std::set<std::string> names;
  for (const auto& z : zones.GetArray()) names.insert(TopologyText(z, "name"));
  return names;
}

std::string Listed(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return "{" + out + "}";
}

std::string Listed(const std::multiset<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return "{" + out + "}";
}

// A number's value, or nullopt when `key` holds none.
std::optional<double> NumberAt(const rapidjson::Value& row, const char* key) {
  const rapidjson::Value* v = At(row, {key});
  return v != nullptr && v->IsNumber() ? std::optional<double>(v->GetDouble()) : std::nullopt;
}

// Sums equal up to the rounding of fractional CPU figures.
bool SameSum(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(a)); }

// A sum as JSON writes it: an integer without a fraction.
std::string SumText(double sum) {
  if (std::fabs(sum) < 9e15 && sum == std::floor(sum)) {
    return std::to_string(static_cast<int64_t>(sum));
  }
  return std::to_string(sum);
}

}  // namespace

std::string PathSegment(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += ch;
    } else {
      constexpr char kHex[] = "0123456789ABCDEF";
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

Outcome ZonesOfCluster(const FlowAnswer& zones, const rapidjson::Value* listed, const Contract& c,
                       bool strict) {
  Outcome o =
      Conforms(zones.request, zones.response, zones.json, 200, "ob-zone-list-response", c, strict);
  if (Failed(o)) return o;
  const rapidjson::Value* in_list = listed != nullptr ? At(*listed, {"zones"}) : nullptr;
  if (in_list == nullptr || !in_list->IsArray()) return o;  // the cluster list's row judges it
  const std::set<std::string> served = NamesOfZones(*Contents(*zones.json));
  const std::set<std::string> shown = NamesOfZones(*in_list);
  if (served != shown) {
    return Fail(zones.request + ": zones " + Listed(served) + "; the cluster list shows " +
                Listed(shown) + " for that cluster");
  }
  return o;
}

Outcome ServersInZones(const FlowAnswer& servers, const FlowAnswer& zones, const Contract& c,
                       bool strict) {
  Outcome o = Conforms(servers.request, servers.response, servers.json, 200,
                       "ob-server-list-response", c, strict);
  if (Failed(o)) return o;
  const rapidjson::Value* zone_rows = TopologyRows(zones);
  if (zone_rows == nullptr) return o;  // the zones row judges that answer
  const std::set<std::string> names = NamesOfZones(*zone_rows);
  const rapidjson::Value& rows = *Contents(*servers.json);
  for (rapidjson::SizeType i = 0; i < rows.Size(); ++i) {
    const std::string zone = TopologyText(rows[i], "zoneName");
    if (!zone.empty() && names.count(zone) == 0) {
      return Fail(servers.request + ": /data/contents/" + std::to_string(i) + "/zoneName \"" +
                  zone + "\" is none of the cluster's zones " + Listed(names) + " (" +
                  zones.request + ")");
    }
  }
  return o;
}

Outcome ZoneServers(const FlowAnswer& zone_servers, const std::string& zone,
                    const FlowAnswer& servers, const Contract& c, bool strict) {
  Outcome o = Conforms(zone_servers.request, zone_servers.response, zone_servers.json, 200,
                       "ob-server-list-response", c, strict);
  if (Failed(o)) return o;
  const rapidjson::Value* all = TopologyRows(servers);
  if (all == nullptr) return o;  // the servers row judges that answer
  std::set<std::string> want, got;
  for (const auto& s : all->GetArray()) {
    if (TopologyText(s, "zoneName") == zone) want.insert(AddressOf(s, "ip", "port"));
  }
  for (const auto& s : Contents(*zone_servers.json)->GetArray()) {
    got.insert(AddressOf(s, "ip", "port"));
  }
  if (want != got) {
    return Fail(zone_servers.request + ": servers " + Listed(got) + "; " + servers.request +
                " lists " + Listed(want) + " in zone " + zone);
  }
  return o;
}

std::optional<std::string> RarestValue(const rapidjson::Value& rows, const std::string& param,
                                       const FilterField& field) {
  std::vector<std::pair<std::string, int>> seen;  // in the order first seen
  for (const auto& row : rows.GetArray()) {
    const std::string v = field(row, param);
    if (v.empty()) continue;
    auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == v; });
    if (it == seen.end()) {
      seen.emplace_back(v, 1);
    } else {
      ++it->second;
    }
  }
  if (seen.empty()) return std::nullopt;
  return std::min_element(seen.begin(), seen.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

std::string AbsentValue(const std::string& param) { return "ocp-compat-no-such-" + param; }

Outcome Narrows(const FlowAnswer& whole, const std::vector<Filtered>& asked,
                const FilterField& field) {
  const rapidjson::Value* all = TopologyRows(whole);
  if (all == nullptr) {
    return NotApplicable(whole.request + " answered no list (HTTP " +
                         std::to_string(whole.response.status) + "); its own row judges it");
  }
  for (const Filtered& f : asked) {
    const FlowAnswer& a = f.answer;
    int64_t holding = 0;
    for (const auto& row : all->GetArray()) holding += field(row, f.param) == f.value ? 1 : 0;
    if (holding == 0 && a.response.status >= 400 && a.response.status < 500) continue;
    const rapidjson::Value* rows = TopologyRows(a);
    if (rows == nullptr) {
      return Fail(a.request + ": expected HTTP 200 with data.contents; came HTTP " +
                  std::to_string(a.response.status) + ": " + Excerpt(a.response.body));
    }
    for (rapidjson::SizeType i = 0; i < rows->Size(); ++i) {
      const std::string v = field((*rows)[i], f.param);
      if (v != f.value) {
        return Fail(a.request + ": /data/contents/" + std::to_string(i) + " has " + f.param + " " +
                    (v.empty() ? "unknown" : "\"" + v + "\"") + ", not the \"" + f.value +
                    "\" asked (the filter is ignored or too wide)");
      }
    }
    if (static_cast<int64_t>(rows->Size()) != holding) {
      return Fail(a.request + ": " + std::to_string(rows->Size()) + " rows; " + whole.request +
                  " has " + std::to_string(holding) + " with " + f.param + " \"" + f.value + "\"");
    }
  }
  return Pass();
}

FilterField ServerFieldVia(const FlowAnswer& zones) {
  std::map<std::string, const rapidjson::Value*> by_name;
  if (const rapidjson::Value* rows = TopologyRows(zones)) {
    for (const auto& z : rows->GetArray()) by_name[TopologyText(z, "name")] = &z;
  }
  return [by_name](const rapidjson::Value& row, const std::string& param) {
    std::string own = TopologyText(row, param.c_str());
    if (!own.empty()) return own;
    auto zone = by_name.find(TopologyText(row, "zoneName"));
    return zone == by_name.end() ? std::string() : TopologyText(*zone->second, param.c_str());
  };
}

Outcome UnitsAgree(const FlowAnswer& tenant_units, int64_t tenant, const FlowAnswer& units) {
  if (NotServed(units.response)) {
    return NotApplicable(units.request + ": not served (HTTP " +
                         std::to_string(units.response.status) +
                         "): no ocp-doc page has a cluster's units (only en.oceanbase.com's)");
  }
  const rapidjson::Value* mine = TopologyRows(tenant_units);
  const rapidjson::Value* all = TopologyRows(units);
  if (mine == nullptr || all == nullptr) {
    return NotApplicable("no list to compare (" + tenant_units.request + ", " + units.request +
                         "); the tenant-units and units rows judge them");
  }
  std::multiset<std::string> want, got;
  for (const auto& u : mine->GetArray()) {
    got.insert(AddressOf(u, "serverIp", "serverPort") + " in " + TopologyText(u, "zoneName"));
  }
  for (const auto& u : all->GetArray()) {
    if (TopologyText(u, "tenantId") != std::to_string(tenant)) continue;
    want.insert(AddressOf(u, "svrIp", "svrPort") + " in " + TopologyText(u, "zone"));
  }
  if (want != got) {
    return Fail(tenant_units.request + ": units on " + Listed(got) + "; " + units.request +
                " has the tenant's units on " + Listed(want));
  }
  return Pass();
}

Outcome StatsOfCluster(const FlowAnswer& stats, int64_t cluster, const Contract& c, bool strict) {
  if (NotServed(stats.response)) {
    return NotApplicable(stats.request + ": not served (HTTP " +
                         std::to_string(stats.response.status) +
                         "): no OCP documentation has a cluster's statistics");
  }
  Outcome o = Conforms(stats.request, stats.response, stats.json, 200,
                       "cluster-resource-stats-response", c, strict);
  if (Failed(o)) return o;
  if (JsonAt(*stats.json, "/data/clusterId") != std::to_string(cluster)) {
    return Fail(stats.request + ": /data/clusterId is " + JsonAt(*stats.json, "/data/clusterId") +
                ", not the cluster asked for");
  }
  return o;
}

Outcome StatsAddUp(const FlowAnswer& stats, const FlowAnswer& server_stats,
                   const FlowAnswer& servers) {
  for (const FlowAnswer* a : {&stats, &server_stats}) {
    if (NotServed(a->response)) return NotApplicable(a->request + ": not served");
  }
  const rapidjson::Value* data = stats.json ? At(*stats.json, {"data"}) : nullptr;
  const rapidjson::Value* each = TopologyRows(server_stats);
  const rapidjson::Value* listed = TopologyRows(servers);
  if (stats.response.status != 200 || data == nullptr || !data->IsObject() || each == nullptr ||
      listed == nullptr) {
    return NotApplicable(
        "no statistics to add up; the stats, server-stats and servers rows "
        "judge their answers");
  }
  std::multiset<std::string> want, got;
  for (const auto& s : listed->GetArray()) want.insert(AddressOf(s, "ip", "port"));
  for (const auto& s : each->GetArray()) got.insert(AddressOf(s, "ip", "port"));
  if (want != got) {
    return Fail(server_stats.request + ": statistics of " + Listed(got) + "; " + servers.request +
                " lists the servers " + Listed(want));
  }
  for (const char* key : kSummedStats) {
    const std::optional<double> total = NumberAt(*data, key);
    if (!total) continue;
    double sum = 0;
    bool every = true;
    for (const auto& s : each->GetArray()) {
      const std::optional<double> v = NumberAt(s, key);
      every = every && v.has_value();
      sum += v.value_or(0);
    }
    if (every && !SameSum(*total, sum)) {
      return Fail(stats.request + ": /data/" + key + " is " +
                  JsonAt(*data, std::string("/") + key) + "; the servers' " + key + " add up to " +
                  SumText(sum) + " (" + server_stats.request + ")");
    }
  }
  return Pass();
}

}  // namespace compat
