// GET /api/v2/tasks/instances: page, size and the page object, as
// docs/reference/spring-paging.md states.
#include <gtest/gtest.h>

#include <set>

#include "contract_tests/support/oracle.h"
#include "contract_tests/support/provenance.h"

namespace contract {
namespace {

constexpr char kList[] = "/api/v2/tasks/instances";

struct Page {
  std::vector<int64_t> ids;
  int64_t number = 0, size = 0, total_elements = 0, total_pages = 0;
};

Page Fetch(const std::string& query) {
  Fetched f = ServerUnderTest::Get().Fetch(std::string(kList) + "?" + query);
  Page p;
  EXPECT_EQ(200, f.http.status) << query;
  if (f.http.status != 200 || !f.json.IsObject()) return p;
  for (const auto& t : f.json["data"]["contents"].GetArray()) p.ids.push_back(t["id"].GetInt64());
  const auto& page = f.json["data"]["page"];
  p.number = page["number"].GetInt64();
  p.size = page["size"].GetInt64();
  p.total_elements = page["totalElements"].GetInt64();
  p.total_pages = page["totalPages"].GetInt64();
  return p;
}

// The number of tasks `extra` ("&k=v...") lists.
int64_t Total(const std::string& extra) { return Fetch("size=1" + extra).total_elements; }

struct ConcatCase {
  int size;
  std::string sort;
};

// Read by GoogleTest wherever it prints a parameter (test lists, failures): the pages' query.
void PrintTo(const ConcatCase& c, std::ostream* os) { *os << "size=" << c.size << c.sort; }

class PagesConcatenate : public testing::TestWithParam<ConcatCase> {};

TEST_P(PagesConcatenate, ToTheWholeResultWithNoRepeatsAndAgreeingTotals) {
  const ConcatCase& c = GetParam();
  const int64_t total = Total(c.sort);
  const int64_t expected_pages = (total + c.size - 1) / c.size;
  if (expected_pages > 300) GTEST_SKIP() << "too many pages for size " << c.size;
  std::vector<int64_t> all;
  for (int64_t n = 1; n <= expected_pages + 1; ++n) {
    Page p = Fetch("size=" + std::to_string(c.size) + "&page=" + std::to_string(n) + c.sort);
    EXPECT_EQ(n, p.number);
    EXPECT_EQ(c.size, p.size);
    EXPECT_EQ(total, p.total_elements) << "page " << n;
    EXPECT_EQ(expected_pages, p.total_pages) << "page " << n;
    if (n <= expected_pages) {
      EXPECT_EQ(n < expected_pages ? c.size : total - (expected_pages - 1) * c.size,
                static_cast<int64_t>(p.ids.size()))
          << "page " << n;
    } else {
      EXPECT_TRUE(p.ids.empty()) << "a page past the last has tasks";
    }
    all.insert(all.end(), p.ids.begin(), p.ids.end());
  }
  EXPECT_EQ(static_cast<size_t>(total), all.size());
  // Under the default order (id, a unique key) pages must concatenate exactly: OCP's paging is
  // one SQL query per page. Under a sort with ties, a real OCP has no tie-breaker, so rows with
  // equal keys may move between pages: repeats and gaps there break only ocp-mock's rule.
  const bool unique_key = c.sort.find("sort=") == std::string::npos;
  const Source source = unique_key ? Source::kDoc : Source::kMock;
  const std::string_view rule =
      unique_key ? "docs/reference/ocp-task-api.md Query tasks: pages of the id order concatenate"
                 : "pages concatenate under a sort with ties";
  const size_t distinct = std::set<int64_t>(all.begin(), all.end()).size();
  CheckRule(source, rule, distinct == all.size(),
            "size=" + std::to_string(c.size) + c.sort + ": expected no task on two pages; " +
                std::to_string(all.size() - distinct) + " repeat");
  std::vector<int64_t> whole =
      ServerUnderTest::Get().AllIds(c.sort.empty() ? "" : c.sort.substr(1));
  CheckRule(source, rule, whole == all,
            "size=" + std::to_string(c.size) + c.sort +
                ": expected the pages to concatenate to the whole result (size=2000); they "
                "differ");
}

INSTANTIATE_TEST_SUITE_P(Sizes, PagesConcatenate,
                         testing::Values(ConcatCase{1, ""}, ConcatCase{7, ""}, ConcatCase{10, ""},
                                         ConcatCase{2000, ""}, ConcatCase{9, "&sort=name,asc"},
                                         ConcatCase{13, "&sort=status,desc&sort=startTime,asc"},
                                         ConcatCase{25, "&sort=finishTime"},
                                         ConcatCase{4, "&status=FAILED"}));

// (query, expected page number, expected size): each row of docs/reference/spring-paging.md.
struct EdgeCase {
  std::string query;
  int64_t number;
  int64_t size;
};

// Read by GoogleTest wherever it prints a parameter: the query and the page it must resolve to.
void PrintTo(const EdgeCase& c, std::ostream* os) {
  *os << "\"" << c.query << "\" -> page " << c.number << " of size " << c.size;
}

class PagingEdge : public testing::TestWithParam<EdgeCase> {};

TEST_P(PagingEdge, ResolvesAsSpringDataDoes) {
  const EdgeCase& c = GetParam();
  Page p = Fetch(c.query);
  EXPECT_EQ(c.number, p.number) << c.query;
  EXPECT_EQ(c.size, p.size) << c.query;
  Page reference = Fetch("page=" + std::to_string(c.number) + "&size=" + std::to_string(c.size));
  EXPECT_EQ(reference.ids, p.ids) << c.query << " lists other tasks than page " << c.number
                                  << " of size " << c.size;
}

INSTANTIATE_TEST_SUITE_P(PageAndSize, PagingEdge,
                         testing::Values(EdgeCase{"", 1, 10}, EdgeCase{"page=&size=", 1, 10},
                                         EdgeCase{"page=1", 1, 10}, EdgeCase{"page=2", 2, 10},
                                         EdgeCase{"page=0", 1, 10}, EdgeCase{"page=-3", 1, 10},
                                         EdgeCase{"page=abc", 1, 10}, EdgeCase{"page=1.5", 1, 10},
                                         EdgeCase{"page=99999999999", 1, 10},
                                         EdgeCase{"size=0", 1, 10}, EdgeCase{"size=-1", 1, 10},
                                         EdgeCase{"size=abc", 1, 10}, EdgeCase{"size=1", 1, 1},
                                         EdgeCase{"size=2000", 1, 2000},
                                         EdgeCase{"size=5000", 1, 2000},
                                         EdgeCase{"page=3&size=4", 3, 4},
                                         EdgeCase{"page=2&page=9&size=5&size=50", 2, 5}));

TEST(Paging, PagePastTheLastIsEmptyWithTheRealTotals) {
  Page first = Fetch("size=10");
  for (int64_t n : {first.total_pages + 1, first.total_pages + 100, int64_t{2147483647}}) {
    Page past = Fetch("size=10&page=" + std::to_string(n));
    EXPECT_TRUE(past.ids.empty()) << "page " << n;
    EXPECT_EQ(n, past.number);
    EXPECT_EQ(first.total_elements, past.total_elements);
    EXPECT_EQ(first.total_pages, past.total_pages);
  }
}

TEST(Paging, EmptyResultHasZeroPages) {
  Page p = Fetch("name=no-task-is-called-this-9f3a");
  EXPECT_TRUE(p.ids.empty());
  EXPECT_EQ(0, p.total_elements);
  EXPECT_EQ(0, p.total_pages);
  EXPECT_EQ(1, p.number);
}

TEST(Paging, TotalsCountEveryKnownTask) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  if (!server.complete()) GTEST_SKIP() << "the server has more tasks than the suite learns";
  Page p = Fetch("");
  EXPECT_EQ(static_cast<int64_t>(server.tasks().size()), p.total_elements);
  EXPECT_EQ((p.total_elements + 9) / 10, p.total_pages);
}

}  // namespace
}  // namespace contract
