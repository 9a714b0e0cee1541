// Facts of OCP's contract that both the contract suite and the tools (ocp-compat, ocp-load)
// judge answers by: which schema an answer must meet, how a catalogue message is matched, how a
// query value is encoded. No GoogleTest here: the tools link this.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "mock/json/schema_set.h"

namespace contract {

// The bundled fixtures' user with every permission (fixtures/users.json).
inline constexpr std::string_view kAdminUser = "admin";
inline constexpr std::string_view kAdminPassword = "Admin@123";

// The schema a response to `method target` with HTTP `status` must satisfy.
std::string SchemaFor(const std::string& method, const std::string& target, long status);

// Whether `message` fits `pattern` (a catalogue message): `{N}` matches any text, and " detail"
// may follow.
bool MessageFits(const std::string& pattern, const std::string& message);

// Percent-encodes `s` for use in a query string (RFC 3986 unreserved characters kept).
std::string Encode(std::string_view s);

// The newest version's schema set under `schemas_root`, loaded once; throws std::runtime_error
// when it cannot be loaded (a broken checkout, not a server's fault).
const mock::json::SchemaSet& NewestSchemaSet(const std::filesystem::path& schemas_root);

}  // namespace contract
