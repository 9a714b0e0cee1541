// --quirks client-ids (quirks.h): the ids the terraform provider for private OCP reads from a
// write's answer and OCP's docs do not give (docs/reference/ocp-client-flows.md §7, §9 item 13):
// `clusterId` on POST /api/v2/ob/clusters, `obproxyClusterId` on POST /api/v2/obproxy/clusters,
// `id` and `hostIds` on POST /api/v2/compute/hosts/batchCreate, `arbitrationServiceId` on
// POST /api/v2/arbitration/services. Provenance `client`: what the provider reads, seen in no
// doc or deployment (docs/terraform.md).
//
// A family that answers such a write calls one of these while it writes the answer's `data`
// object, at the key's place in alphabetical order (OCP's samples sort their keys). Without the
// quirk they write nothing, so the answer stays exactly as documented:
//
//   w.StartObject();
//   ...                                                       // "cluster": {...}
//   api::WriteClientId(w, quirks, "clusterId", cluster_id);   // only with client-ids
//   ...                                                       // "context": ...
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "mock/json/json_writer.h"
#include "mock/quirks/quirks.h"

namespace mock::api {

// `"key": id`, with the client-ids quirk on; nothing otherwise.
void WriteClientId(json::JsonWriter& w, const Quirks& quirks, std::string_view key, int64_t id);
// `"key": [ids...]`, with the client-ids quirk on; nothing otherwise.
void WriteClientIds(json::JsonWriter& w, const Quirks& quirks, std::string_view key,
                    const std::vector<int64_t>& ids);

}  // namespace mock::api
