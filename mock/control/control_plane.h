// The mock's own control plane under /__mock/ (not OCP's): the clock, reset, the request
// journal, fault rules, runtime tasks, fixture reloads and the page (/__mock/ui, mock/ui/), as
// one set of routes beside the families'. Families with data of their own add their /__mock/ routes
// themselves (resources/resource_family.h); the control plane resets and reloads them by name.
#pragma once

#include <optional>
#include <vector>

#include "mock/control/control_handlers.h"
#include "mock/control/fault_handlers.h"
#include "mock/control/journal_handlers.h"
#include "mock/control/reload_handlers.h"
#include "mock/control/scenario_handlers.h"
#include "mock/reply/family.h"

namespace mock::api {

// What the control plane works on; each must outlive it.
struct ControlState {
  Resettable parts;                     // what a reset puts back (and the families with state)
  const json::SchemaSet* schemas;       // what bodies are checked against; nullptr refuses them
  std::optional<FixtureSource> source;  // where reloads read from; nullopt refuses them
  auth::Authenticator* authenticator;   // users to reload; nullptr without authentication
};

class ControlPlane {
 public:
  explicit ControlPlane(ControlState state);

  std::vector<Route> Routes() const;
  // What each of Routes() is (operation.h), for the control plane's own OpenAPI document.
  std::vector<Operation> Operations() const;
  // Reads the fixtures and users again (SIGHUP): a line for the log, or why nothing changed.
  StatusOr<std::string> ReloadNow() const { return reload_.ReloadNow(); }

 private:
  ControlHandlers control_;
  JournalHandlers journal_;
  FaultHandlers faults_;
  ScenarioHandlers scenarios_;
  ReloadHandlers reload_;
};

}  // namespace mock::api
