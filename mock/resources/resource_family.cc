#include "mock/resources/resource_family.h"

#include <cctype>

#include "mock/ocp/error_kinds.h"

namespace mock::resources {

using api::Access;
using api::Call;
using api::Reply;
using api::Route;

ResourceFamily::ResourceFamily(ResourceSpec spec, std::vector<Row> rows,
                               const json::SchemaSet* schemas, std::optional<ResourceSource> source)
    : store_(std::move(spec), std::move(rows)), schemas_(schemas), source_(std::move(source)) {}

std::vector<Route> ResourceFamily::Routes() const {
  std::vector<Route> routes = OcpRoutes();
  const std::string control = "/__mock/" + store_.spec().name;
  routes.push_back({"GET", control, Access::kControl, [this](const Call&) { return AllRows(); }});
  routes.push_back({"PUT", control + "/{id}", Access::kControl,
                    [this](const Call& c) { return PutRow(c.ids[0], c.request.body); }});
  routes.push_back({"DELETE", control + "/{id}", Access::kControl,
                    [this](const Call& c) { return DeleteRow(c.ids[0]); }});
  return routes;
}

std::vector<api::Operation> ResourceFamily::Operations() const {
  std::vector<api::Operation> ops = OcpOperations();
  const std::string& name = store_.spec().name;
  const std::string control = "/__mock/" + name;
  const std::string row = store_.spec().schema;
  // lowerCamelCase operationIds: "mockListHostTypes" for the family "hostTypes".
  std::string suffix = name;
  if (!suffix.empty())
    suffix[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(suffix[0])));
  ops.push_back({.method = "GET",
                 .pattern = control,
                 .id = "mockList" + suffix,
                 .summary = "Every " + name + " row the mock holds, as served",
                 .provenance = api::Provenance::kMock,
                 .answer = {.description = "An array of rows (" + row + ")"}});
  ops.push_back(
      {.method = "PUT",
       .pattern = control + "/{id}",
       .id = "mockPut" + suffix,
       .summary = "Puts one " + name + " row in place of the row with that id, or adds it",
       .description = "Undone by POST /__mock/reset. A row that is not valid against the "
                      "row's schema is a 400 naming the JSON pointer.",
       .provenance = api::Provenance::kMock,
       .body = api::Body{.schema = row},
       .errors = {ocp::ErrorKind::kBadRequest}});
  ops.push_back({.method = "DELETE",
                 .pattern = control + "/{id}",
                 .id = "mockDelete" + suffix,
                 .summary = "Removes one " + name + " row",
                 .provenance = api::Provenance::kMock,
                 .answer = {.schema = "no-data-response"},
                 .errors = {ocp::ErrorKind::kNotFound}});
  return ops;
}

StatusOr<ResourceFamily::Commit> ResourceFamily::PrepareReload(size_t& count) const {
  count = 0;
  if (!source_ || schemas_ == nullptr) return Commit{};
  auto rows = LoadResources(source_->fixtures, store_.spec(), *schemas_, source_->version);
  if (!rows.ok()) return rows.status();
  count = rows.value().size();
  auto loaded = std::make_shared<std::vector<Row>>(std::move(rows).value());
  return Commit{[this, loaded] { store_.ReplaceFixtures(std::move(*loaded)); }};
}

StatusOr<Reply> ResourceFamily::PutRow(int64_t id, const std::string& body) const {
  if (schemas_ == nullptr) return FailedPrecondition("this server has no schemas to check rows");
  if (id <= 0) return ocp::BadRequest(store_.spec().name + " ids are positive");
  auto row = ParseRow(body, id, store_.spec(), *schemas_);
  if (!row.ok()) return ocp::BadRequest(row.status().message());
  if (Status s = store_.Put(std::move(row).value()); !s.ok()) return s;
  return Reply{[name = store_.spec().name, id, rows = store_.Rows().size()](json::JsonWriter& w) {
    w.StartObject();
    w.Key(name.c_str());
    w.Int64(id);
    w.Key("rows");
    w.Uint64(rows);
    w.EndObject();
  }};
}

StatusOr<Reply> ResourceFamily::DeleteRow(int64_t id) const {
  if (Status s = store_.Remove(id); !s.ok()) {
    return ocp::OcpError(ocp::ErrorKind::kNotFound, "", {s.message()});
  }
  return Reply{};
}

Reply ResourceFamily::AllRows() const {
  return Reply{[rows = store_.Rows()](json::JsonWriter& w) {
    w.StartArray();
    for (const Row& r : rows) r.doc->Accept(w);
    w.EndArray();
  }};
}

}  // namespace mock::resources
