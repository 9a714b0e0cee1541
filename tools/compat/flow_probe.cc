// The requests of the client flows' rows (issue #25; checks.h) and which rule judges each
// (flow_rules.h). The GETs come after the entity rows' (they read the first listed cluster); the
// writes (ProbeWrites) only with Target::allow_writes, after every read of every row
// (Probe::SendRequests), so that no read row sees what they create. Without it the write rows
// are n/a ("not run") and nothing but GETs is sent.
//
//   cluster-detail      client  GET /api/v2/ob/clusters/{id} (sent by entity_probe.cc)
//   obproxy-clusters    doc     GET /api/v2/obproxy/clusters?page=1&size=10 (the docs' sample)
//   obproxy-detail      doc     GET /api/v2/obproxy/clusters/{first listed id}
//   host-types          doc     GET /api/v2/compute/hostTypes?page=1&size=10
//   host-types-paging   doc     ...?sort=id,asc&size=2000, then &page=2&size=1
//   credentials         client  GET /api/v2/profiles/me/credentials (obdeploy's: no query)
//   credentials-masked  doc     those answers, and the write's
//   workload-snapshots  doc     GET /api/v2/ob/clusters/{first listed id}/performance/workload/
//   snapshot-times      client    snapshots (obdiag's: no query), one answer for both rows
//   workload-reports    client  GET .../performance/workload/reports (obdiag's: no query)
//   report-encodings    client  write: two POST .../reports on the last two snapshots
//   credential-create   client  write: POST /api/v2/profiles/me/credentials, then the list
#include <algorithm>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "mock/json/json.h"
#include "tools/compat/checks.h"
#include "tools/compat/flow_rules.h"
#include "tools/compat/judging.h"

namespace compat {
namespace {

constexpr char kObproxy[] = "/api/v2/obproxy/clusters";
constexpr char kHostTypes[] = "/api/v2/compute/hostTypes";
constexpr char kCredentials[] = "/api/v2/profiles/me/credentials";

std::optional<int64_t> FirstId(const std::optional<rapidjson::Document>& json) {
  const rapidjson::Value* rows = json ? Contents(*json) : nullptr;
  if (rows == nullptr || rows->Empty()) return std::nullopt;
  const rapidjson::Value* id = At((*rows)[0], {"id"});
  return id != nullptr && id->IsInt64() ? std::optional<int64_t>(id->GetInt64()) : std::nullopt;
}

// A cluster's workload page: "snapshots" or "reports".
std::string Workload(int64_t cluster, const char* page) {
  return "/api/v2/ob/clusters/" + std::to_string(cluster) + "/performance/workload/" + page;
}

std::string RandomHex(size_t digits) {
  std::random_device device;
  std::string out;
  while (out.size() < digits) out += "0123456789abcdef"[device() % 16];
  return out;
}

std::string WritesOff(const std::string& what) {
  return "writes are off (--allow-writes, or OCP_ALLOW_WRITES=1, runs it; it " + what + ")";
}

// The snapshot ids `snapshots` lists, ascending.
std::vector<int64_t> SnapshotIds(const std::optional<rapidjson::Document>& snapshots) {
  std::vector<int64_t> ids;
  const rapidjson::Value* rows = snapshots ? Contents(*snapshots) : nullptr;
  for (rapidjson::SizeType i = 0; rows != nullptr && i < rows->Size(); ++i) {
    const rapidjson::Value* id = At((*rows)[i], {"snapshotId"});
    if (id != nullptr && id->IsInt64()) ids.push_back(id->GetInt64());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

Probe::Exchange Probe::Send(const std::string& method, const std::string& target,
                            const std::string& content_type, const std::string& body) const {
  Exchange e;
  e.request = method + " " + target + (content_type.empty() ? "" : " (" + content_type + ")");
  e.response = content_type.empty() ? client_.Send(method, target)
                                    : client_.SendBody(method, target, content_type, body);
  auto doc = mock::json::ParseJson(e.response.body);
  if (doc.ok()) e.json = std::move(doc).value();
  return e;
}

void Probe::ProbeFlows(const Target& target) {
  const std::string obproxy(kObproxy), host_types(kHostTypes);
  exchanges_[CheckNamed("obproxy-clusters")] = Get(obproxy + "?page=1&size=10");
  if (auto id = FirstId(exchanges_[CheckNamed("obproxy-clusters")].json)) {
    exchanges_[CheckNamed("obproxy-detail")] = Get(obproxy + "/" + std::to_string(*id));
  } else {
    exchanges_[CheckNamed("obproxy-detail")].not_applicable = "the OBProxy list shows no cluster";
  }
  exchanges_[CheckNamed("host-types")] = Get(host_types + "?page=1&size=10");
  more_["host-types-whole"] = Get(host_types + "?sort=id,asc&size=2000");
  exchanges_[CheckNamed("host-types-paging")] = Get(host_types + "?sort=id,asc&page=2&size=1");
  exchanges_[CheckNamed("credentials")] = Get(kCredentials);
  const auto cluster = FirstId(exchanges_[CheckNamed("clusters")].json);
  if (cluster) {
    exchanges_[CheckNamed("workload-snapshots")] = Get(Workload(*cluster, "snapshots"));
    exchanges_[CheckNamed("workload-reports")] = Get(Workload(*cluster, "reports"));
  } else {
    for (const char* row :
         {"workload-snapshots", "snapshot-times", "workload-reports", "report-encodings"}) {
      exchanges_[CheckNamed(row)].not_applicable = "the cluster list shows no cluster";
    }
  }
  if (target.allow_writes) return;  // SendRequests sends the writes after every read
  exchanges_[CheckNamed("report-encodings")].not_applicable =
      WritesOff("creates two workload reports of the first listed cluster, each a task");
  exchanges_[CheckNamed("credential-create")].not_applicable =
      WritesOff("adds a credential named ocp-compat-... to the user's password box");
}

void Probe::ProbeWrites() {
  const std::string name = "ocp-compat-" + std::to_string(std::time(nullptr)) + "-" + RandomHex(4);
  // obdeploy's body (ocp-client-flows.md 4.4), with a secret no answer may carry.
  const std::string secret = "ocpcompat" + RandomHex(16);
  Exchange& created = exchanges_[CheckNamed("credential-create")];
  created = Send("POST", kCredentials, "application/json",
                 R"({"targetType":"HOST","name":")" + name +
                     R"(","sshCredentialProperty":{"type":"PASSWORD","username":"ocp-compat",)"
                     R"("passphrase":")" +
                     secret + R"("}})");
  created.sent = secret;
  more_["credentials-after"] = Get(std::string(kCredentials) + "?size=2000");
  Exchange& form = exchanges_[CheckNamed("report-encodings")];
  if (!form.not_applicable.empty()) return;  // no cluster listed
  const Exchange& snapshots = exchanges_[CheckNamed("workload-snapshots")];
  const std::vector<int64_t> ids = SnapshotIds(snapshots.json);
  if (NotServed(snapshots.response) || ids.size() < 2) {
    form.not_applicable =
        NotServed(snapshots.response)
            ? NotServedWhy({snapshots.request, snapshots.response, snapshots.json, name})
            : snapshots.request + " lists fewer than two snapshots";
    return;
  }
  // The last two snapshots: an hour apart, within the day a report may span.
  const std::string start = std::to_string(ids[ids.size() - 2]);
  const std::string end = std::to_string(ids.back());
  const std::string reports =
      Workload(*FirstId(exchanges_[CheckNamed("clusters")].json), "reports");
  // obdiag sends a form body (name, startSnapshotId, endSnapshotId); the MCP server the same in
  // the query, sorted, with Content-Type: application/json and no body (ocp-client-flows.md 2.2).
  form = Send("POST", reports, "application/x-www-form-urlencoded",
              "name=" + name + "-form&startSnapshotId=" + start + "&endSnapshotId=" + end);
  form.sent = name + "-form";
  Exchange query =
      Send("POST",
           reports + "?endSnapshotId=" + end + "&name=" + name + "-query&startSnapshotId=" + start,
           "application/json", "");
  query.sent = name + "-query";
  more_["report-by-query"] = std::move(query);
}

std::optional<Outcome> Probe::JudgeFlow(size_t check, const Contract& c) const {
  const std::string_view row = kChecks[check].name;
  auto answer = [&](const Exchange& e) {
    return FlowAnswer{e.request, e.response, e.json, e.sent};
  };
  const FlowAnswer a = answer(exchanges_[check]);
  const bool s = strict_;
  if (row == "cluster-detail") return ClusterDetail(a, c, s);
  if (row == "obproxy-clusters") {
    return Conforms(a.request, a.response, a.json, 200, "obproxy-cluster-list-response", c, s);
  }
  if (row == "obproxy-detail") {
    return AgreesWithList(a, answer(exchanges_[CheckNamed("obproxy-clusters")]), c, s);
  }
  if (row == "host-types") {
    return Conforms(a.request, a.response, a.json, 200, "host-type-list-response", c, s);
  }
  if (row == "host-types-paging") return SecondOfOne(a, answer(more_.at("host-types-whole")));
  if (row == "credentials") {
    return Conforms(a.request, a.response, a.json, 200, "credential-list-response", c, s);
  }
  if (row == "credentials-masked") {
    const Exchange& created = exchanges_[CheckNamed("credential-create")];
    const bool wrote = created.not_applicable.empty();
    return Masked(
        answer(exchanges_[CheckNamed("credentials")]),
        wrote ? std::optional<FlowAnswer>(answer(created)) : std::nullopt,
        wrote ? std::optional<FlowAnswer>(answer(more_.at("credentials-after"))) : std::nullopt);
  }
  if (row == "workload-snapshots") return Snapshots(a, c, s);
  if (row == "snapshot-times")
    return SnapshotTimes(answer(exchanges_[CheckNamed("workload-snapshots")]));
  if (row == "workload-reports") {
    if (NotServed(a.response)) return NotApplicable(NotServedWhy(a));
    return Conforms(a.request, a.response, a.json, 200, "workload-report-list-response", c, s);
  }
  if (row == "report-encodings")
    return ReportEncodings(a, answer(more_.at("report-by-query")), c, s);
  if (row == "credential-create")
    return CredentialCreated(a, answer(more_.at("credentials-after")), c, s);
  return std::nullopt;
}

}  // namespace compat
