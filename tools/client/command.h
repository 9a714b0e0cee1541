// Runs a shell command and captures what it prints, for tests of the command-line tools.
//
//   CommandResult r = RunCommand("'" + binary + "' --help");   // r.rc, r.out (stdout + stderr)
#pragma once

#include <string>

namespace contract {

struct CommandResult {
  int rc = -1;      // the exit status; -1 if it did not exit normally
  std::string out;  // standard output and standard error, interleaved
};

CommandResult RunCommand(const std::string& command);

}  // namespace contract
