// The reference engine: runs a TaskQuery over a set of tasks the obvious way (filter every
// task, order the matches, cut the page). It serves no request; it is the definition of the
// answers TaskIndex must give, which task_index_test.cc and the engine benchmark compare.
//
//   TaskPage page = ExecuteQuery(tasks, query);
//   // page.items: at most query.page.size tasks; page.total_elements: all matches
//
// Ordering: the sort orders in turn, then `id` descending, so every order is total and paging
// never repeats or skips a task. No sort orders at all means `id` descending (newest first).
//  - name: ASCII case-insensitive; status and type: by their wire spelling.
//  - createTime, startTime, finishTime: by instant; a task without the time sorts first when
//    ascending and last when descending (as MySQL orders NULLs).
// Paging: a page past the last one is empty while the totals stay the real totals.
#pragma once

#include <cstdint>
#include <vector>

#include "mock/model/task.h"
#include "mock/query/task_query.h"

namespace mock::query {

using TaskPage = Page<const model::Task*>;

// True when `task` satisfies every filter in `filter`.
bool Matches(const TaskFilter& filter, const model::Task& task);

// Pointers in the result point into `tasks`, which must outlive it.
TaskPage ExecuteQuery(const std::vector<model::Task>& tasks, const TaskQuery& query);

}  // namespace mock::query
