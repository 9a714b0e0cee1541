#include "contract_tests/support/flow_breakages.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <regex>

namespace contract {
namespace {

namespace http = mock::http;

bool Is(const http::Request& request, const char* method, const char* path_pattern) {
  return request.method == method && std::regex_match(request.path, std::regex(path_pattern));
}

constexpr char kCluster[] = "/api/v2/ob/clusters/[0-9]+";
constexpr char kObproxies[] = "/api/v2/obproxy/clusters";
constexpr char kObproxy[] = "/api/v2/obproxy/clusters/[0-9]+";
constexpr char kHostTypes[] = "/api/v2/compute/hostTypes";
constexpr char kCredentials[] = "/api/v2/profiles/me/credentials";
constexpr char kSnapshots[] = "/api/v2/ob/clusters/[0-9]+/performance/workload/snapshots";
constexpr char kReports[] = "/api/v2/ob/clusters/[0-9]+/performance/workload/reports";

// Each element of data.contents.
template <typename F>
void EachRow(rapidjson::Value& data, F f) {
  if (!data.HasMember("contents") || !data["contents"].IsArray()) return;
  for (auto& row : data["contents"].GetArray()) {
    if (row.IsObject()) f(row);
  }
}

// A credential with its passphrase in clear, as no OCP may answer one.
void AddLeakyCredential(rapidjson::Value& data, rapidjson::Document::AllocatorType& a) {
  if (!data.HasMember("contents") || !data["contents"].IsArray()) return;
  rapidjson::Document row;
  row.Parse(R"({"id": 999999, "name": "leaky", "targetType": "HOST",
      "sshCredentialProperty": {"type": "PASSWORD", "username": "root", "passphrase": "hunter2"}})");
  data["contents"].PushBack(rapidjson::Value(row, a), a);
}

// The creation's answer echoes the passphrase the request sent.
void EchoPassphrase(const http::Request& request, rapidjson::Value& data,
                    rapidjson::Document::AllocatorType& a) {
  rapidjson::Document sent;
  sent.Parse(request.body.c_str(), request.body.size());
  if (sent.HasParseError() || !sent.IsObject() || !sent.HasMember("sshCredentialProperty") ||
      !data.HasMember("sshCredentialProperty")) {
    return;
  }
  const auto& property = sent["sshCredentialProperty"];
  if (!property.IsObject() || !property.HasMember("passphrase")) return;
  data["sshCredentialProperty"].AddMember("passphrase", rapidjson::Value(property["passphrase"], a),
                                          a);
}

// Applies `b` to the answer's data; false when `b` leaves this answer alone.
bool Break(Breakage b, const http::Request& request, rapidjson::Value& data,
           rapidjson::Document::AllocatorType& a) {
  switch (b) {
    case Breakage::kClusterDetailTypeMissing:
      return Is(request, "GET", kCluster) && data.RemoveMember("type");
    case Breakage::kObproxyListUnpaged:
      return Is(request, "GET", kObproxies) && data.RemoveMember("page");
    case Breakage::kObproxyDetailDiffers:
      if (!Is(request, "GET", kObproxy) || !data.HasMember("name")) return false;
      data["name"].SetString("renamed by the proxy");
      return true;
    case Breakage::kHostTypesPageZeroBased:
      if (!Is(request, "GET", kHostTypes) || !data.HasMember("page")) return false;
      data["page"]["number"].SetInt64(data["page"]["number"].GetInt64() - 1);
      return true;
    case Breakage::kHostTypeNameMissing:
      if (!Is(request, "GET", kHostTypes)) return false;
      EachRow(data, [](rapidjson::Value& row) { row.RemoveMember("name"); });
      return true;
    case Breakage::kCredentialsUnpaged:
      return Is(request, "GET", kCredentials) && data.RemoveMember("page");
    case Breakage::kCredentialSecretInClear:
      if (!Is(request, "GET", kCredentials)) return false;
      AddLeakyCredential(data, a);
      return true;
    case Breakage::kCredentialSecretEchoed:
      if (!Is(request, "POST", kCredentials)) return false;
      EchoPassphrase(request, data, a);
      return true;
    case Breakage::kCredentialCreateNoId:
      return Is(request, "POST", kCredentials) && data.RemoveMember("id");
    case Breakage::kSnapshotIdsAsStrings:
      if (!Is(request, "GET", kSnapshots)) return false;
      EachRow(data, [&a](rapidjson::Value& row) {
        const std::string id = std::to_string(row["snapshotId"].GetInt64());
        row["snapshotId"].SetString(id.c_str(), static_cast<rapidjson::SizeType>(id.size()), a);
      });
      return true;
    case Breakage::kSnapshotTimesWithoutFraction:
      if (!Is(request, "GET", kSnapshots)) return false;
      EachRow(data, [&a](rapidjson::Value& row) {
        std::string t = row["snapshotTime"].GetString();
        if (const size_t dot = t.find('.'); dot != std::string::npos) {
          t.erase(dot, t.find_first_not_of("0123456789", dot + 1) - dot);
        }
        row["snapshotTime"].SetString(t.c_str(), static_cast<rapidjson::SizeType>(t.size()), a);
      });
      return true;
    case Breakage::kReportsUnpaged:
      return Is(request, "GET", kReports) && data.RemoveMember("page");
    default:
      return false;
  }
}

}  // namespace

std::string BreakFlowRequest(Breakage b, const http::Request& request, std::string target) {
  // A server that binds a report's parameters from the body only (a @RequestBody, say) sees
  // none in a query-only POST.
  if (b == Breakage::kQueryOnlyReportRefused && Is(request, "POST", kReports) &&
      request.body.empty()) {
    return target.substr(0, target.find('?'));
  }
  return target;
}

void BreakFlowAnswer(Breakage b, const http::Request& request, http::Response& r) {
  rapidjson::Document doc;
  doc.Parse(r.body.c_str(), r.body.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("data") || !doc["data"].IsObject() ||
      !Break(b, request, doc["data"], doc.GetAllocator())) {
    return;
  }
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  doc.Accept(w);
  r.body = buf.GetString();
}

std::string_view FlowBreakageName(Breakage b) {
  switch (b) {
    case Breakage::kClusterDetailTypeMissing:
      return "ClusterDetailTypeMissing";
    case Breakage::kObproxyListUnpaged:
      return "ObproxyListUnpaged";
    case Breakage::kObproxyDetailDiffers:
      return "ObproxyDetailDiffers";
    case Breakage::kHostTypesPageZeroBased:
      return "HostTypesPageZeroBased";
    case Breakage::kHostTypeNameMissing:
      return "HostTypeNameMissing";
    case Breakage::kCredentialsUnpaged:
      return "CredentialsUnpaged";
    case Breakage::kCredentialSecretInClear:
      return "CredentialSecretInClear";
    case Breakage::kCredentialSecretEchoed:
      return "CredentialSecretEchoed";
    case Breakage::kCredentialCreateNoId:
      return "CredentialCreateNoId";
    case Breakage::kSnapshotIdsAsStrings:
      return "SnapshotIdsAsStrings";
    case Breakage::kSnapshotTimesWithoutFraction:
      return "SnapshotTimesWithoutFraction";
    case Breakage::kReportsUnpaged:
      return "ReportsUnpaged";
    case Breakage::kQueryOnlyReportRefused:
      return "QueryOnlyReportRefused";
    default:
      return "?";
  }
}

}  // namespace contract
