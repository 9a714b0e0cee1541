// The documented semantics of the cluster, tenant and host lists, judged from the answers
// themselves, as list_rules.h judges the task list: each filter (only, and all, the matching
// rows), paging (page.number echoed, the pages are the whole list's rows), sorting (ids both
// ways, names under any collation OCP's metadb may use), the size clamp, and each row's detail
// agreeing with the list on every field both carry. Both front ends run them: ocp-compat's rows
// and the suite's Compat/CheckLibrary tests (contract_tests/check_library_test.cc).
//
//   EntityRules tenants = EntityRules::Run(client, EntityList::kTenants);  // ~12 GET requests
//   Outcome o = tenants.FilterEach();  // kPass, kFail, kObserved or kNotApplicable
//
// Sources: docs/reference/ocp-resources-api.md (the filters: cluster and tenant `name` a
// case-insensitive keyword, `status` and `mode` value lists, `locked` and `readonly` booleans,
// the host `keyword` over name, address and service names; 1-based pages; sort=id,asc) and
// docs/reference/spring-paging.md (the clamp of size to 2000).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "tools/client/http_client.h"
#include "tools/compat/outcome.h"

namespace compat {

enum class EntityList { kClusters, kTenants, kHosts };

class EntityRules {
 public:
  // Sends the requests once and keeps the answers (any answer, however far from OCP's).
  static EntityRules Run(const contract::HttpClient& client, EntityList list);

  // Each documented filter, asked with a value the whole list holds (the rarest one, so that a
  // filter the server ignores shows; a keyword in the other letter case, so that a
  // case-sensitive match shows): every row matches, and page.totalElements is the number of
  // matching rows in the whole list (when it fits in one page of 2000).
  Outcome FilterEach() const;
  // sort=id,asc in pages of K: page.number echoes 1 and 2, page.size K, and the pages are the
  // whole list's first 2K rows in order.
  Outcome Paging() const;
  // sort=id,asc and id,desc: ids in that order; name,asc and name,desc: names in the order of a
  // collation OCP's metadb may use (ocp-mock's own, lower-case folding, is an observation).
  Outcome SortEach() const;
  // size=2001 is served as page.size 2000 (Spring Data's clamp).
  Outcome SizeClamp() const;
  // The first and last listed rows' details: every field both the row and the detail carry has
  // the same value.
  Outcome DetailAgrees() const;

 private:
  struct Answer {
    std::string request;
    long status = 0;
    std::string body;
    std::optional<rapidjson::Document> json;
  };
  struct Filter {
    std::string ask;  // "status=LOCKED"
    Answer answer;
  };
  EntityRules() = default;
  static Answer Fetch(const contract::HttpClient& client, const std::string& target);
  void SendFilters(const contract::HttpClient& client);
  void SendDetails(const contract::HttpClient& client);
  // The whole list's rows (sort=id,asc&size=2000), or a failure naming the request.
  const rapidjson::Value* Whole(std::string& why) const;
  // Whether `row` matches `ask` as the docs define the filter.
  bool Matches(const rapidjson::Value& row, const std::string& ask) const;

  EntityList list_ = EntityList::kClusters;
  std::string path_;  // "/api/v2/ob/clusters"
  Answer whole_;
  std::vector<Filter> filters_;
  int64_t page_size_ = 0;  // K of Paging; 0 when the list is too short to page
  Answer page1_, page2_;
  std::vector<std::pair<std::string, Answer>> sorts_;  // "id,asc" -> answer
  Answer clamp_;
  std::vector<std::pair<size_t, Answer>> details_;  // row of the whole list -> its detail
};

}  // namespace compat
