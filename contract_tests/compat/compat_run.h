// Runs the ocp-compat binary under test (OCPCOMPAT_BINARY) for the compat tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tools/client/command.h"

namespace compat::run {

// `ocp-compat ARGS`, its exit status and output.
inline contract::CommandResult Compat(const std::string& args) {
  return contract::RunCommand(std::string("'") + OCPCOMPAT_BINARY + "' " + args);
}

// The whole of file `p`; empty when it cannot be read.
inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace compat::run
