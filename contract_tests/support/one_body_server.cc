#include "contract_tests/support/one_body_server.h"

#include <fstream>
#include <vector>

namespace contract {

std::unique_ptr<MockProcess> ServeOneBody(const std::string& body, const std::string& dir) {
  const std::string file = dir + "/body";
  std::ofstream(file, std::ios::binary | std::ios::trunc) << body;
  return std::make_unique<MockProcess>(OCPCEILING_BINARY, std::vector<std::string>{"--body", file},
                                       MockProcess::Options{"", ""});
}

}  // namespace contract
