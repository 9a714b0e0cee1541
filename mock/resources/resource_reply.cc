#include "mock/resources/resource_reply.h"

#include "mock/reply/page_json.h"

namespace mock::resources {

api::Reply ListReply(std::vector<Row> rows, const listing::ListQuery& query) {
  auto held = std::make_shared<std::vector<Row>>(std::move(rows));
  auto page = listing::Run(query, *held);
  return api::Reply{[held, page = std::move(page)](json::JsonWriter& w) {
    w.StartObject();
    w.Key("contents");
    w.StartArray();
    for (const Row* row : page.items) row->doc->Accept(w);
    w.EndArray();
    api::WritePage(w, page.page, page.total_elements);
    w.EndObject();
  }};
}

api::Reply RowReply(Row row) {
  return api::Reply{[row = std::move(row)](json::JsonWriter& w) { row.doc->Accept(w); }};
}

}  // namespace mock::resources
