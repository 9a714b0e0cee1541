// libFuzzer target: a raw query string (the whole input, as after '?') decoded by
// http::ParseQuery (mock/http/url.h), then bound by the two readers of list queries that are
// not the task list's (url_fuzzer covers that one):
//  - the request journal's filter and paging (mock/control/journal_handlers.h
//    ParseJournalFilter, query::ResolvePage), as GET /__mock/requests reads them, then run over a
//    journal of a few entries: the page holds at most `size` entries, each matching the filter
//    (journal::Matches), and its total is what Count says;
//  - a declared list's filters, sort and paging (mock/listing/list_engine.h Bind), over a spec
//    with every kind of filter and sort key, then run over a few rows: the page holds at most
//    `size` rows, each passing the filters, and its total counts every row that passes.
// A refusal must be a 400 with a message (invalidParameter or unsupportedSort), never a crash.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/control/journal_handlers.h"
#include "mock/http/url.h"
#include "mock/journal/journal.h"
#include "mock/listing/list_engine.h"
#include "mock/ocp/error_kinds.h"
#include "mock/query/paging.h"

namespace {

using mock::listing::Match;
using mock::listing::SortAs;

struct QueryRow {
  int64_t id = 0;
  std::shared_ptr<rapidjson::Document> doc;
};

struct QueryWorld {
  QueryWorld() : journal(16) {
    const struct {
      const char* method;
      const char* path;
      const char* user;
      int status;
      int64_t ms;
      bool control;
    } entries[] = {
        {"GET", "/api/v2/tasks/instances", "admin", 200, 1'764'554'400'000, false},
        {"POST", "/api/v2/tasks/instances/8000004/retry", "admin", 400, 1'764'554'460'000, false},
        {"GET", "/api/v2/ob/clusters/1/tenants", "", 401, 1'764'554'520'000, false},
        {"PUT", "/__mock/tasks/7", "ops", 200, 1'764'554'580'000, true},
        {"DELETE", "/api/v2/compute/hosts/3", "ops", 404, 1'764'554'640'000, false},
    };
    for (const auto& e : entries) {
      mock::journal::Entry entry;
      entry.method = e.method;
      entry.path = e.path;
      entry.user = e.user;
      entry.status = e.status;
      entry.epoch_ms = e.ms;
      entry.control = e.control;
      journal.Record(entry);
    }
    spec.filters = {
        {"status", Match::kAnyOf, {"status"}, {"RUNNING", "FAILED", "SUCCESS"}},
        {"service", Match::kHasAnyOf, {"services[].name"}, {"OB", "ODP"}},
        {"without", Match::kHasNoneOf, {"services[].name"}, {"OB", "ODP"}},
        {"keyword", Match::kContains, {"name", "ip"}},
        {"locked", Match::kBool, {"locked"}},
        {"failedOnly", Match::kWhenTrue, {"status"}, {}, "FAILED"},
    };
    spec.sort_keys = {{"id", SortAs::kNumber},
                      {"name", SortAs::kFoldedText},
                      {"ip", SortAs::kText},
                      {"createTime", SortAs::kTime},
                      {"locked", SortAs::kNumber}};
    const char* docs[] = {
        R"({"name":"alpha","ip":"10.0.0.1","status":"RUNNING","locked":false,
            "createTime":"2026-12-01T10:00:00.000+08:00","services":[{"name":"OB"}]})",
        R"({"name":"Beta","ip":"10.0.0.2","status":"FAILED","locked":true,
            "createTime":"2026-12-01T09:00:00.000+08:00","services":[]})",
        R"({"name":"beta","status":"SUCCESS","locked":false,"createTime":"not a time",
            "services":[{"name":"ODP"},{"name":"OB"}]})",
        R"({"name":"Zeta","ip":"10.0.0.10","status":"FAILED"})",
        R"({"ip":"::1","locked":true,"createTime":"2026-12-01T02:00:00Z"})",
    };
    int64_t id = 1;
    for (const char* text : docs) {
      auto doc = std::make_shared<rapidjson::Document>();
      doc->Parse(text);
      rows.push_back({id++ * 3 % 7, std::move(doc)});
    }
  }

  mock::journal::Journal journal;
  mock::listing::ListSpec spec;
  std::vector<QueryRow> rows;
};

const QueryWorld* world_ptr = nullptr;

bool IsRefusal(const mock::Status& s) {
  return !s.ok() && !s.message().empty() && mock::ocp::HttpStatusFor(s) == 400;
}

void CheckJournal(const QueryWorld& w, const mock::QueryParams& params) {
  auto filter = mock::api::ParseJournalFilter(params, true);
  if (!filter.ok()) {
    if (!IsRefusal(filter.status())) __builtin_trap();
    return;
  }
  const mock::query::PageRequest page =
      mock::query::ResolvePage(mock::ValuesOf(params, "page"), mock::ValuesOf(params, "size"));
  if (page.number < 1 || page.size < 1) __builtin_trap();
  const mock::journal::Page found = w.journal.List(filter.value(), page.number, page.size);
  if (found.entries.size() > static_cast<size_t>(page.size)) __builtin_trap();
  if (static_cast<size_t>(found.total) != w.journal.Count(filter.value())) __builtin_trap();
  for (const auto& e : found.entries) {
    if (!mock::journal::Matches(filter.value(), e)) __builtin_trap();
  }
}

void CheckList(const QueryWorld& w, const mock::QueryParams& params) {
  auto bound = mock::listing::Bind(w.spec, params);
  if (!bound.ok()) {
    if (!IsRefusal(bound.status())) __builtin_trap();
    return;
  }
  const auto page = mock::listing::Run(bound.value(), w.rows);
  if (page.items.size() > static_cast<size_t>(page.page.size)) __builtin_trap();
  int64_t passing = 0;
  for (const QueryRow& row : w.rows) passing += mock::listing::Matches(bound.value(), *row.doc);
  if (page.total_elements != passing) __builtin_trap();
  for (const QueryRow* row : page.items) {
    if (!mock::listing::Matches(bound.value(), *row->doc)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const QueryWorld built;
  world_ptr = &built;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  auto params = mock::http::ParseQuery(raw);
  if (!params.ok()) {
    if (params.status().message().empty()) __builtin_trap();
    return 0;
  }
  CheckJournal(*world_ptr, params.value());
  CheckList(*world_ptr, params.value());
  return 0;
}
