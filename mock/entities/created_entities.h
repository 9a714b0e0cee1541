// What the mock makes of a schema-valid create request: the tenant or host document it will
// serve, in its finished state and in its state while the creating task runs. Defaults where the
// request leaves a field out are OCP's documented defaults (docs/entities.md).
#pragma once

#include <cstdint>
#include <string>

#include <rapidjson/document.h>

#include "mock/entities/entity_set.h"

namespace mock::entities {

// The tenant `request` (create-tenant-request.schema.json) asks for in `cluster`, with id `id`,
// OCP tenant id `ob_tenant_id`, created at `now` (a timestamp's text): status NORMAL.
Doc MakeTenant(const rapidjson::Value& request, const rapidjson::Value& cluster, int64_t id,
               int64_t ob_tenant_id, const std::string& now);

// The host `data` (one of hostBasicDataList) of `request` (batch-create-hosts-request) asks for,
// with id `id`, created at `now`: status AVAILABLE (agent installed, no service deployed yet).
Doc MakeHost(const rapidjson::Value& request, const rapidjson::Value& data, int64_t id,
             const std::string& now);

// `doc` with `status` set to `status` (and, for a host being prepared, hostAgentStatus null).
Doc WithStatus(const Doc& doc, const char* status);
// `doc` with boolean `key` set to `value`.
Doc WithBool(const Doc& doc, const char* key, bool value);

}  // namespace mock::entities
