// ocp-record's second part: the clusters, tenants (each in its detail form) and hosts of the
// live server, written as an entity file (OUT/entities/recorded.json) beside the recorded tasks.
//
// Best effort: a page the credentials may not read (no CLUSTER_VIEWER or HOST_VIEWER), or
// entities that would not load with the recorded tasks, leave the file unwritten and a note in
// the report; the tasks are recorded either way, and ocp-mock derives what they name. Not done
// with --anonymise (the entities would have to be anonymised as the tasks are): a note says so.
#pragma once

#include <vector>

#include "mock/json/schema_set.h"
#include "mock/model/task.h"
#include "tools/record/recorder.h"
#include "tools/record/session.h"

namespace record {

// Records them; `tasks` are the recorded tasks, which the entities must agree with.
void RecordEntities(Session& session, const RecordOptions& o, const mock::json::SchemaSet& schemas,
                    const std::vector<mock::model::Task>& tasks, RecordReport& report);

}  // namespace record
