// What clients call to find OCP (docs/reference/ocp-resources-api.md §5): GET /api/v2/time,
// GET /api/v2/info, GET /api/status (4.2.1 on); and the mock's readiness, GET /__mock/health.
#pragma once

#include "mock/families/system/probe_handlers.h"
#include "mock/reply/family.h"

namespace mock::families {

class SystemFamily : public api::Family {
 public:
  // `api_status`: the version has GET /api/status; `quirks`: the names of the quirks played.
  // `store` and `clock` must outlive the family.
  SystemFamily(const tasks::TaskStore& store, const tasks::MockClock& clock,
               std::string ocp_version, bool api_status, std::vector<std::string> quirks = {})
      : probes_(store, clock, std::move(ocp_version), std::move(quirks)), api_status_(api_status) {}

  std::string_view Name() const override { return "system"; }
  std::vector<api::Route> Routes() const override;
  // system_operations.cc
  std::vector<api::Operation> Operations() const override;

 private:
  api::ProbeHandlers probes_;
  bool api_status_;
};

}  // namespace mock::families
