// Whether a list's row and the same item's detail agree "on every field both carry" (issue #24):
// the detail may carry more fields, and the list fewer (a task's subtasks are summaries there),
// but no field both carry may differ.
#pragma once

#include <optional>
#include <set>
#include <string>

#include <rapidjson/document.h>

namespace compat {

// The JSON Pointer (under `at`) of the first value `listed` and `detail` both carry and that
// differs, or nullopt when they agree. Objects compare the members both have; arrays of objects
// with an `id` pair their elements by id (the order of a task's subtasks is the server's choice),
// other arrays element by element, and must be as long; anything else must be equal. Members
// named in `ignored`, at any depth, are left out: values that change between two requests on a
// live server (an OBProxy's lastActiveTime, a link's connections).
std::optional<std::string> FirstDisagreement(const rapidjson::Value& listed,
                                             const rapidjson::Value& detail,
                                             const std::string& at = "",
                                             const std::set<std::string>& ignored = {});

}  // namespace compat
