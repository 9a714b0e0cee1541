// OCP's host types (the compute module's "models"): GET /api/v2/compute/hostTypes, a paged
// list, and POST /api/v2/compute/hostTypes, which creates one. The first family built on the
// resource pattern: its data is fixtures/host-types/*.json (schemas/host-type-file.schema.json),
// and its /__mock/hostTypes routes, reset and reload come from ResourceFamily.
//
// Documented alike in every version the mock plays (docs/reference/ocp-host-types.md). Where the
// docs are silent (docs/host-types.md, each choice tagged):
//  - `mock`: the list sorts by id, name, createTime or updateTime; no filter is documented, so
//    none is taken (obdeploy looks a name up in the page it reads);
//  - `mock`: a name already held is OCP's nameExists (1006 / COM10006), the duplicate-name error
//    of its error tables; the docs do not say what a real OCP does;
//  - `doc`: the creation answers the new type with null createTime and updateTime, as the
//    docs' sample does; the list then shows the times of its creation on the mock clock.
#pragma once

#include <optional>
#include <vector>

#include "mock/listing/list_spec.h"
#include "mock/resources/resource_family.h"
#include "mock/tasks/clock.h"

namespace mock::families {

class HostTypesFamily : public resources::ResourceFamily {
 public:
  static const resources::ResourceSpec kSpec;

  // `clock` (the times of a creation) and `schemas` must outlive the family.
  HostTypesFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                  std::optional<resources::ResourceSource> source, const tasks::MockClock& clock);

 protected:
  std::vector<api::Route> OcpRoutes() const override;
  // host_types_operations.cc
  std::vector<api::Operation> OcpOperations() const override;

 private:
  StatusOr<api::Reply> List(const QueryParams& params) const;
  StatusOr<api::Reply> Create(const std::string& body) const;

  listing::ListSpec list_;
  const tasks::MockClock& clock_;
};

}  // namespace mock::families
