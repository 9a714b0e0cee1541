// An OCP API family as the API assembles it: its routes, and what it puts back on a reset or
// reads again on a reload. Each family lives in a folder of its own under mock/families/, and
// mock/api/route_table.cc is the one place that lists them; no class knows every family.
//
//   class HostTypesFamily : public Family {
//     std::string_view Name() const override { return "hostTypes"; }
//     std::vector<Route> Routes() const override;   // OCP's routes and its /__mock/ ones
//   };
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "mock/core/status.h"
#include "mock/reply/operation.h"
#include "mock/reply/route.h"

namespace mock::api {

class Family {
 public:
  virtual ~Family() = default;

  // The family's name: a part of `POST /__mock/reset?only=`, a key of the reload answer.
  virtual std::string_view Name() const = 0;

  // Every route the family serves, OCP's and its own under /__mock/; bound to the family,
  // which must outlive them.
  virtual std::vector<Route> Routes() const = 0;

  // What each of Routes() is, for the OpenAPI documents (operation.h): one per route, with the
  // same method and pattern, under the same conditions (a route a version lacks has none).
  virtual std::vector<Operation> Operations() const { return {}; }

  // Puts the family back as it started: every runtime change undone. Families whose state
  // belongs to another part (tasks, entities: the reset's `tasks` part) keep the default.
  virtual void Reset() const {}

  // A reload in two steps, so that a reload changes everything or nothing: Prepare reads and
  // checks the family's files (nothing changes yet) and returns the step that swaps them in,
  // which cannot fail. `count` is set to the number of rows the swap will serve.
  using Commit = std::function<void()>;
  virtual StatusOr<Commit> PrepareReload(size_t& count) const {
    count = 0;
    return Commit{};
  }
  // Whether PrepareReload reads anything (the reload answer names only those that do).
  virtual bool Reloads() const { return false; }
  // Whether Reset puts anything back, so that POST /__mock/reset (and `only=` its Name()) reaches
  // it: every family that reloads, and those with runtime state only (the takeover's setting).
  virtual bool Resets() const { return Reloads(); }
};

}  // namespace mock::api
