// libFuzzer target: a family built on the resource pattern (host types) through the whole API
// pipeline, as a client or a test would reach it: the first byte picks the request (a runtime row
// for PUT /__mock/hostTypes/{id}, a body for POST /api/v2/compute/hostTypes, or a list's query
// string), the rest is its body or query. Every answer must be a well-formed envelope: never a
// crash or a 500.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "mock/api/api.h"
#include "mock/json/json.h"
#include "mock/versions/profile.h"

namespace {

struct World {
  World()
      : profile(Must(mock::versions::LoadProfile(OCPMOCK_SOURCE_DIR "/schemas", "4.2.2"))),
        schemas(Must(mock::json::SchemaSet::Load(profile.schema_dirs))),
        clock(1'700'000'000'000),
        store({}, clock),
        api(Options(), store, clock, nullptr) {}

  template <typename T>
  static T Must(mock::StatusOr<T> v) {
    if (!v.ok()) std::abort();
    return std::move(v).value();
  }
  mock::api::ApiOptions Options() {
    mock::api::ApiOptions o;
    o.errors = profile.errors;
    o.schemas = &schemas;
    o.journal_size = 0;  // what the journal keeps would look to LeakSanitizer like a leak per input
    // No rows from files (loading them is not outside input): the inputs' PUTs add rows.
    return o;
  }

  mock::versions::Profile profile;
  mock::json::SchemaSet schemas;
  mock::tasks::MockClock clock;
  mock::tasks::TaskStore store;
  mock::api::Api api;
};

void Send(const World& w, const std::string& method, const std::string& target, std::string body) {
  auto request = mock::http::MakeRequest(method, target, {}, std::move(body));
  if (!request.ok()) return;
  mock::http::Response r = w.api.Handle(request.value());
  if (r.status >= 500) std::abort();
  if (auto doc = mock::json::ParseJson(r.body); !doc.ok() || !doc.value().IsObject()) std::abort();
}

}  // namespace

// Built before the first input, so that what it keeps for the run is not blamed on one.
static const World* world_ptr = nullptr;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const World built;
  world_ptr = &built;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const World& world = *world_ptr;
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      Send(world, "PUT", "/__mock/hostTypes/" + std::to_string(data[0] / 3 + 1), rest);
      break;
    case 1:
      Send(world, "POST", "/api/v2/compute/hostTypes", rest);
      break;
    default:
      Send(world, "GET", "/api/v2/compute/hostTypes?" + rest, "");
      break;
  }
  Send(world, "POST", "/__mock/reset?only=hostTypes", "");
  return 0;
}
