// The document's structure (document.h): per access level its errors and security; parameters,
// bodies and answers as the Operation says; the samples of the version only; the planes apart;
// bad descriptions refused; and every version's real documents whole: every $ref resolves,
// every example is valid against its schema.
#include "mock/openapi/document.h"

#include <gtest/gtest.h>

#include <set>

#include "mock/api/openapi_endpoint.h"
#include "mock/json/schema_set.h"
#include "mock/openapi/refs.h"
#include "mock/reply/sample_files.h"
#include "mock/testing/test_paths.h"

namespace mock::openapi {
namespace {

using api::Access;
using ocp::ErrorKind;
using rapidjson::Value;

api::Route R(const char* method, const char* pattern, Access access) {
  return {method, pattern, access, nullptr};
}

// A part with one route of each access level, and one route without its Operation.
Part Demo() {
  Part p{.name = "demo", .description = "What the tests describe."};
  p.routes = {R("GET", "/api/v2/demo/{demoId}", Access::kTaskViewer),
              R("GET", "/api/v2/time", Access::kPublic),
              R("GET", "/api/v2/info", Access::kAuthenticated),
              R("POST", "/api/v2/upload", Access::kPackageManager),
              R("POST", "/__mock/demo", Access::kControl),
              R("GET", "/api/v2/undescribed", Access::kTaskViewer)};
  p.operations = {
      {.method = "GET",
       .pattern = "/api/v2/demo/{demoId}",
       .id = "getDemo",
       .summary = "One demo",
       .params = {{.name = "status", .repeated = true, .allowed = {"A", "B"}},
                  {.name = "size",
                   .type = "integer",
                   .default_value = "10",
                   .minimum = 1,
                   .maximum = 2000}},
       .answer = {.schema = "task-detail-response"},
       .errors = {ErrorKind::kTaskNotFound},
       .samples = api::SampleFiles("task-detail", {"4.2.2"})},
      {.method = "GET",
       .pattern = "/api/v2/time",
       .id = "getTime",
       .summary = "The time",
       .answer = {.media_type = "text/plain", .enveloped = false}},
      {.method = "GET",
       .pattern = "/api/v2/info",
       .id = "getInfo",
       .summary = "The info",
       .answer = {.schema = "info", .enveloped = false}},
      {.method = "POST",
       .pattern = "/api/v2/upload",
       .id = "upload",
       .summary = "An upload",
       .body = api::Body{.media_type = "multipart/form-data",
                         .fields = {{.name = "file", .required = true, .format = "binary"}}},
       .answer = {.schema = "software-package-response"},
       .samples = api::SampleFiles("upload-software-package")},
      {.method = "POST",
       .pattern = "/__mock/demo",
       .id = "mockDemo",
       .summary = "A control route",
       .provenance = api::Provenance::kMock,
       .body = api::Body{.schema = "fault-rule"},
       .errors = {ErrorKind::kBadRequest}},
  };
  return p;
}

versions::Profile ProfileOf(const std::string& version) {
  return versions::LoadProfile(testdata::SchemasDir(), version).value();
}

StatusOr<rapidjson::Document> Build(const versions::Profile& profile, Plane plane,
                                    const std::vector<Part>& parts = {Demo()}) {
  Joined j = Join(parts);
  return BuildDocument({.plane = plane,
                        .profile = &profile,
                        .operations = j.operations,
                        .tags = j.tags,
                        .undescribed = j.undescribed,
                        .samples_dir = testdata::SamplesDir()});
}

std::set<std::string> Keys(const Value& v) {
  std::set<std::string> keys;
  for (const auto& m : v.GetObject()) keys.insert(m.name.GetString());
  return keys;
}

std::string Text(const Value& v) { return DocumentText(v, false); }

TEST(Document, ErrorsAndSecurityFollowTheAccessLevel) {
  const versions::Profile p = ProfileOf("4.2.2");
  const rapidjson::Document d = Build(p, Plane::kOcp).value();
  const Value& demo = d["paths"]["/api/v2/demo/{demoId}"]["get"];
  EXPECT_EQ((std::set<std::string>{"200", "400", "401", "403", "404", "429"}),
            Keys(demo["responses"]));
  EXPECT_EQ("TSK10001", std::string(demo["responses"]["404"]["content"]["application/json"]
                                        ["examples"]["taskNotFound"]["value"]["error"]["code"]
                                            .GetString()));
  EXPECT_TRUE(demo["responses"]["400"]["content"]["application/json"]["examples"].HasMember(
      "invalidParameter"));  // the path id
  EXPECT_EQ(R"([{"basic":[]},{"ocpAkSk":[]}])", Text(demo["security"]));
  EXPECT_EQ("TASK_VIEWER", std::string(demo["x-ocp-permission"].GetString()));
  const Value& time = d["paths"]["/api/v2/time"]["get"];
  EXPECT_EQ((std::set<std::string>{"200"}), Keys(time["responses"]));
  EXPECT_EQ("[]", Text(time["security"]));
  EXPECT_EQ("public", std::string(time["x-ocp-permission"].GetString()));
  const Value& info = d["paths"]["/api/v2/info"]["get"];
  EXPECT_EQ((std::set<std::string>{"200", "401", "429"}), Keys(info["responses"]));
  const rapidjson::Document c = Build(p, Plane::kControl).value();
  const Value& control = c["paths"]["/__mock/demo"]["post"];
  EXPECT_EQ((std::set<std::string>{"200", "400"}), Keys(control["responses"]));
  EXPECT_EQ("[]", Text(control["security"]));
  EXPECT_EQ("control", std::string(control["x-ocp-permission"].GetString()));
}

TEST(Document, AVersionWithoutAkSkHasBasicOnlyAndItsOwnCodes) {
  const rapidjson::Document d = Build(ProfileOf("3.1.1"), Plane::kOcp).value();
  EXPECT_EQ((std::set<std::string>{"basic"}), Keys(d["components"]["securitySchemes"]));
  const Value& demo = d["paths"]["/api/v2/demo/{demoId}"]["get"];
  EXPECT_EQ(R"([{"basic":[]}])", Text(demo["security"]));
  EXPECT_TRUE(demo["responses"]["404"]["content"]["application/json"]["examples"]["taskNotFound"]
                  ["value"]["error"]["code"]
                      .IsInt64());
}

// Each error example is the mock's own envelope in the version's words, valid against the
// version's error-envelope schema; several kinds of one status share its response.
TEST(Document, ErrorExamplesAreValidEnvelopesWithTheCataloguesCodes) {
  for (const std::string& version : versions::KnownVersions(testdata::SchemasDir())) {
    const versions::Profile p = ProfileOf(version);
    const json::SchemaSet schemas = json::SchemaSet::Load(p.schema_dirs).value();
    const rapidjson::Document d = Build(p, Plane::kOcp).value();
    size_t checked = 0;
    for (const auto& path : d["paths"].GetObject()) {
      for (const auto& op : path.value.GetObject()) {
        for (const auto& r : op.value["responses"].GetObject()) {
          if (std::string(r.name.GetString()) < "400") continue;
          const Value& media = r.value["content"]["application/json"];
          EXPECT_EQ("#/components/schemas/error-envelope",
                    std::string(media["schema"]["$ref"].GetString()));
          for (const auto& e : media["examples"].GetObject()) {
            const Value& value = e.value["value"];
            auto v = schemas.Validate("error-envelope", value);
            EXPECT_TRUE(v.empty())
                << version << " " << e.name.GetString() << ": " << json::Describe(v);
            const ErrorKind kind = ocp::ErrorKindFromName(e.name.GetString()).value();
            EXPECT_EQ(p.errors.Lookup(kind).CodeText(),
                      value["error"]["code"].IsString()
                          ? value["error"]["code"].GetString()
                          : std::to_string(value["error"]["code"].GetInt64()));
            EXPECT_EQ(std::stoi(r.name.GetString()), value["status"].GetInt());
            ++checked;
          }
        }
      }
    }
    EXPECT_EQ(10u, checked) << version;  // getDemo 5, getInfo 2, upload 3
  }
}

TEST(Document, ParametersAreTypedAsDeclared) {
  const rapidjson::Document d = Build(ProfileOf("4.2.2"), Plane::kOcp).value();
  const Value& params = d["paths"]["/api/v2/demo/{demoId}"]["get"]["parameters"];
  ASSERT_EQ(3u, params.Size());
  EXPECT_EQ(
      R"({"name":"demoId","in":"path","required":true,"schema":{"type":"integer","format":"int64"}})",
      [&] {
        rapidjson::Document p;
        p.CopyFrom(params[0], p.GetAllocator());
        p.RemoveMember("description");
        return Text(p);
      }());
  EXPECT_EQ(R"({"type":"array","items":{"type":"string","enum":["A","B"]}})",
            Text(params[1]["schema"]));
  EXPECT_EQ("form", std::string(params[1]["style"].GetString()));
  EXPECT_FALSE(params[1]["explode"].GetBool()) << "OCP's documented form: a=A,B";
  EXPECT_NE(std::string::npos, std::string(params[1]["description"].GetString()).find("commas"));
  EXPECT_EQ(R"({"type":"integer","minimum":1,"maximum":2000,"default":10})",
            Text(params[2]["schema"]));
}

TEST(Document, BodiesAndAnswersAreAsDeclared) {
  const versions::Profile p = ProfileOf("4.2.2");
  const rapidjson::Document d = Build(p, Plane::kOcp).value();
  const Value& upload = d["paths"]["/api/v2/upload"]["post"];
  EXPECT_EQ(
      R"({"required":true,"content":{"multipart/form-data":{"schema":{"type":"object","properties":{"file":{"type":"string","contentMediaType":"application/octet-stream","x-ocp-provenance":"doc"}},"required":["file"]},"encoding":{"file":{"contentType":"application/octet-stream"}}}}})",
      Text(upload["requestBody"]));
  EXPECT_EQ(R"({"type":"string"})", Text(d["paths"]["/api/v2/time"]["get"]["responses"]["200"]
                                          ["content"]["text/plain"]["schema"]));
  EXPECT_EQ(R"({"$ref":"#/components/schemas/info"})",
            Text(d["paths"]["/api/v2/info"]["get"]["responses"]["200"]["content"]
                  ["application/json"]["schema"]));
  const rapidjson::Document c = Build(p, Plane::kControl).value();
  const Value& control = c["paths"]["/__mock/demo"]["post"];
  EXPECT_EQ(R"({"$ref":"#/components/schemas/fault-rule"})",
            Text(control["requestBody"]["content"]["application/json"]["schema"]));
  EXPECT_EQ(R"({"$ref":"#/components/schemas/envelope"})",
            Text(control["responses"]["200"]["content"]["application/json"]["schema"]));
}

TEST(Document, OnlyTheVersionsSamplesAreExamples) {
  auto examples = [](const std::string& version, const char* path, const char* method) {
    const rapidjson::Document d = Build(ProfileOf(version), Plane::kOcp).value();
    const Value& media =
        d["paths"][path][method]["responses"]["200"]["content"]["application/json"];
    return media.HasMember("examples") ? Keys(media["examples"]) : std::set<std::string>{};
  };
  EXPECT_EQ((std::set<std::string>{"upload-software-package-4.0.0"}),
            examples("4.0.0", "/api/v2/upload", "post"));
  EXPECT_EQ((std::set<std::string>{"task-detail-4.2.2"}),
            examples("4.2.2", "/api/v2/demo/{demoId}", "get"));
  EXPECT_TRUE(examples("4.0.0", "/api/v2/demo/{demoId}", "get").empty());
}

// A documented sample with an erratum (contract_tests/samples/README.md) is no example: the
// response says which and why instead.
TEST(Document, ASampleItsSchemaRefusesIsAnErratumNotAnExample) {
  const versions::Profile p = ProfileOf("4.2.2");
  const json::SchemaSet schemas = json::SchemaSet::Load(p.schema_dirs).value();
  Part part{.name = "demo"};
  part.routes = {R("GET", "/api/v2/compute/hostTypes", Access::kHostViewer)};
  part.operations = {{.method = "GET",
                      .pattern = "/api/v2/compute/hostTypes",
                      .id = "listHostTypes",
                      .summary = "Host types",
                      .answer = {.schema = "host-type-list-response"},
                      .samples = {"query-host-types-4.2.2.json"}}};
  Joined j = Join({part});
  const rapidjson::Document d = BuildDocument({.profile = &p,
                                               .operations = j.operations,
                                               .tags = j.tags,
                                               .samples_dir = testdata::SamplesDir(),
                                               .schemas = &schemas})
                                    .value();
  const Value& media = d["paths"]["/api/v2/compute/hostTypes"]["get"]["responses"]["200"]["content"]
                        ["application/json"];
  EXPECT_FALSE(media.HasMember("examples"));
  EXPECT_EQ(
      R"json([{"sample":"contract_tests/samples/query-host-types-4.2.2.json","violation":"/data/contents/0: unknown field \"descripiton\" (did you mean \"description\"?)"}])json",
      Text(media["x-ocp-sample-errata"]));
}

TEST(Document, ThePlanesAreApartAndWhatIsUndescribedIsSaid) {
  const versions::Profile p = ProfileOf("4.2.2");
  const rapidjson::Document ocp = Build(p, Plane::kOcp).value();
  const rapidjson::Document control = Build(p, Plane::kControl).value();
  EXPECT_EQ((std::set<std::string>{"/api/v2/demo/{demoId}", "/api/v2/time", "/api/v2/info",
                                   "/api/v2/upload"}),
            Keys(ocp["paths"]));
  EXPECT_EQ((std::set<std::string>{"/__mock/demo"}), Keys(control["paths"]));
  EXPECT_EQ(R"(["GET /api/v2/undescribed"])", Text(ocp["x-ocp-undescribed"]));
  EXPECT_FALSE(control.HasMember("x-ocp-undescribed"));
  EXPECT_EQ("ocp-mock control plane", std::string(control["info"]["title"].GetString()));
}

TEST(Document, ADescriptionThatMakesNoSenseIsRefusedNamingIt) {
  const versions::Profile p = ProfileOf("4.2.2");
  Part bad = Demo();
  bad.operations[0].params[1].default_value = "ten";
  auto d = Build(p, Plane::kOcp, {bad});
  EXPECT_EQ(StatusCode::kConfig, d.status().code());
  EXPECT_EQ("GET /api/v2/demo/{demoId} (getDemo): parameter size: default 'ten' is not an integer",
            d.status().message());
  bad = Demo();
  bad.operations[0].answer.schema = "no-such-response";
  d = Build(p, Plane::kOcp, {bad});
  EXPECT_NE(std::string::npos, d.status().message().find("no-such-response.schema.json"))
      << d.status().message();
  EXPECT_EQ(StatusCode::kInvalidArgument, BuildDocument({}).status().code());
}

class VersionDocuments : public ::testing::TestWithParam<std::string> {};

// The real documents, whole: OpenAPI 3.1 with the version's info; every $ref resolves inside
// and none is left a file name; the planes apart; every success example valid against its
// response's schema; the same text each time.
TEST_P(VersionDocuments, AreWholeAndConsistent) {
  const std::string version = GetParam();
  const api::OpenApiSources sources{testdata::SchemasDir(), testdata::SamplesDir(), version};
  const json::SchemaSet schemas = json::SchemaSet::Load(ProfileOf(version).schema_dirs).value();
  for (Plane plane : {Plane::kOcp, Plane::kControl}) {
    auto built = api::BuildVersionDocument(sources, version, {.plane = plane});
    ASSERT_TRUE(built.ok()) << built.status().message();
    const rapidjson::Document& d = built.value();
    EXPECT_EQ("3.1.0", std::string(d["openapi"].GetString()));
    EXPECT_EQ(version, d["info"]["version"].GetString());
    EXPECT_TRUE(UnresolvedRefs(d).empty()) << UnresolvedRefs(d).front();
    const std::string text = DocumentText(d, false);
    EXPECT_EQ(std::string::npos, text.find(".schema.json\"")) << "a $ref left a file name";
    for (const auto& path : d["paths"].GetObject()) {
      EXPECT_EQ(plane, PlaneOf(path.name.GetString())) << path.name.GetString();
      for (const auto& op : path.value.GetObject()) {
        const Value& ok = op.value["responses"].MemberBegin()->value;
        if (!ok.HasMember("content")) continue;
        for (const auto& media : ok["content"].GetObject()) {
          if (!media.value.HasMember("examples") || !media.value["schema"].HasMember("$ref")) {
            continue;
          }
          std::string schema = media.value["schema"]["$ref"].GetString();
          schema = schema.substr(schema.rfind('/') + 1);
          for (const auto& e : media.value["examples"].GetObject()) {
            auto v = schemas.Validate(schema, e.value["value"]);
            EXPECT_TRUE(v.empty())
                << e.name.GetString() << " against " << schema << ": " << json::Describe(v);
          }
        }
      }
    }
    if (plane == Plane::kControl) {
      EXPECT_TRUE(d["paths"].HasMember("/__mock/openapi.json"));
    }
    EXPECT_EQ(
        text,
        DocumentText(api::BuildVersionDocument(sources, version, {.plane = plane}).value(), false));
  }
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, VersionDocuments,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::openapi
