// The base of every family whose data follows the resource pattern (resource_set.h): it owns
// the family's store and gives it, with no code of the family's own,
//  - PUT /__mock/NAME/{id}: one row, checked against the row's schema, put in place of the row
//    with that id or added ({"NAME": id, "rows": N});
//  - DELETE /__mock/NAME/{id}: the row removed (404 when not held);
//  - GET /__mock/NAME: every row held, as served;
//  - POST /__mock/reset (all parts, or only=NAME): the fixture rows again;
//  - a fixture reload: its files read again with the rest, all or nothing.
// A derived family adds OCP's routes (OcpRoutes) over store().
//
//   class HostTypesFamily : public ResourceFamily {
//     std::vector<Route> OcpRoutes() const override;
//   };
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "mock/json/schema_set.h"
#include "mock/loader/fixture_loader.h"
#include "mock/reply/family.h"
#include "mock/resources/resource_store.h"

namespace mock::resources {

// Where a family's files are read from on a reload; nullopt: reloads read nothing for it.
struct ResourceSource {
  std::filesystem::path fixtures;  // the fixture folder (spec.folder inside)
  fixtures::FixtureVersion version;
};

class ResourceFamily : public api::Family {
 public:
  // `schemas` (the version's) must outlive the family; nullptr refuses every runtime row.
  ResourceFamily(ResourceSpec spec, std::vector<Row> rows, const json::SchemaSet* schemas,
                 std::optional<ResourceSource> source);

  std::string_view Name() const override { return store_.spec().name; }
  std::vector<api::Route> Routes() const final;
  // OcpOperations(), then the three /__mock/NAME routes' own.
  std::vector<api::Operation> Operations() const final;
  void Reset() const override { store_.Reset(); }
  StatusOr<Commit> PrepareReload(size_t& count) const override;
  bool Reloads() const override { return true; }

 protected:
  // The family's OCP routes, bound to this object.
  virtual std::vector<api::Route> OcpRoutes() const = 0;
  // What each of OcpRoutes() is (reply/operation.h), in the same conditions.
  virtual std::vector<api::Operation> OcpOperations() const { return {}; }

  ResourceStore& store() const { return store_; }
  const json::SchemaSet* schemas() const { return schemas_; }

 private:
  StatusOr<api::Reply> PutRow(int64_t id, const std::string& body) const;
  StatusOr<api::Reply> DeleteRow(int64_t id) const;
  api::Reply AllRows() const;

  mutable ResourceStore store_;
  const json::SchemaSet* schemas_;
  std::optional<ResourceSource> source_;
};

}  // namespace mock::resources
