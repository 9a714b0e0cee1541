// ocp-compat diff: what a client of one version notices against another's contract
// (report.h, DiffReport).
#include "tools/compat/report.h"

#include <algorithm>
#include <tuple>

namespace compat {

std::string DiffReport(const Contract& from, const Contract& to, bool markdown) {
  const std::string a = from.profile.version, b = to.profile.version;
  const std::string bullet = markdown ? "- " : "  ";
  std::string out = (markdown ? "# " : "") + std::string("What a client of OCP ") + a +
                    " notices against OCP " + b + "\n";
  size_t changes = 0;
  // A change every response shows (the envelope's) is listed once.
  std::map<std::string, std::vector<Change>> diffs;
  std::map<std::pair<std::string, std::string>, size_t> seen;
  for (const char* schema : kResponseSchemas) {
    diffs[schema] = DiffOutlines(from.outlines.at(schema), to.outlines.at(schema));
    for (const auto& c : diffs[schema]) ++seen[{c.path, c.what}];
  }
  auto section = [&](const std::string& title, const std::vector<Change>& list) {
    if (list.empty()) return;
    out += "\n" + std::string(markdown ? "## " : "") + title + "\n";
    for (const auto& c : list) {
      out += bullet + (markdown ? "`" + c.path + "`" : c.path) + ": " + c.what + "\n";
      ++changes;
    }
  };
  std::vector<Change> everywhere;
  for (const auto& c : diffs[kResponseSchemas[0]]) {
    if (seen[{c.path, c.what}] == kResponseSchemas.size()) everywhere.push_back(c);
  }
  section("every response", everywhere);
  for (const char* schema : kResponseSchemas) {
    std::vector<Change> own;
    for (const auto& c : diffs[schema]) {
      if (seen[{c.path, c.what}] != kResponseSchemas.size()) own.push_back(c);
    }
    section(schema, own);
  }
  std::vector<std::string> other;
  if (from.profile.ak_sk != to.profile.ak_sk) {
    other.push_back(std::string("AK/SK signatures: ") +
                    (from.profile.ak_sk ? "accepted -> refused" : "refused -> accepted"));
  }
  for (size_t k = 0; k < mock::ocp::kErrorKindCount; ++k) {
    auto kind = static_cast<mock::ocp::ErrorKind>(k);
    const auto& x = from.profile.errors.Lookup(kind);
    const auto& y = to.profile.errors.Lookup(kind);
    const std::string name(mock::ocp::ErrorKindName(kind));
    if (x.CodeText() != y.CodeText()) {
      other.push_back("error " + name + ": code " + x.CodeText() + " -> " + y.CodeText());
    }
    if (x.message != y.message) {
      other.push_back("error " + name + ": message \"" + x.message + "\" -> \"" + y.message + "\"");
    }
  }
  if (!other.empty()) {
    out += "\n" + std::string(markdown ? "## " : "") + "authentication and errors\n";
    for (const auto& o : other) out += bullet + o + "\n";
  }
  changes += other.size();
  std::vector<std::string> endpoints;
  for (const auto& [what, x, y] :
       {std::tuple{"GET /api/status", from.profile.api_status, to.profile.api_status},
        std::tuple{"GET /api/v2/info and /api/v2/time", from.profile.info_and_time,
                   to.profile.info_and_time},
        std::tuple{"GET /api/v2/arbitration/services and POST /api/v2/arbitration/services and "
                   "GET /api/v2/arbitration/services/{id} and "
                   "DELETE /api/v2/arbitration/services/{id}/delete",
                   from.profile.arbitration, to.profile.arbitration},
        std::tuple{"POST /api/v2/ob/clusters/{id}/tenants/createTenant",
                   from.profile.async_create_tenant, to.profile.async_create_tenant}}) {
    if (x != y) {
      endpoints.push_back(std::string(what) + (x ? ": documented -> not documented"
                                                 : ": not documented -> documented"));
    }
  }
  if (!endpoints.empty()) {
    out += "\n" + std::string(markdown ? "## " : "") + "endpoints\n";
    for (const auto& e : endpoints) out += bullet + e + "\n";
  }
  changes += endpoints.size();
  if (changes == 0) out += "\nno difference: the documented contracts are identical\n";
  return out;
}

}  // namespace compat
