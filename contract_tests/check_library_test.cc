// The check library behind ocp-compat (tools/compat/), run by the contract suite too: every one
// of ocp-compat's checks against the server under test (ocp-mock, or OCP_BASE_URL), judged by
// the version under test's contract. A violation ocp-compat reports fails here, with the
// check's provenance; what ocp-compat marks pass* is an observation here.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "contract_tests/support/provenance.h"
#include "contract_tests/support/server_under_test.h"
#include "mock/core/status.h"
#include "tools/compat/checks.h"

namespace contract {
namespace {

std::optional<std::string> Env(const char* name, const std::optional<std::string>& otherwise) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::optional<std::string>(v) : otherwise;
}

// The probe's requests are sent once, for every check (and a server that cannot be checked
// fails every check with the reason).
const mock::StatusOr<compat::Probe>& SharedProbe() {
  static const mock::StatusOr<compat::Probe> probe = [] {
    const ServerUnderTest& server = ServerUnderTest::Get();
    const bool live = server.live();
    compat::Target t;
    t.base_url = server.base_url();
    t.user = Env("OCP_USER", live ? std::nullopt : std::optional<std::string>(kAdminUser));
    t.password =
        Env("OCP_PASSWORD", live ? std::nullopt : std::optional<std::string>(kAdminPassword));
    // In mock mode: admin's pair in the bundled users (OCP's documented signing example).
    t.access_key =
        Env("OCP_ACCESS_KEY", live ? std::nullopt : std::optional<std::string>("cqammmxBpfGjFlto"));
    t.secret_key =
        Env("OCP_SECRET_KEY",
            live ? std::nullopt : std::optional<std::string>("2fc0c299cc94c6be266f2ceece765d4d"));
    t.language = server.client().language();
    t.strict = Strict();
    return compat::Probe::Run(t);
  }();
  return probe;
}

const compat::Contract& VersionContract() {
  static const compat::Contract contract = [] {
    auto c = compat::LoadContract(SchemasRoot(), VersionUnderTest());
    if (!c.ok()) throw std::runtime_error(c.status().message());
    return std::move(c).value();
  }();
  return contract;
}

class CheckLibrary : public testing::TestWithParam<size_t> {};

TEST_P(CheckLibrary, Holds) {
  const compat::CheckInfo& check = compat::kChecks[GetParam()];
  const mock::StatusOr<compat::Probe>& probe = SharedProbe();
  ASSERT_TRUE(probe.ok()) << probe.status().message();
  const compat::Outcome o = probe.value().Judge(VersionContract())[GetParam()];
  const Source source =
      std::string_view(check.source) == "framework" ? Source::kFramework : Source::kDoc;
  const std::string rule = std::string(check.name) + ": " + check.what;
  if (o.verdict == compat::Verdict::kNotApplicable) {
    TagProvenance(source, rule);
    GTEST_SKIP() << o.detail;
  }
  // A rule of ocp-mock's own (extra fields, message wording) is an observation, in strict mode
  // too: its detail names it ("differs from ocp-mock [mock: ...]"), and Observe fails it there.
  const bool mock_rule = o.detail.starts_with("differs from ocp-mock [mock: ");
  if (mock_rule && o.verdict != compat::Verdict::kPass) {
    Observe("ocp-compat " + rule, o.detail);
    return;
  }
  CheckRule(source, rule, o.verdict != compat::Verdict::kFail, o.detail);
}

std::string CheckName(const testing::TestParamInfo<size_t>& info) {
  std::string name = compat::kChecks[info.param].name;
  for (char& c : name) c = c == '-' ? '_' : c;
  return name;
}

INSTANTIATE_TEST_SUITE_P(Compat, CheckLibrary, testing::Range(size_t{0}, compat::kChecks.size()),
                         CheckName);

}  // namespace
}  // namespace contract
