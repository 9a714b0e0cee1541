// One verdict from one library (issue #24): ocp-compat and the contract suite in live mode,
// pointed at the same server, name the same OCP versions as met. The servers are ocp-mock
// playing each version, plainly and with --quirks all (a server that chooses otherwise wherever
// OCP's docs are silent). Both front ends get the same credentials and AK/SK keys.
//
// ctest runs one of the twelve servers, the issue's own case (4.0.0 with every quirk: the one
// where the two front ends once disagreed), within tools/test's 8 minutes; tools/test --full runs
// the other eleven (about five minutes), the newest version plainly among them (4.2.2 tells
// itself apart from every other).
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "tools/client/command.h"
#include "tools/client/mock_process.h"

namespace {

struct Server {
  std::string version;
  bool quirks;
};

void PrintTo(const Server& s, std::ostream* os) {
  *os << "OCP " << s.version << (s.quirks ? " --quirks all" : "");
}

const std::string kUser = "admin", kPassword = "Admin@123";
// admin's AK/SK pair in the bundled users (OCP's documented signing example).
const std::string kAccessKey = "cqammmxBpfGjFlto";
const std::string kSecretKey = "2fc0c299cc94c6be266f2ceece765d4d";

// The tests of the suite that judge the server under test; the rest check the ocp-mock program
// itself (flags, start-up, the README's examples, live mode's own machinery) and pass or fail
// alike whatever the server, so they cannot change a verdict.
const char kServerTests[] =
    "-Binary.*:Startup.*:Signals/*:Readme.*:LiveMode.*:LiveModeBroken/*:FaultsTest.*:"
    "FaultFileTest.*:ReloadTest.*:MockUsers.*:CouldNotCheck.*";

// The line "compatible with: ..." of `output`, or "(none printed)".
std::string CompatibleLine(const std::string& output) {
  const size_t at = output.rfind("compatible with: ");
  if (at == std::string::npos) return "(none printed)";
  return output.substr(at, output.find('\n', at) - at);
}

std::string Tail(const std::string& s) { return s.size() > 3000 ? s.substr(s.size() - 3000) : s; }

class CrossCheck : public testing::TestWithParam<Server> {};

TEST_P(CrossCheck, BothFrontEndsGiveTheSameVerdicts) {
  const Server& s = GetParam();
  std::vector<std::string> args = {"--ocp-version", s.version, "--time-scale", "0"};
  if (s.quirks) args.insert(args.end(), {"--quirks", "all"});
  contract::MockProcess server(OCPMOCK_BINARY, args);
  const contract::CommandResult compat =
      contract::RunCommand(std::string("'") + OCPCOMPAT_BINARY + "' check --base-url " +
                           server.base_url() + " --user " + kUser + " --password '" + kPassword +
                           "' --access-key " + kAccessKey + " --secret-key " + kSecretKey);
  const contract::CommandResult suite = contract::RunCommand(
      "env -u OCP_VERSION OCP_BASE_URL='" + server.base_url() + "' OCP_USER=" + kUser +
      " OCP_PASSWORD='" + kPassword + "' OCP_ACCESS_KEY=" + kAccessKey +
      " OCP_SECRET_KEY=" + kSecretKey + " '" + CONTRACT_SUITE_BINARY +
      "' --gtest_brief=1 --gtest_filter='" + kServerTests + "'");
  const std::string by_compat = CompatibleLine(compat.out);
  const std::string by_suite = CompatibleLine(suite.out);
  EXPECT_NE("(none printed)", by_compat) << Tail(compat.out);
  EXPECT_EQ(by_compat, by_suite) << "ocp-compat:\n"
                                 << Tail(compat.out) << "\n\nthe suite:\n"
                                 << Tail(suite.out);
  // The version played is met, by both.
  EXPECT_NE(std::string::npos, (by_compat + ",").find(" " + s.version + ",")) << by_compat;
}

std::vector<Server> EveryServer() {
  std::vector<Server> out;
  for (const char* v : {"3.1.1", "4.0.0", "4.0.3", "4.2.0", "4.2.1", "4.2.2"}) {
    out.push_back({v, false});
    out.push_back({v, true});
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Servers, CrossCheck, testing::ValuesIn(EveryServer()),
                         [](const testing::TestParamInfo<Server>& p) {
                           std::string name = p.param.version + (p.param.quirks ? "_quirks" : "");
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
