// Every refusal of the parameter endpoints answers OCP's error in the version's code, names the
// parameter or the field, and changes nothing: an unknown name, a read-only one, a value of the
// wrong type or out of range (each version's codes), a malformed body, an unknown cluster or
// tenant, all or nothing, and the bound on the values held.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "mock/families/parameters/parameters_family.h"
#include "mock/families/parameters/test_parameters_api.h"

namespace mock::families {
namespace {

using ::testing::HasSubstr;
using testing::ParametersApi;

using testing::kCluster1;
using testing::kTenant171;

// Both lists' data and the catalogue, without the envelope's timing fields.
std::string StateOf(const ParametersApi& h) {
  std::string state;
  for (const char* path : {kCluster1, kTenant171, "/__mock/parameters"}) {
    const std::string body = h.Send("GET", path).body;
    state += body.substr(0, body.find(",\"duration\"")) + "\n";
  }
  return state;
}

// The error's code as text ("11055", "OBE31201") and its message.
std::pair<std::string, std::string> ErrorOf(const http::Response& r) {
  auto doc = json::ParseJson(r.body).value();
  const rapidjson::Value& code = doc["error"]["code"];
  return {code.IsString() ? code.GetString() : std::to_string(code.GetInt64()),
          doc["error"]["message"].GetString()};
}

struct Codes {
  std::string version;
  std::string unknown_cluster_parameter;
  std::string unknown_tenant_parameter;
  std::string bad_value;
  std::string readonly_cluster_parameter;
  std::string readonly_tenant_parameter;
  std::string cluster_not_found;
  std::string record_not_found;
};

void PrintTo(const Codes& c, std::ostream* os) { *os << "OCP " << c.version; }

// docs/reference/ocp-cluster-topology.md §14 R1, R2, R4, R10, R11, R15, R16.
const Codes kCodes[] = {
    {"3.1.1", "11050", "15060", "11051", "11051", "15061", "11001", "1002"},
    {"4.0.0", "11055", "15060", "11056", "11058", "15061", "11001", "1002"},
    {"4.0.3", "11055", "15060", "11056", "11058", "15061", "11001", "1002"},
    {"4.2.0", "11055", "15060", "11056", "11058", "15061", "11001", "1002"},
    {"4.2.1", "11055", "15060", "11056", "11058", "15061", "11001", "1002"},
    {"4.2.2", "OBE31201", "OBE31301", "OBE31202", "OBE31204", "OBE31302", "OBE11001", "COM10002"},
};

class Refusals : public ::testing::TestWithParam<Codes> {
 protected:
  // Sends the PUT; expects `status`, `code` and each of `says` in the message; nothing changed.
  void ExpectRefused(const std::string& path, const std::string& body, int status,
                     const std::string& code, const std::vector<std::string>& says) {
    const std::string before = StateOf(h_);
    http::Response r = h_.Send("PUT", path, body);
    EXPECT_EQ(status, r.status) << r.body;
    auto [got, message] = ErrorOf(r);
    EXPECT_EQ(code, got) << r.body;
    for (const std::string& s : says) EXPECT_THAT(message, HasSubstr(s));
    EXPECT_EQ(before, StateOf(h_)) << "a refusal changes nothing";
  }
  ParametersApi h_{GetParam().version};
};

TEST_P(Refusals, AnUnknownClusterParameterIsTheVersionsCodeNamingIt) {
  ExpectRefused(kCluster1, R"([{"name": "no_such_parameter", "value": "1"}])", 400,
                GetParam().unknown_cluster_parameter, {"no_such_parameter", "[0].name"});
  // A tenant parameter is no cluster parameter.
  ExpectRefused(kCluster1, R"([{"name": "undo_retention", "value": "1"}])", 400,
                GetParam().unknown_cluster_parameter, {"undo_retention"});
}

TEST_P(Refusals, AnUnknownTenantParameterIsTheVersionsCodeNamingIt) {
  ExpectRefused(kTenant171, R"([{"name": "no_such_variable", "value": "1"}])", 400,
                GetParam().unknown_tenant_parameter, {"no_such_variable"});
  ExpectRefused(kTenant171, R"([{"name": "memory_limit", "value": "1G"}])", 400,
                GetParam().unknown_tenant_parameter, {"memory_limit"});
  // The type given is not the parameter's: no parameter of that type has that name.
  ExpectRefused(
      kTenant171,
      R"([{"name": "autocommit", "value": "OFF", "parameterType": "OB_TENANT_PARAMETER"}])", 400,
      GetParam().unknown_tenant_parameter, {"autocommit", "is an OB_SYSTEM_VARIABLE"});
}

TEST_P(Refusals, AValueOfTheWrongTypeOrOutOfRangeIsTheBadValueCodeSayingWhatItTakes) {
  const std::string code = GetParam().bad_value;
  ExpectRefused(kCluster1, R"([{"name": "memory_limit_percentage", "value": "95"}])", 400, code,
                {"memory_limit_percentage", "95", "[0].value", "from 10 to 90"});
  ExpectRefused(kCluster1, R"([{"name": "memory_limit", "value": "lots"}])", 400, code,
                {"memory_limit", "lots", "CAPACITY"});
  ExpectRefused(kCluster1, R"([{"name": "rpc_timeout", "value": "2"}])", 400, code,
                {"rpc_timeout", "such as 10s"});
  ExpectRefused(kCluster1, R"([{"name": "enable_sql_audit", "value": "maybe"}])", 400, code,
                {"enable_sql_audit", "one of TRUE, FALSE"});
  ExpectRefused(kTenant171, R"([{"name": "autocommit", "value": 1}])", 400, code,
                {"autocommit", "one of OFF, ON"});
  ExpectRefused(kTenant171, R"([{"name": "major_freeze_duty_time", "value": "25:00"}])", 400, code,
                {"major_freeze_duty_time", "HH:MM"});
}

TEST_P(Refusals, AReadOnlyParameterIsTheVersionsReadOnlyCode) {
  ExpectRefused(kTenant171, R"([{"name": "lower_case_table_names", "value": "0"}])", 400,
                GetParam().readonly_tenant_parameter, {"lower_case_table_names", "read-only"});
  // No bundled cluster parameter is read-only: a test makes one.
  ASSERT_EQ(200, h_.Send("PUT", "/__mock/parameters/90",
                         R"({"name": "cluster_id", "scope": "CLUSTER",
                             "parameterType": "OB_CLUSTER_PARAMETER", "defaultValue": "1",
                             "valueRange": {"type": "INT"}, "editLevel": "READONLY",
                             "description": "The cluster's id."})")
                     .status);
  ExpectRefused(kCluster1, R"([{"name": "cluster_id", "value": "2"}])", 400,
                GetParam().readonly_cluster_parameter, {"cluster_id"});
}

TEST_P(Refusals, AllOrNothingTheFirstRefusedItemAnswers) {
  ExpectRefused(kCluster1,
                R"([{"name": "cpu_count", "value": "8"}, {"name": "tcp_keepidle", "value": "60s"},
                    {"name": "tcp_keepcnt", "value": "0"}, {"name": "nope", "value": "x"}])",
                400, GetParam().bad_value, {"[2].value", "tcp_keepcnt"});
}

TEST_P(Refusals, AnUnknownClusterOrTenantIsNotFound) {
  const Codes& c = GetParam();
  for (const char* method : {"GET", "PUT"}) {
    const std::string body = std::string(method) == "PUT" ? R"([])" : "";
    http::Response r = h_.Send(method, "/api/v2/ob/clusters/99/parameters", body);
    EXPECT_EQ(404, r.status) << r.body;
    EXPECT_EQ(c.cluster_not_found, ErrorOf(r).first);
    r = h_.Send(method, "/api/v2/ob/clusters/99/tenants/171/parameters", body);
    EXPECT_EQ(c.cluster_not_found, ErrorOf(r).first) << r.body;
    // Tenant 201 is cluster 2's.
    for (const char* tenant : {"/api/v2/ob/clusters/1/tenants/999/parameters",
                               "/api/v2/ob/clusters/1/tenants/201/parameters"}) {
      r = h_.Send(method, tenant, body);
      EXPECT_EQ(404, r.status) << tenant;
      EXPECT_EQ(c.record_not_found, ErrorOf(r).first) << r.body;
      EXPECT_THAT(ErrorOf(r).second, HasSubstr("OB_TENANT")) << r.body;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, Refusals, ::testing::ValuesIn(kCodes),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param.version;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

TEST(ParametersRefusalTest, AMalformedBodyIsRefusedNamingTheFieldBeforeTheClusterIsLookedUp) {
  ParametersApi h;
  const std::string before = StateOf(h);
  for (const auto& [path, body, expected] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {kCluster1, "", "Required request body is missing"},
           {kCluster1, "[{", "JSON parse error"},
           {kCluster1, R"({"name": "cpu_count", "value": "1"})", "request body"},
           {kCluster1, R"([{"value": "1"}])", R"([0]: missing required field \"name\")"},
           {kCluster1, R"([{"name": "cpu_count"}])", R"([0]: missing required field \"value\")"},
           {kCluster1, R"([{"name": "cpu_count", "value": null}])", "[0].value"},
           {kCluster1, R"([{"name": "cpu_count", "value": {"v": 1}}])", "[0].value"},
           {kCluster1, R"([{"name": "", "value": "1"}])", "[0].name"},
           {kCluster1, R"([{"name": "cpu_count", "value": "1"}, 7])", "[1]"},
           {kTenant171, R"([{"name": "autocommit", "value": "ON", "parameterType": "OTHER"}])",
            "[0].parameterType"},
           {"/api/v2/ob/clusters/99/parameters", R"([{"value": "1"}])", R"(field \"name\")"}}) {
    http::Response r = h.Send("PUT", path, body);
    EXPECT_EQ(400, r.status) << body << " -> " << r.body;
    EXPECT_THAT(r.body, HasSubstr(expected)) << body;
  }
  EXPECT_EQ(before, StateOf(h));
}

TEST(ParametersRefusalTest, AHugeValueIsRefusedAndNeverEchoedWhole) {
  ParametersApi h;
  const std::string huge(10000, '7');
  http::Response r =
      h.Send("PUT", kTenant171, R"([{"name": "time_zone", "value": ")" + huge + "\"}]");
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("at most 4096 bytes"));
  EXPECT_LT(r.body.size(), 1000u);
}

// The bound, on a family of its own with room for three values (the Api's holds 10,000).
TEST(ParametersRefusalTest, ValuesPastTheBoundAreRefusedWholeUntilAReset) {
  ParametersApi h;
  auto rows = h.Json("GET", "/__mock/parameters");  // the catalogue, as rows
  std::vector<resources::Row> catalogue;
  for (const auto& row : rows["data"].GetArray()) {
    auto doc = std::make_shared<rapidjson::Document>();
    doc->CopyFrom(row, doc->GetAllocator());
    catalogue.push_back({row["id"].GetInt64(), std::move(doc)});
  }
  const ParametersFamily family(std::move(catalogue), &h.schemas(), std::nullopt, h.store,
                                h.entities, {.max_values = 3});
  const auto routes = family.Routes();
  auto put = [&](const std::string& body) {
    auto route = std::find_if(routes.begin(), routes.end(), [](const api::Route& r) {
      return r.method == "PUT" && r.pattern == "/api/v2/ob/clusters/{id}/parameters";
    });
    const http::Request request = http::MakeRequest("PUT", kCluster1, {}, body).value();
    return route->handler(api::Call{request, {1}, nullptr}).status();
  };
  auto listed = [&] {
    auto route = std::find_if(routes.begin(), routes.end(), [](const api::Route& r) {
      return r.method == "GET" && r.pattern == "/api/v2/ob/clusters/{id}/parameters";
    });
    const http::Request request = http::MakeRequest("GET", kCluster1, {}, "").value();
    rapidjson::StringBuffer buffer;
    json::JsonWriter w(buffer);
    route->handler(api::Call{request, {1}, nullptr}).value().write_data(w);
    return std::string(buffer.GetString());
  };
  ASSERT_TRUE(put(R"([{"name": "cpu_count", "value": "1"}, {"name": "tcp_keepcnt", "value": "2"},
                      {"name": "rpc_timeout", "value": "3s"}])")
                  .ok());
  EXPECT_TRUE(put(R"([{"name": "cpu_count", "value": "4"}])").ok()) << "a value held is no more";
  Status past =
      put(R"([{"name": "cpu_count", "value": "5"}, {"name": "syslog_level", "value": "INFO"}])");
  EXPECT_EQ(StatusCode::kFailedPrecondition, past.code());
  EXPECT_THAT(past.message(), HasSubstr("at most 3 parameter values"));
  EXPECT_THAT(past.message(), HasSubstr("POST /__mock/reset"));
  EXPECT_THAT(
      listed(),
      HasSubstr(
          R"("name":"cpu_count","svrIp":"10.0.0.1","svrPort":2882,"svrType":"observer","value":"4")"))
      << "nothing of the refused change was set";
  EXPECT_THAT(listed(), ::testing::Not(HasSubstr(R"("values":["INFO"])")));
  family.Reset();
  EXPECT_TRUE(put(R"([{"name": "syslog_level", "value": "INFO"}])").ok());
}

}  // namespace
}  // namespace mock::families
