// Test-side helpers for the task operations: GET and POST through ServerUnderTest (so every
// answer is schema-checked), and the mock's clock and reset controls.
#pragma once

#include <string>

#include "contract_tests/support/server_under_test.h"

namespace contract {

std::string TaskPath(int64_t task_id);
std::string SubtaskPath(int64_t task_id, int64_t subtask_id);

Fetched Get(const std::string& target);
Fetched Post(const std::string& target);

// The task's detail `data` (a WrappedTaskInstance) as a fresh document; fails the test unless 200.
rapidjson::Document TaskDetail(int64_t task_id);
// A subtask of a detail document, by id; nullptr if absent.
const rapidjson::Value* SubtaskOf(const rapidjson::Value& task, int64_t subtask_id);

// Mock mode only: moves the mock clock forward / resets every task to the fixtures.
void AdvanceClock(double seconds);
void ResetMock();

// The error code of an error envelope as text ("TSK10016" or "4007").
std::string ErrorCode(const Fetched& f);

}  // namespace contract
