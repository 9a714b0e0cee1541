// The fault rules' control endpoints (mock/faults/fault_rules.h says what a rule does):
//   POST   /__mock/faults       adds the rule in the body (schemas/fault-rule.schema.json)
//   GET    /__mock/faults       {"contents": [rules, in the order added], "seed": N}
//   DELETE /__mock/faults       removes every rule: {"cleared": N}
//   DELETE /__mock/faults/{id}  removes one: {"removed": id}; 404 when there is none
// A body that is not a valid rule is a 400 naming the JSON pointer and the reason; nothing is
// added.
#pragma once

#include <cstdint>

#include "mock/faults/fault_rules.h"
#include "mock/json/schema_set.h"
#include "mock/reply/route.h"

namespace mock::api {

class FaultHandlers {
 public:
  // `rules` and `schemas` must outlive the handlers (no schemas: Add refuses every rule).
  FaultHandlers(faults::FaultRules& rules, const json::SchemaSet* schemas)
      : rules_(rules), schemas_(schemas) {}

  StatusOr<Reply> Add(const std::string& body) const;
  StatusOr<Reply> List() const;
  StatusOr<Reply> Remove(int64_t id) const;
  StatusOr<Reply> Clear() const;

 private:
  faults::FaultRules& rules_;
  const json::SchemaSet* schemas_;
};

// Whether `rule` can be answered in OCP's envelope: a status whose code or message it does not
// give must be one OCP's error catalogue has an entry for (ocp::KindForHttpStatus).
Status CheckAgainstCatalogue(const faults::FaultRule& rule, const std::string& at);

}  // namespace mock::api
