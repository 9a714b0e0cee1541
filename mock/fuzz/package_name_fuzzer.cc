// libFuzzer target: the upload's file name (the multipart part's filename, chosen by the client),
// read as an RPM name. Whatever it is given, the reading never crashes; a name it accepts ends in
// ".rpm" and holds each piece it reports, none empty; the suffix is the end of the name.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mock/families/packages/package_file_name.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view name(reinterpret_cast<const char*>(data), size);
  const std::string_view suffix = mock::families::SuffixOf(name);
  if (suffix.size() > name.size() || name.substr(name.size() - suffix.size()) != suffix) {
    std::abort();
  }
  auto parsed = mock::families::ParseRpmFileName(name);
  if (!parsed.ok()) return 0;
  const mock::families::RpmFileName& r = parsed.value();
  if (!name.ends_with(".rpm")) std::abort();
  for (const auto& piece :
       {r.name, r.version, r.build_number, r.operating_system, r.architecture}) {
    if (piece.empty() || name.find(piece) == std::string_view::npos) std::abort();
  }
  (void)mock::families::PackageTypeOf(r.name);
  return 0;
}
