// The caller's password box as obdeploy's takeover uses it: GET /api/v2/profiles/me/credentials,
// a paged list, and POST /api/v2/profiles/me/credentials, which adds a connection credential.
// No OCP version documents this API (docs/reference/ocp-client-flows.md 4.4): everything here is
// served as the clients send and read it (provenance `client`), on the resource pattern: data in
// fixtures/credentials/*.json (none bundled), /__mock/credentials, reset and reload from
// ResourceFamily.
//
// Contract (docs/takeover.md gives each choice and its provenance):
//  - `client`: the body is obdeploy's {targetType, name, sshCredentialProperty {type, username,
//    passphrase}}; a missing or wrong-typed field is invalidParameter naming it, no body or bad
//    JSON badRequest; the answer is the credential (obdeploy reads data.id);
//  - `mock`: a name already held for the same targetType is OCP's 8002 / CRD08002 "The same
//    credential already exists" (the docs leave open whether OCP answers that or the general
//    nameExists, 1006 / COM10006);
//  - `doc` (UI: "passwords are displayed as ***"), made stricter: the secret (`passphrase`) is
//    never stored, so no answer, list or /__mock/ route can carry it;
//  - `mock`: the list takes `targetType` (HOST, OB; antman sends it) and sorts by id, name,
//    createTime; any authenticated user may list and add (the docs name no permission: "me" is
//    the caller's own box; the mock keeps one box for every user).
#pragma once

#include <optional>
#include <vector>

#include "mock/listing/list_spec.h"
#include "mock/resources/resource_family.h"
#include "mock/tasks/clock.h"

namespace mock::families {

class CredentialsFamily : public resources::ResourceFamily {
 public:
  static const resources::ResourceSpec kSpec;

  // `clock` (the times of a creation) and `schemas` must outlive the family.
  CredentialsFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                    std::optional<resources::ResourceSource> source, const tasks::MockClock& clock);

  // Whether credential `id` is in the password box (a takeover's hostInfo.credentialId).
  bool Holds(int64_t id) const { return store().Get(id).has_value(); }

 protected:
  std::vector<api::Route> OcpRoutes() const override;
  // One per OCP route (credentials_operations.cc).
  std::vector<api::Operation> OcpOperations() const override;

 private:
  StatusOr<api::Reply> List(const QueryParams& params) const;
  StatusOr<api::Reply> Create(const std::string& body) const;

  listing::ListSpec list_;
  const tasks::MockClock& clock_;
};

}  // namespace mock::families
