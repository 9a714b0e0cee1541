#include "mock/query/query_params.h"

#include <algorithm>
#include <optional>

#include "mock/core/text.h"
#include "mock/ocp/error_kinds.h"
#include "mock/query/paging.h"
#include "mock/query/param_binding.h"
#include "mock/query/sort.h"

namespace mock::query {
namespace {

using text::Trim;

StatusOr<std::vector<model::TaskStatus>> ParseStatuses(const QueryParams& params) {
  std::vector<model::TaskStatus> statuses;
  for (std::string_view value : ValuesOf(params, "status")) {
    while (true) {
      size_t comma = value.find(',');
      std::string_view element = Trim(value.substr(0, comma));
      if (!element.empty()) {
        auto status = model::ParseTaskStatus(element);
        if (!status) {
          return ocp::InvalidParameter(
              "status", "'" + Excerpt(element) + "' is not one of RUNNING, FAILED, SUCCESSFUL.");
        }
        if (std::find(statuses.begin(), statuses.end(), *status) == statuses.end()) {
          statuses.push_back(*status);
        }
      }
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  }
  return statuses;
}

StatusOr<std::optional<model::TaskType>> ParseType(const QueryParams& params) {
  std::optional<std::string> raw = Scalar(params, "type");
  if (!raw || Trim(*raw).empty()) return std::optional<model::TaskType>();
  auto type = model::ParseTaskType(Trim(*raw));
  if (!type) {
    return ocp::InvalidParameter("type", "'" + Excerpt(*raw) +
                                             "' is not one of MANUAL, SYS_ONECE, SCHEDULED, "
                                             "SYS_SCHEDULED.");
  }
  return std::optional<model::TaskType>(type);
}

StatusOr<TaskFilter> ParseFilter(const QueryParams& params) {
  TaskFilter filter;
  if (auto name = Scalar(params, "name")) filter.name = text::LowerAscii(*name);
  for (const char* key : {"cluterName", "clusterName"}) {
    if (auto cluster = Scalar(params, key))
      filter.cluster_names.push_back(text::LowerAscii(*cluster));
  }
  auto statuses = ParseStatuses(params);
  if (!statuses.ok()) return statuses.status();
  filter.statuses = statuses.value();
  auto type = ParseType(params);
  if (!type.ok()) return type.status();
  filter.type = type.value();
  for (auto [key, target] :
       {std::pair{"clusterId", &filter.cluster_id}, std::pair{"tenantId", &filter.tenant_id},
        std::pair{"hostId", &filter.host_id}}) {
    auto id = ParseId(params, key);
    if (!id.ok()) return id.status();
    *target = id.value();
  }
  if (auto tenant = Scalar(params, "tenantName"); tenant && !Trim(*tenant).empty()) {
    if (!filter.cluster_id) {
      return ocp::InvalidParameter("tenantName",
                                   "tenantName must be used together with clusterId.");
    }
    filter.tenant_name = *tenant;
  }
  return filter;
}

}  // namespace

StatusOr<TaskQuery> ParseTaskQuery(const QueryParams& params) {
  auto filter = ParseFilter(params);
  if (!filter.ok()) return filter.status();
  auto sort = ParseSort(ValuesOf(params, "sort"));
  if (!sort.ok()) return sort.status();
  TaskQuery query;
  query.filter = std::move(filter).value();
  query.sort = std::move(sort).value();
  query.page = ResolvePage(ValuesOf(params, "page"), ValuesOf(params, "size"));
  return query;
}

}  // namespace mock::query
