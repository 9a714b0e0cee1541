#include "mock/quirks/client_ids.h"

namespace mock::api {

void WriteClientId(json::JsonWriter& w, const Quirks& quirks, std::string_view key, int64_t id) {
  if (quirks.client_ids) w.Field(key, id);
}

void WriteClientIds(json::JsonWriter& w, const Quirks& quirks, std::string_view key,
                    const std::vector<int64_t>& ids) {
  if (quirks.client_ids) w.Array(key, ids);
}

}  // namespace mock::api
