// libFuzzer target: fault rules (mock/faults/fault_json.h). The input's first line is a request,
// "METHOD TARGET [USER]" (the target decoded by http::ParseTarget); the rest is, by the first
// line's length being even or odd, the body of POST /__mock/faults (ParseRule) or a --faults
// file (ParseFaultFile), each checked against its schema and for what the schema cannot say.
// Asserts, beyond never crashing:
//  - a refusal names the input ("fuzz: ..." or "fuzz.json ...");
//  - a rule that parses writes out (WriteRuleState, as GET /__mock/faults lists it) to a rule
//    that parses again and writes out the same: listing is stable;
//  - matching (fault_rules.h Matches) agrees with FaultRules::Decide, which tests the glob's
//    literal prefix before fnmatch: a certain rule (probability 1) that matches the request
//    fires, and a rule that fires matches it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/faults/fault_json.h"
#include "mock/faults/fault_rules.h"
#include "mock/http/url.h"
#include "mock/json/json_writer.h"
#include "mock/json/schema_set.h"

namespace {

const mock::json::SchemaSet* schemas_ptr = nullptr;

// The rule as GET /__mock/faults lists it, without what the listing adds (id and counts): the
// body that would make the same rule again.
std::string Listed(const mock::faults::FaultRule& rule) {
  rapidjson::StringBuffer buf;
  mock::json::JsonWriter w(buf);
  mock::faults::WriteRuleState(w, mock::faults::RuleState{rule});
  rapidjson::Document doc;
  doc.Parse(buf.GetString(), buf.GetSize());
  if (doc.HasParseError() || !doc.IsObject()) __builtin_trap();
  for (const char* added : {"id", "matched", "fired", "remaining"}) doc.RemoveMember(added);
  rapidjson::StringBuffer out;
  rapidjson::Writer<rapidjson::StringBuffer> writer(out);
  doc.Accept(writer);
  return {out.GetString(), out.GetSize()};
}

void CheckListing(const mock::faults::FaultRule& rule) {
  const std::string listed = Listed(rule);
  auto again = mock::faults::ParseRule(listed, "listed", *schemas_ptr);
  if (!again.ok() || Listed(again.value()) != listed) __builtin_trap();
}

void CheckMatching(const mock::faults::FaultRule& rule, const mock::faults::Probe& probe) {
  const bool matches = mock::faults::Matches(rule.match, probe);
  mock::faults::FaultRule certain = rule;
  certain.times.reset();
  mock::faults::FaultRules rules(7);
  if (!rules.Add(certain).ok()) __builtin_trap();
  const bool fired = rules.Decide(probe).has_value();
  if (fired && !matches) __builtin_trap();
  if (matches && certain.probability >= 1.0 && !fired) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const mock::json::SchemaSet schemas = [] {
    auto s = mock::json::SchemaSet::Load(OCPMOCK_SOURCE_DIR "/schemas");
    if (!s.ok()) std::abort();
    return std::move(s).value();
  }();
  schemas_ptr = &schemas;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t eol = input.find('\n');
  if (eol == std::string_view::npos) return 0;
  const std::string_view line = input.substr(0, eol);
  const std::string_view text = input.substr(eol + 1);

  std::vector<mock::faults::FaultRule> rules;
  if (line.size() % 2 == 0) {
    auto rule = mock::faults::ParseRule(text, "fuzz", *schemas_ptr);
    if (!rule.ok()) {
      if (rule.status().message().rfind("fuzz", 0) != 0) __builtin_trap();
      return 0;
    }
    rules.push_back(std::move(rule).value());
  } else {
    auto file = mock::faults::ParseFaultFile(text, "fuzz.json", *schemas_ptr);
    if (!file.ok()) {
      if (file.status().message().rfind("fuzz.json", 0) != 0) __builtin_trap();
      return 0;
    }
    rules = std::move(file).value();
  }

  const size_t first = line.find(' ');
  const std::string_view method = line.substr(0, first);
  const std::string_view rest = first == std::string_view::npos ? "" : line.substr(first + 1);
  const size_t second = rest.find(' ');
  auto target = mock::http::ParseTarget(rest.substr(0, second));
  const std::string user(second == std::string_view::npos ? "" : rest.substr(second + 1));
  for (const mock::faults::FaultRule& rule : rules) {
    CheckListing(rule);
    if (target.ok()) {
      const mock::faults::Probe probe{method, target.value().path, user.empty() ? nullptr : &user,
                                      target.value().query};
      CheckMatching(rule, probe);
    }
  }
  return 0;
}
