// The OpenAPI parameters of a declared list follow its declaration: the entity lists' filters
// with the enum values the version's schemas give, their sort keys (in a pattern that accepts
// what query/sort.h parses and refuses what it refuses), and page and size with OCP's bounds.
#include "mock/reply/list_params.h"

#include <regex>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/entities/entity_query.h"
#include "mock/query/sort.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::api {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

entities::ListRules RulesOf(const std::string& version) {
  auto profile = versions::LoadProfile(testdata::SchemasDir(), version);
  if (!profile.ok()) throw std::runtime_error(profile.status().message());
  auto schemas = json::SchemaSet::Load(profile.value().schema_dirs);
  if (!schemas.ok()) throw std::runtime_error(schemas.status().message());
  return entities::ListRulesFor(schemas.value(), version);
}

const Param& Named(const std::vector<Param>& params, const std::string& name) {
  for (const Param& p : params) {
    if (p.name == name) return p;
  }
  throw std::runtime_error("no parameter " + name);
}

std::vector<std::string> Names(const std::vector<Param>& params) {
  std::vector<std::string> names;
  for (const Param& p : params) names.push_back(p.name);
  return names;
}

TEST(ListParams, EveryFilterOfTheSpecThenPaging) {
  const entities::ListRules rules = RulesOf("4.2.2");
  EXPECT_THAT(Names(ListParams(rules.hosts)),
              ElementsAre("status", "keyword", "includedServiceType", "excludedServiceType", "page",
                          "size", "sort"));
  EXPECT_THAT(Names(ListParams(rules.tenants)),
              ElementsAre("name", "status", "mode", "locked", "readonly", "page", "size", "sort"));
  // A filter added to a spec shows up.
  listing::ListSpec spec = rules.hosts;
  spec.filters.push_back({"idcName", listing::Match::kContains, {"idcName"}});
  EXPECT_EQ(Named(ListParams(spec), "idcName").type, "string");
}

TEST(ListParams, EnumFiltersCarryTheVersionsValues) {
  const Param mode422 = Named(ListParams(RulesOf("4.2.2").tenants), "mode");
  EXPECT_TRUE(mode422.repeated);
  EXPECT_THAT(mode422.allowed, ::testing::UnorderedElementsAre("MYSQL", "ORACLE"));
  // 4.2.0's docs know no ORACLE tenant (schemas/versions/4.2.0/tenant-mode.schema.json).
  EXPECT_THAT(Named(ListParams(RulesOf("4.2.0").tenants), "mode").allowed, ElementsAre("MYSQL"));
  const entities::ListRules hosts = RulesOf("4.2.2");
  const Param included = Named(ListParams(hosts.hosts), "includedServiceType");
  EXPECT_THAT(included.allowed, ElementsAreArray(hosts.hosts.filters[2].allowed));
  EXPECT_THAT(included.allowed, ::testing::Not(IsEmpty()));
  EXPECT_THAT(Named(ListParams(hosts.hosts), "keyword").allowed, IsEmpty());
}

TEST(ListParams, BooleansAndVersionOnlyFilters) {
  EXPECT_EQ(Named(ListParams(RulesOf("4.2.2").tenants), "locked").type, "boolean");
  // withStandby is declared up to 4.0.3 only.
  EXPECT_EQ(Named(ListParams(RulesOf("4.0.3").clusters), "withStandby").type, "boolean");
  EXPECT_THAT(Names(ListParams(RulesOf("4.2.2").clusters)),
              ElementsAre("name", "status", "page", "size", "sort"));
}

TEST(ListParams, PageAndSizeHaveOcpsDefaultsAndBounds) {
  const std::vector<Param> params = ListParams(RulesOf("4.2.2").clusters);
  const Param& page = Named(params, "page");
  EXPECT_EQ(page.type, "integer");
  EXPECT_EQ(page.default_value, "1");
  EXPECT_EQ(page.minimum, 1);
  EXPECT_FALSE(page.maximum.has_value());
  const Param& size = Named(params, "size");
  EXPECT_EQ(size.default_value, "10");
  EXPECT_EQ(size.minimum, 1);
  EXPECT_EQ(size.maximum, 2000);
}

// The sort pattern accepts what the parser accepts and refuses what it refuses.
TEST(ListParams, SortPatternIsTheParsersGrammarOverTheSpecsKeys) {
  const listing::ListSpec spec = RulesOf("4.2.2").clusters;
  const Param sort = Named(ListParams(spec, {.default_sort = "id,asc"}), "sort");
  EXPECT_TRUE(sort.repeated);
  EXPECT_EQ(sort.default_value, "id,asc");
  const std::regex pattern(sort.pattern, std::regex::ECMAScript);
  std::vector<std::string_view> keys;
  for (const listing::SortKey& k : spec.sort_keys) {
    keys.push_back(k.name);
    EXPECT_TRUE(std::regex_match(k.name, pattern)) << k.name;
    EXPECT_TRUE(std::regex_match(k.name + ",DESC", pattern)) << k.name;
    EXPECT_THAT(sort.description, ::testing::HasSubstr("`" + k.name + "`"));
  }
  for (const std::string value :
       {"name,createTime,desc", " obVersion , Asc ", "", "asc", "id,,name", "id,desc,"}) {
    EXPECT_TRUE(query::ParseSortOf({value}, keys).ok()) << value;
    EXPECT_TRUE(std::regex_match(value, pattern)) << value;
  }
  for (const std::string value : {"colour", "id,sideways", "Name", "asc,name", "id,asc,name"}) {
    EXPECT_FALSE(query::ParseSortOf({value}, keys).ok()) << value;
    EXPECT_FALSE(std::regex_match(value, pattern)) << value;
  }
}

TEST(ListErrors, InvalidParameterOnlyWhereAFilterCanRefuse) {
  using ocp::ErrorKind;
  EXPECT_THAT(ListErrors(RulesOf("4.2.2").hosts),
              ElementsAre(ErrorKind::kInvalidParameter, ErrorKind::kUnsupportedSort));
  const listing::ListSpec keyword_only{.filters = {{"name", listing::Match::kContains, {"name"}}},
                                       .sort_keys = {{"id", listing::SortAs::kNumber}}};
  EXPECT_THAT(ListErrors(keyword_only), ElementsAre(ErrorKind::kUnsupportedSort));
}

}  // namespace
}  // namespace mock::api
