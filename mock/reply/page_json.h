// The `page` object of OCP's paged lists, for every paged answer the mock writes (OCP's task
// list and the mock's own request journal alike).
#pragma once

#include <cstdint>

#include "mock/json/json_writer.h"
#include "mock/query/task_query.h"

namespace mock::api {

// "page": {"number", "size", "totalElements", "totalPages"}, as a key and its object.
inline void WritePage(json::JsonWriter& w, const query::PageRequest& page, int64_t total_elements) {
  w.Key("page");
  w.StartObject();
  w.Key("number");
  w.Int(page.number);
  w.Key("size");
  w.Int(page.size);
  w.Key("totalElements");
  w.Int64(total_elements);
  w.Key("totalPages");
  w.Int64((total_elements + page.size - 1) / page.size);
  w.EndObject();
}

}  // namespace mock::api
