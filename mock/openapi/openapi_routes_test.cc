// The route walk (reply/operation.h), in every version: each route the mock serves has exactly
// one Operation with its method and pattern, and each Operation its route; operationIds are set
// and unique; every schema an Operation names is in the version's set; every sample it names is
// a file; the documents' tags are the parts' names; and every Operation is served by the Api
// itself, not only by the stand-in the documents are built from.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "mock/api/api_description.h"
#include "mock/api/openapi_endpoint.h"
#include "mock/api/test_bundled_api.h"
#include "mock/openapi/document.h"
#include "mock/openapi/join.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::openapi {
namespace {

namespace fs = std::filesystem;

// One version's stand-in and what its parts pair up into.
struct Walked {
  versions::Profile profile;
  std::unique_ptr<api::StandIn> standin;
  std::vector<Part> parts;
  Joined joined;
};

Walked Walk(const std::string& version) {
  Walked w{versions::LoadProfile(testdata::SchemasDir(), version).value(), nullptr, {}, {}};
  w.standin = std::move(api::StandIn::Make(w.profile)).value();
  w.parts = w.standin->Parts(api::OpenApiPart({}));
  w.joined = Join(w.parts);
  return w;
}

std::string Lines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += "\n  " + s;
  return out;
}

class RouteWalk : public ::testing::TestWithParam<std::string> {};

TEST_P(RouteWalk, EveryRouteHasExactlyOneOperationAndEveryOperationItsRoute) {
  const Walked w = Walk(GetParam());
  size_t routes = 0;
  for (const Part& p : w.parts) routes += p.routes.size();
  EXPECT_TRUE(w.joined.problems.empty())
      << "OCP " << GetParam() << ": " << w.joined.problems.size() << " of " << routes
      << " routes do not pair up with their Operation (reply/operation.h):"
      << Lines(w.joined.problems);
  EXPECT_EQ(routes - w.joined.undescribed.size(), w.joined.operations.size());
}

TEST_P(RouteWalk, EverySchemaAnOperationNamesIsInTheVersionsSet) {
  const Walked w = Walk(GetParam());
  for (const Part& p : w.parts) {
    for (const api::Operation& op : p.operations) {
      std::vector<std::string> named;
      if (!op.answer.schema.empty()) named.push_back(op.answer.schema);
      if (op.body && !op.body->schema.empty()) named.push_back(op.body->schema);
      for (const std::string& schema : named) {
        EXPECT_TRUE(json::FindSchemaFile(w.profile.schema_dirs, schema + ".schema.json"))
            << op.id << " (" << p.name << ") names " << schema << ", which OCP " << GetParam()
            << " lacks";
      }
    }
  }
}

TEST_P(RouteWalk, EverySampleAnOperationNamesIsAFileOfAKnownVersion) {
  const Walked w = Walk(GetParam());
  const std::vector<std::string> known = versions::KnownVersions(testdata::SchemasDir());
  for (const Part& p : w.parts) {
    for (const api::Operation& op : p.operations) {
      for (const std::string& sample : op.samples) {
        EXPECT_TRUE(fs::is_regular_file(testdata::SamplesDir() / sample))
            << op.id << " names the sample " << sample << ", which contract_tests/samples lacks";
        const bool versioned = std::any_of(known.begin(), known.end(), [&](const std::string& v) {
          return sample.ends_with("-" + v + ".json");
        });
        EXPECT_TRUE(versioned) << op.id << ": " << sample << " is not NAME-VERSION.json";
      }
    }
  }
}

// Every part is described, and each document's tags are exactly the parts its operations are in.
TEST_P(RouteWalk, TheDocumentsTagsAreThePartsNames) {
  const Walked w = Walk(GetParam());
  std::set<std::string> parts;
  for (const Part& p : w.parts) {
    parts.insert(p.name);
    EXPECT_FALSE(api::PartDescription(p.name).empty()) << p.name << " has no tag description";
  }
  for (Plane plane : {Plane::kOcp, Plane::kControl}) {
    auto doc = BuildDocument({.plane = plane,
                              .profile = &w.profile,
                              .operations = w.joined.operations,
                              .tags = w.joined.tags});
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    std::set<std::string> tags, used;
    for (const auto& t : doc.value()["tags"].GetArray()) tags.insert(t["name"].GetString());
    for (const auto& path : doc.value()["paths"].GetObject()) {
      for (const auto& op : path.value.GetObject()) used.insert(op.value["tags"][0].GetString());
    }
    EXPECT_EQ(used, tags);
    for (const std::string& t : tags) EXPECT_EQ(1u, parts.count(t)) << t << " is no part's name";
  }
}

// The stand-in's operations are what the Api serves: each answers OPTIONS with its method in
// `Allow` on the bundled fixtures (its path ids as 1).
TEST_P(RouteWalk, EveryOperationIsServedByTheApi) {
  const Walked w = Walk(GetParam());
  const families::testing::BundledApi api(GetParam());
  for (const DescribedOperation& d : w.joined.operations) {
    std::string path = d.op.pattern;
    for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{')) {
      path.replace(open, path.find('}', open) - open + 1, "1");
    }
    const http::Response r = api.Send("OPTIONS", path);
    const std::string* allow = http::FindHeader(r.headers, "Allow");
    ASSERT_NE(nullptr, allow) << d.op.method << " " << path << ": " << r.status << " " << r.body;
    EXPECT_NE(std::string::npos, (", " + *allow + ",").find(", " + d.op.method + ","))
        << d.op.method << " " << d.op.pattern << " is described, but the Api allows " << *allow;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, RouteWalk,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

// The Api decides by version whether it serves the asynchronous tenant creation; the profiles
// (which ocp-compat diff and the stand-ins read) must say the same of every version.
TEST(RouteWalk, TheProfilesAgreeWithTheApiOnTheAsyncTenantCreation) {
  for (const std::string& version : versions::KnownVersions(testdata::SchemasDir())) {
    EXPECT_EQ(api::HasAsyncCreateTenant(version),
              versions::LoadProfile(testdata::SchemasDir(), version).value().async_create_tenant)
        << version;
  }
}

}  // namespace
}  // namespace mock::openapi
