#include "mock/families/takeover/credentials_family.h"

#include <string_view>

#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/request_body.h"
#include "mock/resources/resource_reply.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using listing::Match;
using listing::SortAs;
using resources::Row;

constexpr std::string_view kPath = "/api/v2/profiles/me/credentials";

std::string_view StrOf(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

rapidjson::Value Text(std::string_view s, rapidjson::Document::AllocatorType& a) {
  return rapidjson::Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
}

// The stored row of a new credential: what the body gives but the secret. `passphrase` (a
// password or a whole private key) is dropped here, so nothing the mock answers can echo it.
Row NewRow(int64_t id, const rapidjson::Value& body, const std::string& now) {
  auto doc = std::make_shared<rapidjson::Document>(rapidjson::kObjectType);
  auto& a = doc->GetAllocator();
  doc->AddMember("id", id, a);
  doc->AddMember("name", Text(StrOf(body, "name"), a), a);
  doc->AddMember("targetType", Text(StrOf(body, "targetType"), a), a);
  if (auto d = body.FindMember("description"); d != body.MemberEnd() && d->value.IsString())
    doc->AddMember("description", Text(StrOf(body, "description"), a), a);
  if (auto ssh = body.FindMember("sshCredentialProperty");
      ssh != body.MemberEnd() && ssh->value.IsObject()) {
    rapidjson::Value property(rapidjson::kObjectType);
    property.AddMember("type", Text(StrOf(ssh->value, "type"), a), a);
    property.AddMember("username", Text(StrOf(ssh->value, "username"), a), a);
    doc->AddMember("sshCredentialProperty", property, a);
  }
  doc->AddMember("createTime", Text(now, a), a);
  doc->AddMember("updateTime", Text(now, a), a);
  return Row{id, std::move(doc)};
}

}  // namespace

const resources::ResourceSpec CredentialsFamily::kSpec{"credentials", "credentials", "credential",
                                                       "credentials"};

CredentialsFamily::CredentialsFamily(std::vector<Row> rows, const json::SchemaSet* schemas,
                                     std::optional<resources::ResourceSource> source,
                                     const tasks::MockClock& clock)
    : ResourceFamily(kSpec, std::move(rows), schemas, std::move(source)),
      list_{.filters = {{"targetType", Match::kAnyOf, {"targetType"}, {"HOST", "OB"}}},
            .sort_keys = {{"id", SortAs::kNumber},
                          {"name", SortAs::kFoldedText},
                          {"createTime", SortAs::kTime}}},
      clock_(clock) {}

std::vector<api::Route> CredentialsFamily::OcpRoutes() const {
  return {{"GET", std::string(kPath), Access::kAuthenticated,
           [this](const Call& c) { return List(c.request.query); }},
          {"POST", std::string(kPath), Access::kAuthenticated,
           [this](const Call& c) { return Create(c.request.body); }}};
}

StatusOr<api::Reply> CredentialsFamily::List(const QueryParams& params) const {
  auto query = listing::Bind(list_, params);
  if (!query.ok()) return query.status();
  return resources::ListReply(store().Rows(), query.value());
}

StatusOr<api::Reply> CredentialsFamily::Create(const std::string& body) const {
  if (schemas() == nullptr) return FailedPrecondition("this server has no schemas");
  auto doc = api::CheckedBody(body, "create-credential-request", *schemas());
  if (!doc.ok()) return doc.status();
  const rapidjson::Document& given = doc.value();
  const std::string name(StrOf(given, "name"));
  const std::string target(StrOf(given, "targetType"));
  const std::string now(model::MakeTimestamp(clock_.NowMs()).text());
  auto added = store().Add(
      [&](int64_t id) { return NewRow(id, given, now); },
      [&](const std::vector<Row>& held) -> Status {
        for (const Row& r : held) {
          if (StrOf(*r.doc, "name") == name && StrOf(*r.doc, "targetType") == target) {
            // OCP's 8002 / CRD08002 "The same credential already exists": the mock's
            // reading of a second credential of one name and target (docs/takeover.md).
            return ocp::OcpError(ocp::ErrorKind::kCredentialExists,
                                 "A " + target + " credential named \"" + name +
                                     "\" exists already (id " + std::to_string(r.id) + ").",
                                 {"name=" + name});
          }
        }
        return Status();
      });
  if (!added.ok()) return added.status();
  return resources::RowReply(added.value());
}

}  // namespace mock::families
