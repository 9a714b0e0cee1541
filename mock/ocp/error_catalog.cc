#include "mock/ocp/error_catalog.h"

namespace mock::ocp {
namespace {

// One pass over the template, so a value that itself contains "{1}" is never expanded. A
// placeholder without a value reads "see the server log": internals are never shown.
std::string Format(std::string_view pattern, const std::vector<std::string>& args) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    size_t close = i + 1;
    while (close < pattern.size() && pattern[close] >= '0' && pattern[close] <= '9') ++close;
    if (pattern[i] != '{' || close == i + 1 || close > i + 4 || close >= pattern.size() ||
        pattern[close] != '}') {
      out += pattern[i++];
      continue;
    }
    size_t n = std::stoul(std::string(pattern.substr(i + 1, close - i - 1)));
    if (n < args.size()) {
      out += args[n];
    } else {
      out += "see the server log";
    }
    i = close + 1;
  }
  return out;
}

}  // namespace

std::string CatalogEntry::CodeText() const {
  if (const int64_t* n = std::get_if<int64_t>(&code)) return std::to_string(*n);
  return std::get<std::string>(code);
}

ErrorCatalog::ErrorCatalog() { entries_.fill({int64_t{0}, "{0}"}); }

StatusOr<ErrorCatalog> ErrorCatalog::Make(const std::map<ErrorKind, CatalogEntry>& entries) {
  ErrorCatalog catalog;
  for (size_t i = 0; i < kErrorKindCount; ++i) {
    auto it = entries.find(static_cast<ErrorKind>(i));
    if (it == entries.end()) {
      return ConfigError("no error entry for \"" +
                         std::string(ErrorKindName(static_cast<ErrorKind>(i))) + "\"");
    }
    catalog.entries_[i] = it->second;
  }
  return catalog;
}

const CatalogEntry& ErrorCatalog::Lookup(ErrorKind kind) const {
  return entries_[static_cast<size_t>(kind)];
}

std::string ErrorCatalog::Render(const Status& status) const {
  std::string message = Format(Lookup(status).message, status.args());
  if (!status.message().empty()) message += " " + status.message();
  return message;
}

}  // namespace mock::ocp
