// Builds a TaskQuery from the decoded parameters of `GET /api/v2/tasks/instances`, binding each
// the way OCP's Spring MVC controller does.
//
//   ParseTaskQuery({{"status", "RUNNING,FAILED"}, {"page", "2"}})  -> statuses {RUNNING, FAILED}
//   ParseTaskQuery({{"clusterId", "x"}})  -> error kInvalidParameter naming clusterId
#pragma once

#include "mock/core/params.h"
#include "mock/core/status.h"
#include "mock/query/task_query.h"

namespace mock::query {

// Parameters (unknown ones are ignored, as OCP ignores them):
//  - name: substring, case-insensitive.
//  - status: RUNNING, FAILED, SUCCESSFUL; comma-separated and/or repeated; elements trimmed,
//    blank elements ignored; anything else is an error.
//  - type: MANUAL, SYS_ONECE, SCHEDULED, SYS_SCHEDULED; trimmed; blank = absent.
//  - cluterName (OCP's documented spelling) and clusterName: substring, case-insensitive.
//  - clusterId, tenantId, hostId: a 64-bit decimal integer, trimmed; blank = absent.
//  - tenantName: exact; an error unless clusterId is also given.
//  - page, size, sort: see paging.h and sort.h.
// A scalar parameter sent more than once binds as its values joined by ",", as Spring does, so
// `clusterId=1&clusterId=2` is an error and `name=a&name=b` searches for "a,b".
StatusOr<TaskQuery> ParseTaskQuery(const QueryParams& params);

}  // namespace mock::query
