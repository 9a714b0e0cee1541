// libFuzzer target: the request bodies of OCP's write operations, read as every family reads them:
// api::CheckedBody (mock/reply/request_body.h: present, JSON, valid against the operation's
// request schema of OCP 4.2.2), called directly with the schema set built once. The first byte
// picks the operation (createTenant, hosts' batchCreate, clusters, OBProxy clusters, host types,
// credentials, arbitration services, takeover, cluster and tenant parameters, alarms, metric
// overrides, slow SQL), the rest is its body. Asserts, beyond never crashing:
//  - a refusal is a 400 whose message says what is wrong: "Required request body is missing",
//    "JSON parse error: ...", or the field a client names ("zones[0].name: ...");
//  - a body accepted for createTenant or batchCreate becomes the tenant or hosts the mock then
//    serves (entities::MakeTenant, MakeHost: mock/entities/created_entities.h), with the name,
//    zones and addresses it asked for.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <string>

#include <rapidjson/document.h>

#include "mock/entities/created_entities.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/request_body.h"
#include "mock/versions/profile.h"

namespace {

constexpr const char* kOperationSchemas[] = {
    "create-tenant-request",
    "batch-create-hosts-request",
    "create-ob-cluster-request",
    "create-obproxy-cluster-request",
    "create-host-type-request",
    "create-credential-request",
    "create-arbitration-service-request",
    "takeover-precheck-request",
    "takeover-request",
    "takeover-setting",
    "set-cluster-parameters-request",
    "set-tenant-parameters-request",
    "raise-alarm-request",
    "metric-override-request",
    "slow-sql-request",
};

struct EntityOpsWorld {
  mock::json::SchemaSet schemas;
  rapidjson::Document cluster;
};

const EntityOpsWorld* world_ptr = nullptr;

// badRequest's cause (its one argument) is Spring's or Jackson's sentence; invalidParameter's
// argument is the field, which its message starts with.
bool Says(const mock::Status& s) {
  if (s.args().size() != 1) return false;
  const std::string& arg = s.args().front();
  if (s.message().empty()) {
    return arg == "Required request body is missing" || arg.rfind("JSON parse error: ", 0) == 0;
  }
  return !arg.empty() && s.message().rfind(arg + ": ", 0) == 0;
}

void CheckTenant(const rapidjson::Value& request, const rapidjson::Value& cluster) {
  const mock::entities::Doc tenant =
      mock::entities::MakeTenant(request, cluster, 1001, 1002, "2026-12-05T10:00:00.000+08:00");
  const rapidjson::Value& t = *tenant;
  if (!t.IsObject() || !t.HasMember("name") || !t["name"].IsString() ||
      t["name"] != request["name"] || !t.HasMember("zones") || !t["zones"].IsArray() ||
      t["zones"].Size() != request["zones"].Size()) {
    __builtin_trap();
  }
}

void CheckHosts(const rapidjson::Value& request) {
  const rapidjson::Value& list = request["hostBasicDataList"];
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const mock::entities::Doc host =
        mock::entities::MakeHost(request, list[i], 7 + i, "2026-12-05T10:00:00.000+08:00");
    const rapidjson::Value& h = *host;
    if (!h.IsObject() || !h.HasMember("innerIpAddress") ||
        h["innerIpAddress"] != list[i]["innerIpAddress"] || h["id"].GetInt64() != 7 + i) {
      __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const EntityOpsWorld built = [] {
    auto profile = mock::versions::LoadProfile(OCPMOCK_SOURCE_DIR "/schemas", "4.2.2");
    if (!profile.ok()) std::abort();
    auto schemas = mock::json::SchemaSet::Load(profile.value().schema_dirs);
    if (!schemas.ok()) std::abort();
    EntityOpsWorld w{std::move(schemas).value(), {}};
    w.cluster.Parse(R"({"id": 1, "name": "obcluster", "obClusterId": 1, "type": "PRIMARY",
                        "obVersion": "4.2.1.0", "zones": [{"name": "zone1"}, {"name": "zone2"}]})");
    return w;
  }();
  world_ptr = &built;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t op = data[0] % std::size(kOperationSchemas);
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto doc = mock::api::CheckedBody(body, kOperationSchemas[op], world_ptr->schemas);
  if (!doc.ok()) {
    if (mock::ocp::HttpStatusFor(doc.status()) != 400 || !Says(doc.status())) __builtin_trap();
    return 0;
  }
  if (op == 0) CheckTenant(doc.value(), world_ptr->cluster);
  if (op == 1) CheckHosts(doc.value());
  return 0;
}
