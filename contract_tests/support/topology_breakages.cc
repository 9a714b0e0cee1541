#include "contract_tests/support/topology_breakages.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <regex>

namespace contract {
namespace {

namespace http = mock::http;

bool IsTopologyPage(const http::Request& request, const char* path_pattern) {
  return request.method == "GET" && std::regex_match(request.path, std::regex(path_pattern));
}

constexpr char kServersPage[] = "/api/v2/ob/clusters/[0-9]+/servers";
constexpr char kTenantUnitsPage[] = "/api/v2/ob/clusters/[0-9]+/tenants/[0-9]+/units";
constexpr char kStatsPage[] = "/api/v2/ob/clusters/[0-9]+/stats";
constexpr char kDatabasesPage[] = "/api/v2/ob/clusters/[0-9]+/tenants/[0-9]+/databases";

// `target` without its `key=` parameters.
std::string TargetWithout(const std::string& target, const std::string& key) {
  const size_t q = target.find('?');
  if (q == std::string::npos) return target;
  std::string kept;
  std::string_view rest = std::string_view(target).substr(q + 1);
  while (!rest.empty()) {
    const std::string_view pair = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    if (pair.empty() || pair.starts_with(key + "=")) continue;
    kept += (kept.empty() ? "" : "&") + std::string(pair);
  }
  return target.substr(0, q) + (kept.empty() ? "" : "?" + kept);
}

// Each object of data.contents.
template <typename F>
void EachContent(rapidjson::Value& data, F f) {
  if (!data.HasMember("contents") || !data["contents"].IsArray()) return;
  for (auto& row : data["contents"].GetArray()) {
    if (row.IsObject()) f(row);
  }
}

// Applies `b` to the answer's data; false when `b` leaves this answer alone.
bool BreakTopology(Breakage b, const http::Request& request, rapidjson::Value& data,
                   rapidjson::Document::AllocatorType& a) {
  switch (b) {
    case Breakage::kServerZoneUnknown:
      if (!IsTopologyPage(request, kServersPage)) return false;
      EachContent(data, [&a](rapidjson::Value& row) {
        if (!row.HasMember("zoneName") || !row["zoneName"].IsString()) return;
        const std::string zone = std::string(row["zoneName"].GetString()) + "-elsewhere";
        row["zoneName"].SetString(zone.c_str(), static_cast<rapidjson::SizeType>(zone.size()), a);
      });
      return true;
    case Breakage::kDatabaseNameMissing:
      if (!IsTopologyPage(request, kDatabasesPage)) return false;
      EachContent(data, [](rapidjson::Value& row) { row.RemoveMember("dbName"); });
      return true;
    case Breakage::kStatsNotSummed:
      if (!IsTopologyPage(request, kStatsPage) || !data.HasMember("cpuTotal") ||
          !data["cpuTotal"].IsNumber()) {
        return false;
      }
      data["cpuTotal"].SetDouble(data["cpuTotal"].GetDouble() + 1);
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string BreakTopologyRequest(Breakage b, const http::Request& request, std::string target) {
  if (b == Breakage::kServerRegionFilterIgnored && IsTopologyPage(request, kServersPage)) {
    return TargetWithout(target, "regionName");
  }
  if (b == Breakage::kUnitZoneFilterIgnored && IsTopologyPage(request, kTenantUnitsPage)) {
    return TargetWithout(target, "zoneName");
  }
  return target;
}

void BreakTopologyAnswer(Breakage b, const http::Request& request, http::Response& r) {
  rapidjson::Document doc;
  doc.Parse(r.body.c_str(), r.body.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("data") || !doc["data"].IsObject() ||
      !BreakTopology(b, request, doc["data"], doc.GetAllocator())) {
    return;
  }
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  doc.Accept(w);
  r.body = buf.GetString();
}

std::string_view TopologyBreakageName(Breakage b) {
  switch (b) {
    case Breakage::kServerRegionFilterIgnored:
      return "ServerRegionFilterIgnored";
    case Breakage::kUnitZoneFilterIgnored:
      return "UnitZoneFilterIgnored";
    case Breakage::kServerZoneUnknown:
      return "ServerZoneUnknown";
    case Breakage::kDatabaseNameMissing:
      return "DatabaseNameMissing";
    case Breakage::kStatsNotSummed:
      return "StatsNotSummed";
    default:
      return "?";
  }
}

}  // namespace contract
