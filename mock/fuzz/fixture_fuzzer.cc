// libFuzzer target: the fixture loader (JSON parsing, the `ocpVersions` items, which are read
// before any schema check, schema validation, model conversion and the consistency checks: one
// parse per input, as the loader does), and
// then the simulator over whatever tasks it accepts, run far into the future: an accepted fixture
// must never make the simulator loop or crash. The schemas and the version played are built once,
// before the first input. Most of an input's time is the words of a refused fixture
// (SchemaSet::Validate, mock/json): docs/robustness.md, "Fuzzing".
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mock/core/version.h"
#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/loader/fixture_loader.h"
#include "mock/tasks/operations.h"
#include "mock/tasks/simulator.h"

namespace {

// Built before the first input (LLVMFuzzerInitialize): the schemas and the version played.
const mock::json::SchemaSet* fixture_schemas = nullptr;
const mock::fixtures::FixtureVersion* fixture_played = nullptr;
constexpr size_t kConditionBytes = 64;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const mock::json::SchemaSet schemas = [] {
    auto s = mock::json::SchemaSet::Load(OCPMOCK_SOURCE_DIR "/schemas");
    if (!s.ok()) std::abort();
    return std::move(s).value();
  }();
  static const mock::fixtures::FixtureVersion played("4.2.1",
                                                     {"4.0.0", "4.2.0", "4.2.1", "4.2.10"});
  fixture_schemas = &schemas;
  fixture_played = &played;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // A version condition is a short string: its parser sees the input's first bytes alone.
  (void)mock::VersionCondition::Parse(text.substr(0, kConditionBytes));
  auto tasks =
      mock::fixtures::ParseTaskFixtures(text, "fuzz.json", *fixture_schemas, fixture_played);
  if (!tasks.ok()) return 0;
  const int64_t t0 = 1'700'000'000'000;
  for (mock::model::Task& task : tasks.value()) {
    mock::tasks::Arm(task, t0);
    mock::tasks::Advance(task, t0 + 1'000'000'000);
    if (mock::tasks::RetryTask(task, t0 + 1'000'000'000).ok()) {
      mock::tasks::Advance(task, t0 + 2'000'000'000);
    }
    if (mock::tasks::RollbackTask(task, t0 + 2'000'000'000).ok()) {
      mock::tasks::Advance(task, t0 + 3'000'000'000);
    }
  }
  return 0;
}
