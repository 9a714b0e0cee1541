#include "mock/quirks/quirks.h"

#include <array>
#include <utility>

namespace mock::api {
namespace {

using Flag = bool Quirks::*;

constexpr std::array<std::pair<std::string_view, Flag>, 10> kQuirks{{
    {"extra-fields", &Quirks::extra_fields},
    {"language", &Quirks::language},
    {"tie-order", &Quirks::tie_order},
    {"collation", &Quirks::collation},
    {"unknown-path-html", &Quirks::unknown_path_html},
    {"lenient-query", &Quirks::lenient_query},
    {"subtask-order", &Quirks::subtask_order},
    {"big-ids-as-strings", &Quirks::big_ids_as_strings},
    {"client-ids", &Quirks::client_ids},
    {"zone-rpm-name", &Quirks::zone_rpm_name},
}};

std::string KnownNames() {
  std::string out;
  for (const auto& [name, flag] : kQuirks) out += std::string(name) + ", ";
  return out + "all";
}

}  // namespace

StatusOr<Quirks> ParseQuirks(std::string_view list) {
  Quirks q;
  while (!list.empty()) {
    const std::string_view name = list.substr(0, list.find(','));
    list.remove_prefix(std::min(list.size(), name.size() + 1));
    if (name.empty()) continue;
    bool known = false;
    for (const auto& [quirk, flag] : kQuirks) {
      if (name == quirk || name == "all") {
        q.*flag = true;
        known = true;
      }
    }
    if (!known) {
      return InvalidArgument("unknown quirk '" + Excerpt(name) + "'; known: " + KnownNames());
    }
  }
  return q;
}

std::string QuirkNames(const Quirks& quirks) {
  std::string out;
  for (const std::string& name : QuirkList(quirks)) out += (out.empty() ? "" : ",") + name;
  return out;
}

std::vector<std::string> QuirkList(const Quirks& quirks) {
  std::vector<std::string> out;
  for (const auto& [name, flag] : kQuirks) {
    if (quirks.*flag) out.emplace_back(name);
  }
  return out;
}

std::string_view UnknownPathPage() {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>OCP</title></head>"
         "<body><div id=\"root\"></div></body></html>";
}

}  // namespace mock::api
