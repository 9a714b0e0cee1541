// libFuzzer target: the request-target decoder and the task-list parameter binding, which see
// every byte a client puts in a URL.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mock/http/url.h"
#include "mock/query/query_params.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto target = mock::http::ParseTarget(input);
  if (!target.ok()) return 0;
  // A decoded target never carries a NUL byte and its path stays absolute.
  if (target.value().path.empty() || target.value().path.front() != '/') __builtin_trap();
  for (const auto& [k, v] : target.value().query) {
    if (k.find('\0') != std::string::npos || v.find('\0') != std::string::npos) __builtin_trap();
  }
  auto query = mock::query::ParseTaskQuery(target.value().query);
  if (query.ok()) {
    const auto& page = query.value().page;
    if (page.number < 1 || page.size < 1 || page.size > mock::query::kMaxPageSize) __builtin_trap();
  }
  return 0;
}
