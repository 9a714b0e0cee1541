// The Operations of the control plane (control_operations.cc) and of the OBProxy, arbitration and
// credential families (their *_operations.cc) against what the mock serves, in every version:
// the reset parts a document names are those a reset resets, and every query parameter an
// Operation declares binds as it says (each enum value and a plain value answered, a value
// outside the enum refused, a value the pattern rejects refused).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "mock/api/api_description.h"
#include "mock/api/openapi_endpoint.h"
#include "mock/api/test_bundled_api.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::api {
namespace {

using families::testing::BundledApi;
using ::testing::HasSubstr;

// The Operations of part `name` as `version`'s stand-in describes them.
std::vector<Operation> OperationsOf(const std::string& version, const std::string& name) {
  const versions::Profile profile = versions::LoadProfile(testdata::SchemasDir(), version).value();
  auto standin = StandIn::Make(profile);
  if (!standin.ok()) throw std::runtime_error(standin.status().message());
  for (const openapi::Part& p : standin.value()->Parts(OpenApiPart({}))) {
    if (p.name == name) return p.operations;
  }
  return {};
}

const Param* ParamOf(const Operation& op, const std::string& name) {
  auto it = std::find_if(op.params.begin(), op.params.end(),
                         [&](const Param& p) { return p.name == name; });
  return it == op.params.end() ? nullptr : &*it;
}

// The path of `op` with each `{...}` segment 1.
std::string PathOf(const Operation& op) {
  std::string path = op.pattern;
  for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{')) {
    path.replace(open, path.find('}', open) - open + 1, "1");
  }
  return path;
}

// `value` percent-encoded but for RFC 3986's unreserved characters.
std::string Encoded(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || std::string_view("-._~").find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

std::string VersionName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = "v" + info.param;
  std::replace(name.begin(), name.end(), '.', '_');
  return name;
}

class ResetParts : public ::testing::TestWithParam<std::string> {};

TEST_P(ResetParts, AreThoseAResetResetsAndEachResetsAlone) {
  const std::vector<Operation> ops = OperationsOf(GetParam(), "control");
  auto reset = std::find_if(ops.begin(), ops.end(),
                            [](const Operation& op) { return op.id == "mockReset"; });
  ASSERT_NE(ops.end(), reset);
  const Param* only = ParamOf(*reset, "only");
  ASSERT_NE(nullptr, only);
  BundledApi api(GetParam());
  const rapidjson::Document all = api.Json("POST", "/__mock/reset");
  std::vector<std::string> parts;
  for (const auto& p : all["data"]["reset"].GetArray()) parts.emplace_back(p.GetString());
  EXPECT_EQ(parts, only->allowed);
  for (const std::string& part : only->allowed) {
    const rapidjson::Document one = api.Json("POST", "/__mock/reset?only=" + part);
    ASSERT_EQ(1u, one["data"]["reset"].Size()) << part;
    EXPECT_EQ(part, one["data"]["reset"][0].GetString());
  }
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, ResetParts,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         VersionName);

// A value of `p` it declares valid.
std::string PlainValue(const Param& p) {
  if (!p.allowed.empty()) return p.allowed.front();
  if (p.name == "sort") return "id,desc";
  if (p.name == "path") return "/api/v2/*/[a-z]*";
  if (p.type == "boolean") return "true";
  if (p.minimum) return std::to_string(*p.minimum);
  return "1";  // a number, an id, a keyword, a glob, epoch milliseconds
}

// Every declared parameter of the part's operations, in one version.
void ExpectParamsBind(const std::string& version, const std::string& part) {
  const std::vector<Operation> ops = OperationsOf(version, part);
  BundledApi api(version);
  for (const Operation& op : ops) {
    const std::string path = PathOf(op);
    for (const Param& p : op.params) {
      std::vector<std::string> valid = p.allowed;
      if (valid.empty()) valid.push_back(PlainValue(p));
      for (const std::string& v : valid) {
        const http::Response r = api.Send(op.method, path + "?" + p.name + "=" + Encoded(v));
        EXPECT_EQ(200, r.status) << op.id << " " << p.name << "=" << v << ": " << r.body;
      }
      if (!p.allowed.empty()) {
        const http::Response r = api.Send(op.method, path + "?" + p.name + "=NOT_LISTED");
        EXPECT_EQ(400, r.status) << op.id << " " << p.name << ": " << r.body;
        EXPECT_THAT(r.body, HasSubstr(p.name)) << op.id;
      }
      if (!p.pattern.empty()) {
        // As JSON Schema reads `pattern`: ECMA 262, unanchored.
        const std::regex pattern(p.pattern, std::regex::ECMAScript);
        EXPECT_TRUE(std::regex_search(PlainValue(p), pattern)) << op.id << " " << p.name;
        EXPECT_FALSE(std::regex_search(std::string("noSuchProperty"), pattern)) << op.id;
        const http::Response r = api.Send(op.method, path + "?" + p.name + "=noSuchProperty");
        EXPECT_EQ(400, r.status) << op.id << " " << p.name << ": " << r.body;
      }
    }
  }
}

class DeclaredParams : public ::testing::TestWithParam<std::string> {};

TEST_P(DeclaredParams, BindAsDeclaredInTheControlPlane) { ExpectParamsBind(GetParam(), "control"); }

TEST_P(DeclaredParams, BindAsDeclaredForObproxyClusters) {
  ExpectParamsBind(GetParam(), "obproxyClusters");
}

TEST_P(DeclaredParams, BindAsDeclaredForArbitrationServices) {
  ExpectParamsBind(GetParam(), "arbitrationServices");
}

TEST_P(DeclaredParams, BindAsDeclaredForCredentials) {
  ExpectParamsBind(GetParam(), "credentials");
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, DeclaredParams,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         VersionName);

// The arbitration services are described where they are served, and only there.
TEST(ArbitrationOperations, ExistInTheVersionsThatServeThemOnly) {
  for (const std::string& version : versions::KnownVersions(testdata::SchemasDir())) {
    const versions::Profile profile =
        versions::LoadProfile(testdata::SchemasDir(), version).value();
    size_t ocp = 0;
    for (const Operation& op : OperationsOf(version, "arbitrationServices")) {
      if (op.pattern.starts_with("/api/")) ++ocp;
    }
    EXPECT_EQ(profile.arbitration ? 4u : 0u, ocp) << version;
  }
}

}  // namespace
}  // namespace mock::api
