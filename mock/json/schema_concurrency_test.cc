// One compiled schema set checks documents from several threads at once (the fixture loader's
// pool, the HTTP workers): the fast validator's schemas are shared, not copied per thread, which
// is safe only because a check changes nothing in them (rapidjson_patterns.h). Built into
// mock_api_concurrency_tests, which tools/test --full also runs under ThreadSanitizer.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/test_paths.h"

namespace mock::json {
namespace {

TEST(SchemaConcurrencyTest, OneSchemaSetChecksFromManyThreadsWithTheSameVerdicts) {
  const SchemaSet& schemas = testdata::BundledSchemas();
  auto text = ReadFile(testdata::FixturesDir() / "tasks" / "01-list-sample.json");
  ASSERT_TRUE(text.ok());
  // The same file with one timestamp that breaks its pattern.
  std::string bad = text.value();
  const size_t at = bad.find("\"finishTime\": \"");
  ASSERT_NE(at, std::string::npos);
  bad.replace(at + 15, 4, "20xx");  // the year
  auto good_doc = ParseJson(text.value());
  auto bad_doc = ParseJson(bad);
  ASSERT_TRUE(good_doc.ok() && bad_doc.ok());
  ASSERT_TRUE(schemas.Check("fixture-file", good_doc.value()).empty());
  ASSERT_FALSE(schemas.Check("fixture-file", bad_doc.value()).empty());

  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (schemas.QuickCheck("fixture-file", good_doc.value())) ++wrong;
        if (!schemas.QuickCheck("fixture-file", bad_doc.value())) ++wrong;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace mock::json
