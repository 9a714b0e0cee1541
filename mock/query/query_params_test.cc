#include "mock/query/query_params.h"

#include <gtest/gtest.h>

#include "mock/ocp/error_kinds.h"

namespace mock::query {
namespace {

using model::TaskStatus;
using model::TaskType;

TaskQuery Parse(const QueryParams& params) {
  auto result = ParseTaskQuery(params);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.status().message());
  return result.ok() ? result.value() : TaskQuery{};
}

TEST(QueryParamsTest, NoParametersMeansNoFilterDefaultOrderFirstPage) {
  TaskQuery q = Parse({});
  EXPECT_FALSE(q.filter.name);
  EXPECT_TRUE(q.filter.statuses.empty());
  EXPECT_TRUE(q.sort.empty());
  EXPECT_EQ((PageRequest{1, 10}), q.page);
}

TEST(QueryParamsTest, StatusCommaListAndRepeatedKeysBindTheSame) {
  std::vector<TaskStatus> both{TaskStatus::kRunning, TaskStatus::kFailed};
  EXPECT_EQ(both, Parse({{"status", "RUNNING,FAILED"}}).filter.statuses);
  EXPECT_EQ(both, Parse({{"status", "RUNNING"}, {"status", "FAILED"}}).filter.statuses);
  EXPECT_EQ(both, Parse({{"status", " RUNNING , ,FAILED,"}}).filter.statuses);
  EXPECT_TRUE(Parse({{"status", ""}}).filter.statuses.empty());
}

TEST(QueryParamsTest, ScalarsAreTrimmedAndBlankMeansAbsent) {
  TaskQuery q = Parse({{"type", " SYS_ONECE "}, {"clusterId", " 12 "}, {"tenantId", ""}});
  EXPECT_EQ(TaskType::kSysOnece, q.filter.type);
  EXPECT_EQ(12, q.filter.cluster_id);
  EXPECT_FALSE(q.filter.tenant_id);
  EXPECT_FALSE(Parse({{"type", ""}}).filter.type);
}

TEST(QueryParamsTest, NamesAreLowerCasedForCaseInsensitiveMatching) {
  TaskQuery q = Parse({{"name", "Prepare Tenant"}, {"cluterName", "META"}, {"clusterName", "Db"}});
  EXPECT_EQ("prepare tenant", q.filter.name);
  EXPECT_EQ((std::vector<std::string>{"meta", "db"}), q.filter.cluster_names);
}

TEST(QueryParamsTest, RepeatedScalarJoinsWithCommaAsSpringDoes) {
  EXPECT_EQ("a,b", Parse({{"name", "a"}, {"name", "b"}}).filter.name);
  EXPECT_FALSE(ParseTaskQuery({{"clusterId", "1"}, {"clusterId", "2"}}).ok());
}

TEST(QueryParamsTest, TenantNameNeedsClusterId) {
  TaskQuery q = Parse({{"tenantName", "sys"}, {"clusterId", "2"}});
  EXPECT_EQ("sys", q.filter.tenant_name);
  auto alone = ParseTaskQuery({{"tenantName", "sys"}});
  ASSERT_FALSE(alone.ok());
  EXPECT_EQ("tenantName", alone.status().args().at(0));
  EXPECT_FALSE(Parse({{"tenantName", " "}}).filter.tenant_name);
}

TEST(QueryParamsTest, UnknownParametersAreIgnored) {
  EXPECT_TRUE(ParseTaskQuery({{"bogus", "1"}, {"Status", "nope"}}).ok());
}

struct Bad {
  QueryParams params;
  std::string subject;
  ocp::ErrorKind kind;
};

// Read by GoogleTest wherever it prints a parameter (test lists, failures): the query and the
// error it must give.
void PrintTo(const Bad& b, std::ostream* os) {
  const char* separator = "";
  for (const auto& [key, value] : b.params) {
    *os << separator << key << "=" << value;
    separator = "&";
  }
  *os << " -> " << ocp::ErrorKindName(b.kind) << " naming \"" << b.subject << "\"";
}

class QueryParamsErrorTest : public testing::TestWithParam<Bad> {};

TEST_P(QueryParamsErrorTest, NamesTheParameter) {
  auto result = ParseTaskQuery(GetParam().params);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(GetParam().kind, ocp::KindOf(result.status()));
  EXPECT_EQ(GetParam().subject, result.status().args().at(0));
  EXPECT_FALSE(result.status().message().empty() &&
               GetParam().kind == ocp::ErrorKind::kInvalidParameter);
}

INSTANTIATE_TEST_SUITE_P(
    Invalid, QueryParamsErrorTest,
    testing::Values(
        Bad{{{"status", "running"}}, "status", ocp::ErrorKind::kInvalidParameter},
        Bad{{{"status", "RUNNING,DONE"}}, "status", ocp::ErrorKind::kInvalidParameter},
        Bad{{{"type", "SYS_ONCE"}}, "type", ocp::ErrorKind::kInvalidParameter},
        Bad{{{"type", "MANUAL"}, {"type", "SCHEDULED"}}, "type", ocp::ErrorKind::kInvalidParameter},
        Bad{{{"clusterId", "abc"}}, "clusterId", ocp::ErrorKind::kInvalidParameter},
        Bad{{{"clusterId", "12abc"}}, "clusterId", ocp::ErrorKind::kInvalidParameter},
        Bad{{{"clusterId", "1.0"}}, "clusterId", ocp::ErrorKind::kInvalidParameter},
        Bad{{{"tenantId", "99999999999999999999"}}, "tenantId", ocp::ErrorKind::kInvalidParameter},
        Bad{{{"hostId", "0x10"}}, "hostId", ocp::ErrorKind::kInvalidParameter},
        Bad{{{"hostId", "-"}}, "hostId", ocp::ErrorKind::kInvalidParameter},
        Bad{{{"sort", "color,asc"}}, "color", ocp::ErrorKind::kUnsupportedSort}));

}  // namespace
}  // namespace mock::query
