// The host types family over HTTP requests (no sockets): the list's paging and sorting, a
// creation and its refusals, each version's documented samples, and what the resource pattern
// gives it without code of its own: PUT and DELETE /__mock/hostTypes/{id}, reset and reload.
#include "mock/families/host_types/host_types_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "mock/families/host_types/test_host_types_api.h"

namespace mock::families {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::HostTypesApi;

constexpr char kList[] = "/api/v2/compute/hostTypes";

std::vector<int64_t> IdsOf(const rapidjson::Document& d) {
  std::vector<int64_t> ids;
  for (const auto& row : d["data"]["contents"].GetArray()) ids.push_back(row["id"].GetInt64());
  return ids;
}

std::vector<std::string> ViolationsOf(const HostTypesApi& h, const char* schema,
                                      const std::string& body) {
  std::vector<std::string> out;
  for (const json::Violation& v : h.schemas().ValidateText(schema, body))
    out.push_back(v.path + ": " + v.message);
  return out;
}

// A fixture folder of its own (an empty tasks/ and the host types given), removed afterwards.
struct Folder {
  Folder() : dir(fs::temp_directory_path() / ("ocpmock-host-types-" + std::to_string(getpid()))) {
    fs::create_directories(dir / "tasks");
    fs::create_directories(dir / "host-types");
  }
  ~Folder() { fs::remove_all(dir); }
  void Write(const std::string& text) const {
    std::ofstream(dir / "host-types" / "a.json") << text;
  }
  fs::path dir;
};

std::string FileOf(const std::string& rows) {
  return R"({"format": "ocp-mock-host-types/1", "hostTypes": [)" + rows + "]}";
}

TEST(HostTypesTest, ListsTheFixtureRowsPagedAndValid) {
  HostTypesApi h;
  http::Response r = h.Send("GET", std::string(kList) + "?size=2&page=2");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(ViolationsOf(h, "host-type-list-response", r.body), ::testing::IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_EQ((std::vector<int64_t>{3, 4}), IdsOf(d));
  EXPECT_EQ(4, d["data"]["page"]["totalElements"].GetInt64());
  EXPECT_EQ(2, d["data"]["page"]["number"].GetInt());
  EXPECT_EQ(2, d["data"]["page"]["totalPages"].GetInt64());
}

TEST(HostTypesTest, SortsByDeclaredKeysAndRefusesOthers) {
  HostTypesApi h;
  auto by_name = h.Json("GET", std::string(kList) + "?sort=name,desc");
  std::vector<std::string> names;
  for (const auto& row : by_name["data"]["contents"].GetArray())
    names.emplace_back(row["name"].GetString());
  EXPECT_EQ((std::vector<std::string>{"small", "high-memory", "high-io", "default"}), names);
  http::Response r = h.Send("GET", std::string(kList) + "?sort=colour,asc");
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("COM10011"));  // unsupportedSort
}

TEST(HostTypesTest, CreatesATypeAnsweringAsTheDocsSampleThenListsIt) {
  HostTypesApi h;
  http::Response r = h.Send("POST", kList, R"({"name": "gpu", "description": "8 GPUs"})");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(ViolationsOf(h, "host-type-response", r.body), ::testing::IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_EQ(5, d["data"]["id"].GetInt64());
  EXPECT_TRUE(d["data"]["createTime"].IsNull());
  auto listed = h.Json("GET", std::string(kList) + "?sort=id,desc&size=1");
  const auto& row = listed["data"]["contents"][0];
  EXPECT_STREQ("gpu", row["name"].GetString());
  EXPECT_STREQ("8 GPUs", row["description"].GetString());
  EXPECT_TRUE(row["createTime"].IsString());  // the mock clock's now
}

TEST(HostTypesTest, ADuplicateNameIsNameExistsAndChangesNothing) {
  HostTypesApi h;
  http::Response r = h.Send("POST", kList, R"({"name": "default"})");
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("COM10006"));
  EXPECT_THAT(r.body, HasSubstr("default"));
  EXPECT_EQ(4, h.Json("GET", kList)["data"]["page"]["totalElements"].GetInt64());
}

TEST(HostTypesTest, BadBodiesAreRefusedNamingTheFieldAndChangeNothing) {
  HostTypesApi h;
  for (const auto& [body, expected] :
       std::vector<std::pair<std::string, std::string>>{{"", "Required request body is missing"},
                                                        {"{", "JSON parse error"},
                                                        {R"({"description": "x"})", "name"},
                                                        {R"({"name": 7})", "name"},
                                                        {R"({"name": ""})", "name"}}) {
    http::Response r = h.Send("POST", kList, body);
    EXPECT_EQ(400, r.status) << body;
    EXPECT_THAT(r.body, HasSubstr(expected)) << body;
  }
  EXPECT_EQ(4, h.Json("GET", kList)["data"]["page"]["totalElements"].GetInt64());
}

TEST(HostTypesTest, EachRouteNeedsItsPermission) {
  const std::vector<auth::User> users = {
      {1, "viewer", "p", {}, {auth::Permission::kHostViewer}, std::nullopt},
      {2, "manager", "p", {}, {auth::Permission::kHostManager}, std::nullopt}};
  HostTypesApi h(testdata::FixturesDir(), "4.2.2", users);
  const http::Headers viewer = {{"Authorization", "Basic dmlld2VyOnA="}};   // viewer:p
  const http::Headers manager = {{"Authorization", "Basic bWFuYWdlcjpw"}};  // manager:p
  EXPECT_EQ(200, h.Send("GET", kList, "", viewer).status);
  EXPECT_EQ(403, h.Send("POST", kList, R"({"name": "x"})", viewer).status);
  EXPECT_EQ(200, h.Send("POST", kList, R"({"name": "x"})", manager).status);
  EXPECT_EQ(401, h.Send("GET", kList).status);
}

TEST(HostTypesTest, PutAndDeleteUnderMockChangeTheListAndResetUndoesThem) {
  HostTypesApi h;
  http::Response put =
      h.Send("PUT", "/__mock/hostTypes/40", R"({"name": "arm", "description": null})");
  ASSERT_EQ(200, put.status) << put.body;
  EXPECT_EQ(200, h.Send("PUT", "/__mock/hostTypes/1", R"({"name": "renamed"})").status);
  EXPECT_EQ(200, h.Send("DELETE", "/__mock/hostTypes/2").status);
  EXPECT_EQ(404, h.Send("DELETE", "/__mock/hostTypes/2").status);
  EXPECT_EQ((std::vector<int64_t>{1, 3, 4, 40}), IdsOf(h.Json("GET", kList)));
  EXPECT_STREQ("renamed", h.Json("GET", kList)["data"]["contents"][0]["name"].GetString());
  // The next creation takes an id past every id held.
  EXPECT_EQ(41, h.Json("POST", kList, R"({"name": "new"})")["data"]["id"].GetInt64());
  EXPECT_EQ(200, h.Send("POST", "/__mock/reset?only=hostTypes").status);
  EXPECT_EQ((std::vector<int64_t>{1, 2, 3, 4}), IdsOf(h.Json("GET", kList)));
  EXPECT_STREQ("default", h.Json("GET", kList)["data"]["contents"][0]["name"].GetString());
}

TEST(HostTypesTest, ARuntimeRowIsCheckedAgainstTheRowSchema) {
  HostTypesApi h;
  for (const auto& [body, expected] : std::vector<std::pair<std::string, std::string>>{
           {R"({"name": 5})", "/name"},
           {R"({"id": 9, "name": "x"})", "/id: must be 8"},
           {R"({"name": "x", "colour": "red"})", "colour"},
           {"[1]", "one hostTypes object"},
           {"nope", "not JSON"}}) {
    http::Response r = h.Send("PUT", "/__mock/hostTypes/8", body);
    EXPECT_EQ(400, r.status) << body;
    EXPECT_THAT(r.body, HasSubstr(expected)) << body << " -> " << r.body;
  }
  EXPECT_EQ(4, h.Json("GET", kList)["data"]["page"]["totalElements"].GetInt64());
}

TEST(HostTypesTest, AReloadReadsTheFilesAgainAllOrNothing) {
  Folder f;
  f.Write(FileOf(R"({"id": 7, "name": "one"})"));
  HostTypesApi h(f.dir);
  EXPECT_EQ((std::vector<int64_t>{7}), IdsOf(h.Json("GET", kList)));
  f.Write(FileOf(R"({"id": 7, "name": "one"}, {"id": 8, "name": "two"})"));
  http::Response r = h.Send("POST", "/__mock/fixtures/reload");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("hostTypes":2)"));
  EXPECT_EQ((std::vector<int64_t>{7, 8}), IdsOf(h.Json("GET", kList)));
  f.Write(FileOf(R"({"id": 9, "name": 3})"));
  r = h.Send("POST", "/__mock/fixtures/reload");
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("a.json"));
  EXPECT_THAT(r.body, HasSubstr("/hostTypes/0/name"));
  EXPECT_EQ((std::vector<int64_t>{7, 8}), IdsOf(h.Json("GET", kList)));  // nothing changed
}

TEST(HostTypesTest, FilesAreCheckedWithTheirPlaceAndVersions) {
  Folder f;
  f.Write(FileOf(R"({"id": 7, "name": "one"}, {"id": 7, "name": "other"})"));
  EXPECT_THROW(
      {
        try {
          HostTypesApi h(f.dir);
        } catch (const std::runtime_error& e) {
          EXPECT_THAT(e.what(), HasSubstr("/hostTypes/1: hostTypes 7 is described differently"));
          throw;
        }
      },
      std::runtime_error);
  f.Write(R"({"format": "ocp-mock-host-types/1", "ocpVersions": ["4.0.0"],
              "hostTypes": [{"id": 7, "name": "old"}]})");
  HostTypesApi h(f.dir, "4.2.2");
  EXPECT_EQ(0, h.Json("GET", kList)["data"]["page"]["totalElements"].GetInt64());
  HostTypesApi old(f.dir, "4.0.0");
  EXPECT_EQ((std::vector<int64_t>{7}), IdsOf(old.Json("GET", kList)));
}

}  // namespace
}  // namespace mock::families
