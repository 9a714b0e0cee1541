// libFuzzer target: the parsers of a family built on the resource pattern (host types), called
// directly (not through the API: a whole request per input is several times slower), over the
// bundled host types and the version's schemas, loaded once. The first byte, modulo 3, picks
// what the rest is (the order of the seeds' first bytes, mock/fuzz/corpus/resource/):
//  0  a runtime row for PUT /__mock/hostTypes/{id}, {id} the first byte / 3 + 1 (resource_set.h's
//     ParseRow), then listed with the bundled rows by a sort key the first byte picks (the list
//     engine reads the row's members: list_engine.h's Bind and Run). Asserted: a row accepted is
//     an object with the path's id;
//  1  a body for POST /api/v2/compute/hostTypes (request_body.h's CheckedBody against
//     create-host-type-request). Asserted: a refusal says why;
//  2  the list's query string (http::ParseQuery, then Bind and Run over the bundled rows, with
//     host_types_family.cc's spec). Asserted: a page holds at most its size of rows, each one of
//     the rows given, and the total counts every row (the list has no filter).
// A refusal always says why, and of a UTF-8 input quotes only UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "mock/families/host_types/host_types_family.h"
#include "mock/fuzz/refusal_check.h"
#include "mock/http/url.h"
#include "mock/json/utf8.h"
#include "mock/listing/list_engine.h"
#include "mock/reply/request_body.h"
#include "mock/resources/resource_set.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace {

using mock::listing::SortAs;

template <typename T>
T MustResource(mock::StatusOr<T> v) {
  if (!v.ok()) std::abort();
  return std::move(v).value();
}

// What every input reads: the version's schemas, the bundled host types and the list's spec (a
// copy of host_types_family.cc's, which the family keeps private).
struct ResourceWorld {
  ResourceWorld()
      : profile(MustResource(mock::versions::LoadProfile(OCPMOCK_SOURCE_DIR "/schemas", "4.2.2"))),
        schemas(MustResource(mock::json::SchemaSet::Load(profile.schema_dirs))),
        rows(MustResource(mock::resources::LoadResources(
            mock::testdata::FixturesDir(), mock::families::HostTypesFamily::kSpec, schemas))),
        list{.filters = {},
             .sort_keys = {{"id", SortAs::kNumber},
                           {"name", SortAs::kFoldedText},
                           {"createTime", SortAs::kTime},
                           {"updateTime", SortAs::kTime}}} {}

  mock::versions::Profile profile;
  mock::json::SchemaSet schemas;
  std::vector<mock::resources::Row> rows;
  mock::listing::ListSpec list;
};

const ResourceWorld* resource_world = nullptr;

// Whether this input is UTF-8: then so must be what a refusal quotes of it (an answer is JSON).
bool resource_input_utf8 = false;

void ResourceSaysWhy(const mock::Status& s) {
  mock::fuzz::AbortUnlessRefusalSaysWhy(s, resource_input_utf8);
}

// The page `params` asks of `rows`, checked.
void ListRows(const ResourceWorld& w, const mock::QueryParams& params,
              const std::vector<mock::resources::Row>& rows) {
  auto query = mock::listing::Bind(w.list, params);
  if (!query.ok()) return ResourceSaysWhy(query.status());
  const auto page = mock::listing::Run(query.value(), rows);
  if (page.items.size() > static_cast<size_t>(page.page.size) ||
      page.total_elements != static_cast<int64_t>(rows.size())) {
    std::abort();
  }
  for (const mock::resources::Row* r : page.items) {
    if (r < rows.data() || r >= rows.data() + rows.size()) std::abort();
  }
}

void RuntimeRow(const ResourceWorld& w, const std::string& body, uint8_t pick) {
  const int64_t id = pick / 3 + 1;
  auto row = mock::resources::ParseRow(body, id, mock::families::HostTypesFamily::kSpec, w.schemas);
  if (!row.ok()) return ResourceSaysWhy(row.status());
  if (row.value().id != id || !row.value().doc->IsObject()) std::abort();
  std::vector<mock::resources::Row> rows = w.rows;
  rows.push_back(row.value());
  const std::string& key = w.list.sort_keys[pick % w.list.sort_keys.size()].name;
  ListRows(w, {{"sort", key + (pick % 2 == 0 ? ",asc" : ",desc")}}, rows);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const ResourceWorld built;
  resource_world = &built;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ResourceWorld& w = *resource_world;
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  resource_input_utf8 = mock::json::IsValidUtf8(rest);
  switch (data[0] % 3) {
    case 0:
      RuntimeRow(w, rest, data[0]);
      break;
    case 1:
      ResourceSaysWhy(mock::api::CheckedBody(rest, "create-host-type-request", w.schemas).status());
      break;
    default:
      if (auto params = mock::http::ParseQuery(rest); params.ok()) {
        ListRows(w, params.value(), w.rows);
      }
      break;
  }
  return 0;
}
