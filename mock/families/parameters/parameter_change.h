// A PUT's items read and checked against the definitions the cluster or tenant reads, all before
// anything changes (docs/reference/ocp-cluster-topology.md §10, §12, §14; docs/parameters.md).
// Each item in order; the first refused answers, naming the item and the parameter:
//  - a name the cluster or tenant does not read: the version's unknown-parameter code (cluster
//    11050 / 11055 / OBE31201; tenant 15060 / OBE31301, §14 R1, R10), whose {0} is the name. A
//    tenant item whose parameterType is not its definition's is unknown alike: no parameter of
//    that type has that name (OCP Express sends each type to another statement, §12);
//  - a READONLY one: the version's read-only code (tenant 15061 / OBE31302, R11; cluster 11058 /
//    OBE31204, R4, which 3.1.1's table lacks: it borrows 11051), {0} the name;
//  - a value its type or range refuses (parameter_value.h): the version's bad-value code
//    (11051 / 11056 / OBE31202, R2), {0} the name and {1} the value, the sentence saying what
//    the parameter takes.
//
//   auto changes = ReadChanges(body);   // body valid against set-cluster-parameters-request
//   Status s = CheckChanges(changes, Definitions(rows, Scope::kCluster), Scope::kCluster,
//                           "cluster 2");
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/families/parameters/parameter_catalog.h"

namespace mock::families::parameters {

struct Change {
  size_t index = 0;  // in the body
  std::string name;
  // As OCP shows values, a string: a JSON string as it is, a number or a Boolean in its JSON text
  // (75 -> "75", true -> "true"), as Jackson binds a scalar to a String.
  std::string value;
  std::string parameter_type;  // "" when the item has none (or null)
};

// The items of `body`, which must be valid against set-cluster-parameters-request or
// set-tenant-parameters-request (an array of objects with a string name and a scalar value).
std::vector<Change> ReadChanges(const rapidjson::Value& body);

// OK when every change may be made; else the first refusal (above). `owner` names the cluster or
// tenant in the sentence ("cluster 2", "tenant 201"), `list` the GET that lists its parameters.
Status CheckChanges(const std::vector<Change>& changes, const std::vector<Definition>& definitions,
                    Scope scope, const std::string& owner, const std::string& list);

}  // namespace mock::families::parameters
