// The entity lists' query: binding as OCP binds (a clear 400 for what it could not bind), each
// filter, and the orders docs/entities.md states (times by instant, names case-insensitively,
// absent first, ties by id), paged.
#include "mock/entities/entity_query.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/json/json.h"
#include "mock/testing/test_paths.h"

namespace mock::entities {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Row TenantRow(int64_t id, const std::string& fields) {
  auto doc = json::ParseJson(R"({"id": )" + std::to_string(id) + ", " + fields + "}");
  return {id, MakeDoc(std::move(doc).value()), "test"};
}

std::vector<Row> Tenants() {
  return {
      TenantRow(1, R"("name": "pay", "clusterId": 1, "mode": "MYSQL", "status": "NORMAL",
                     "locked": false, "createTime": "2024-01-01T10:00:00.000+08:00")"),
      TenantRow(2, R"("name": "Orders", "clusterId": 2, "mode": "ORACLE", "status": "NORMAL",
                     "locked": true, "createTime": "2024-01-01T03:00:00.000+00:00")"),
      TenantRow(3, R"("name": "orders", "clusterId": 1, "mode": "MYSQL", "status": "CREATING",
                     "locked": false)"),
      TenantRow(4, R"("name": "sys", "clusterId": 2, "mode": "MYSQL", "status": "NORMAL",
                     "locked": false, "createTime": "2024-01-01T09:30:00.000+08:00")"),
  };
}

const ListRules& Rules() {
  static const ListRules rules = ListRulesFor(testdata::BundledSchemas(), "4.2.2");
  return rules;
}

std::vector<int64_t> Ids(const QueryParams& params, std::optional<int64_t> cluster = {}) {
  auto q = ParseTenantList(params, Rules(), cluster);
  if (!q.ok()) throw std::runtime_error(q.status().message());
  const std::vector<Row> rows = Tenants();
  std::vector<int64_t> ids;
  for (const Row* r : RunList(rows, q.value()).items) ids.push_back(r->id);
  return ids;
}

TEST(EntityQuery, EachFilterAloneAndTogether) {
  EXPECT_THAT(Ids({}), ElementsAre(1, 2, 3, 4)) << "id ascending by default";
  EXPECT_THAT(Ids({{"name", "ORD"}}), ElementsAre(2, 3)) << "a case-insensitive keyword";
  EXPECT_THAT(Ids({{"mode", "MYSQL"}}), ElementsAre(1, 3, 4));
  EXPECT_THAT(Ids({{"status", "NORMAL"}, {"status", "CREATING"}}), ElementsAre(1, 2, 3, 4));
  EXPECT_THAT(Ids({{"status", "CREATING"}}), ElementsAre(3));
  EXPECT_THAT(Ids({{"locked", "true"}}), ElementsAre(2));
  EXPECT_THAT(Ids({}, 2), ElementsAre(2, 4)) << "a cluster's tenants";
  EXPECT_THAT(Ids({{"mode", "MYSQL"}, {"locked", "false"}}, 1), ElementsAre(1, 3));
  EXPECT_THAT(Ids({{"colour", "red"}}), ElementsAre(1, 2, 3, 4)) << "unknown ones are ignored";
}

TEST(EntityQuery, OrdersAsDocumented) {
  EXPECT_THAT(Ids({{"sort", "name,asc"}}), ElementsAre(2, 3, 1, 4))
      << "Orders and orders tie case-insensitively, then by code point";
  EXPECT_THAT(Ids({{"sort", "name,desc"}}), ElementsAre(4, 1, 3, 2));
  // 03:00Z is 11:00+08:00: the latest; the tenant without a createTime comes first.
  EXPECT_THAT(Ids({{"sort", "createTime,asc"}}), ElementsAre(3, 4, 1, 2));
  EXPECT_THAT(Ids({{"sort", "createTime,desc"}}), ElementsAre(2, 1, 4, 3));
  EXPECT_THAT(Ids({{"sort", "mode,desc"}}), ElementsAre(2, 1, 3, 4)) << "ties by id ascending";
  EXPECT_THAT(Ids({{"sort", "mode,asc"}, {"sort", "name,desc"}}), ElementsAre(4, 1, 3, 2));
}

TEST(EntityQuery, PagesOfTheOrder) {
  EXPECT_THAT(Ids({{"sort", "name,asc"}, {"size", "2"}, {"page", "2"}}), ElementsAre(1, 4));
  EXPECT_THAT(Ids({{"size", "3"}, {"page", "2"}}), ElementsAre(4));
  EXPECT_THAT(Ids({{"size", "3"}, {"page", "3"}}), ElementsAre());
  auto q = ParseTenantList({{"size", "3"}}, Rules(), std::nullopt).value();
  const std::vector<Row> rows = Tenants();
  auto page = RunList(rows, q);
  EXPECT_EQ(4, page.total_elements);
  EXPECT_EQ(2, page.total_pages);
}

TEST(EntityQuery, WhatCannotBeBoundIsRefusedNamingTheParameter) {
  for (const auto& [params, named] :
       {std::pair{QueryParams{{"locked", "maybe"}}, "locked"},
        std::pair{QueryParams{{"mode", "DB2"}}, "mode"},
        std::pair{QueryParams{{"status", "GONE"}}, "status"},
        std::pair{QueryParams{{"sort", "colour,asc"}}, "Sortable properties"}}) {
    auto q = ParseTenantList(params, Rules(), std::nullopt);
    ASSERT_FALSE(q.ok()) << named;
    // The parameter is the error's argument, which the catalogue's message names
    // ("The input parameter {0} is empty or invalid"); the message says what was wrong.
    const std::string all =
        (q.status().args().empty() ? "" : q.status().args()[0]) + " " + q.status().message();
    EXPECT_THAT(all, HasSubstr(named));
  }
  auto narrow = ListRulesFor(testdata::BundledSchemas(), "4.2.2");
  for (listing::Filter& f : narrow.tenants.filters) {
    if (f.param == "mode") f.allowed = {"MYSQL"};  // as 4.2.0's schemas give it
  }
  EXPECT_FALSE(ParseTenantList({{"mode", "ORACLE"}}, narrow, std::nullopt).ok());
}

}  // namespace
}  // namespace mock::entities
