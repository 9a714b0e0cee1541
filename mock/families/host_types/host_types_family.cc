#include "mock/families/host_types/host_types_family.h"

#include <string_view>

#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/request_body.h"
#include "mock/resources/resource_reply.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using listing::SortAs;
using resources::Row;

constexpr std::string_view kPath = "/api/v2/compute/hostTypes";

std::string_view NameOf(const rapidjson::Value& row) {
  auto it = row.FindMember("name");
  if (it == row.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

// The stored row of a new type: the name and description given (the body is valid against
// create-host-type-request: the name is a string), the times of now.
Row NewRow(int64_t id, const rapidjson::Value& body, const std::string& now) {
  auto doc = std::make_shared<rapidjson::Document>(rapidjson::kObjectType);
  auto& a = doc->GetAllocator();
  doc->AddMember("id", id, a);
  doc->AddMember("name", rapidjson::Value(std::string(NameOf(body)).c_str(), a), a);
  auto description = body.FindMember("description");
  doc->AddMember("description",
                 description == body.MemberEnd() ? rapidjson::Value()
                                                 : rapidjson::Value(description->value, a),
                 a);
  doc->AddMember("createTime", rapidjson::Value(now.c_str(), a), a);
  doc->AddMember("updateTime", rapidjson::Value(now.c_str(), a), a);
  return Row{id, std::move(doc)};
}

// The creation's answer: the row as the docs' sample gives it, without its times.
api::Reply CreatedReply(const Row& row) {
  return api::Reply{[row](json::JsonWriter& w) {
    w.StartObject();
    for (const auto& m : row.doc->GetObject()) {
      const std::string_view key(m.name.GetString(), m.name.GetStringLength());
      w.Key(m.name.GetString(), m.name.GetStringLength());
      if (key == "createTime" || key == "updateTime") {
        w.Null();
      } else {
        m.value.Accept(w);
      }
    }
    w.EndObject();
  }};
}

}  // namespace

const resources::ResourceSpec HostTypesFamily::kSpec{"hostTypes", "host-types", "host-type",
                                                     "hostTypes"};

HostTypesFamily::HostTypesFamily(std::vector<Row> rows, const json::SchemaSet* schemas,
                                 std::optional<resources::ResourceSource> source,
                                 const tasks::MockClock& clock)
    : ResourceFamily(kSpec, std::move(rows), schemas, std::move(source)),
      list_{.filters = {},
            .sort_keys = {{"id", SortAs::kNumber},
                          {"name", SortAs::kFoldedText},
                          {"createTime", SortAs::kTime},
                          {"updateTime", SortAs::kTime}}},
      clock_(clock) {}

std::vector<api::Route> HostTypesFamily::OcpRoutes() const {
  return {{"GET", std::string(kPath), Access::kHostViewer,
           [this](const Call& c) { return List(c.request.query); }},
          {"POST", std::string(kPath), Access::kHostManager,
           [this](const Call& c) { return Create(c.request.body); }}};
}

StatusOr<api::Reply> HostTypesFamily::List(const QueryParams& params) const {
  auto query = listing::Bind(list_, params);
  if (!query.ok()) return query.status();
  return resources::ListReply(store().Rows(), query.value());
}

StatusOr<api::Reply> HostTypesFamily::Create(const std::string& body) const {
  if (schemas() == nullptr) return FailedPrecondition("this server has no schemas");
  auto doc = api::CheckedBody(body, "create-host-type-request", *schemas());
  if (!doc.ok()) return doc.status();
  const rapidjson::Document& given = doc.value();
  const std::string name(NameOf(given));
  const std::string now(model::MakeTimestamp(clock_.NowMs()).text());
  auto added = store().Add([&](int64_t id) { return NewRow(id, given, now); },
                           [&](const std::vector<Row>& held) -> Status {
                             for (const Row& r : held) {
                               if (NameOf(*r.doc) == name) {
                                 return ocp::OcpError(ocp::ErrorKind::kNameExists,
                                                      "A host type named \"" + name +
                                                          "\" exists already (id " +
                                                          std::to_string(r.id) + ").",
                                                      {"HOST_TYPE", "name=" + name});
                               }
                             }
                             return Status();
                           });
  if (!added.ok()) return added.status();
  return CreatedReply(added.value());
}

}  // namespace mock::families
