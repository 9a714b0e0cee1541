// libFuzzer target: the `sort` parser. Each input line is one `sort` parameter.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "mock/query/sort.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> params;
  while (true) {
    size_t nl = input.find('\n');
    params.push_back(input.substr(0, nl));
    if (nl == std::string_view::npos) break;
    input.remove_prefix(nl + 1);
  }
  auto orders = mock::query::ParseSort(params);
  if (orders.ok()) {
    for (const auto& o : orders.value()) {
      if (mock::query::SortPropertyName(o.key).empty()) __builtin_trap();
    }
  }
  return 0;
}
