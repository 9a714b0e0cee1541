// The pattern checks written as code (pattern_check.h) answer what an ECMAScript regex search
// answers, Valijson's verdict, for every string tried: mutations of strings each pattern
// accepts, and random strings over the characters the patterns name plus NUL, newline and
// non-ASCII bytes. And every `pattern` in the bundled schemas has code, so that no value of a
// bundled schema goes through a regex engine in the fast validator.
#include "mock/json/pattern_check.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/test_paths.h"

namespace mock::json {
namespace {

// Strings each pattern accepts, from which the mutations start.
const std::map<std::string_view, std::vector<std::string>>& Accepted() {
  static const std::map<std::string_view, std::vector<std::string>> accepted = {
      {R"(^(!|>=|<=|>|<)?[0-9]+\.[0-9]+\.[0-9]+$)",
       {">=4.2.0", "3.1.1", "!4.0.0", "<10.2.33", ">1.0.0", "<=4.2.2"}},
      {R"(^[0-9]+\.[0-9]+\.[0-9]+$)", {"4.2.1", "10.20.300"}},
      {R"(^[^:]+$)", {"tenant", "a b", "é"}},
      {R"(^[A-Za-z_][A-Za-z0-9_]{0,63}$)", {"cpu_count", "_x9", std::string(64, 'a')}},
      {R"(^[A-Za-z_][A-Za-z0-9_.]*$)", {"ob.proxy_1", "a..b", "Z"}},
      {R"(^[A-Z]{3}[0-9]{5}$)", {"PKG10003", "OBS00001"}},
      {R"(^[0-9a-f]{40}$)", {"da39a3ee5e6b4b0d3255bfef95601890afd80709"}},
      {R"(^([0-9a-f]{16})?$)", {"", "0123456789abcdef"}},
      {R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{1,3}Z$)",
       {"2026-12-05T02:07:23.5Z", "2026-12-05T02:07:23.123Z"}},
      {R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$)",
       {"2026-12-05T02:07:23Z", "2026-12-05T02:07:23.123456789+08:00",
        "2026-12-05T02:07:23-05:30"}},
      {R"(^[0-9]{1,15}([Uu][Ss]|[Mm][Ss]|[SsMmHhDd])?$)",
       {"500ms", "10us", "3s", "7D", "42", "1M"}},
      {R"(^[0-9]{1,15}([Bb]|[KkMmGgTtPp][Bb]?)?$)", {"2G", "2GB", "512", "1b", "3kB", "9P"}},
      {R"(^/)", {"/api", "/"}},
      {R"(^-?[0-9]{1,18}$)", {"-1", "123456789012345678", "0"}},
      {R"(^-?[0-9]{1,15}(\.[0-9]{1,15})?$)", {"0.5", "-12", "123456789012345.123456789012345"}},
  };
  return accepted;
}

// The characters the patterns are made of, and some they never accept.
constexpr char kAlphabet[] = "0123456789.:-+TZ!<>=/_aAbBfFgGkKmMpPsSuUdDhHxX \n\t\xc3\xa9\xff";

std::string Mutate(std::string s, std::mt19937& rng) {
  std::uniform_int_distribution<int> op(0, 7);
  const std::string alphabet(kAlphabet, sizeof kAlphabet);  // NUL included
  auto any_char = [&] {
    return alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(rng)];
  };
  auto at = [&](size_t extra) {
    return std::uniform_int_distribution<size_t>(0, s.size() + extra - 1)(rng);
  };
  const int edits = std::uniform_int_distribution<int>(1, 3)(rng);
  for (int i = 0; i < edits; ++i) {
    switch (op(rng)) {
      case 0:
        s.insert(at(1), 1, any_char());
        break;
      case 1:
        if (!s.empty()) s.erase(at(0), 1);
        break;
      case 2:
        if (!s.empty()) s[at(0)] = any_char();
        break;
      case 3:
        s.resize(s.empty() ? 0 : at(0));
        break;
      case 4:
        s += s.empty() ? std::string(1, any_char()) : s.substr(at(0));
        break;
      default:  // a character for another of its kind, which keeps many strings accepted
        if (!s.empty()) {
          char& c = s[at(0)];
          const char base = c >= '0' && c <= '9'   ? '0'
                            : c >= 'a' && c <= 'f' ? 'a'
                            : c >= 'A' && c <= 'Z' ? 'A'
                                                   : c;
          const int span = base == '0' ? 10 : base == 'a' ? 6 : base == 'A' ? 26 : 1;
          c = static_cast<char>(base + std::uniform_int_distribution<int>(0, span - 1)(rng));
        }
        break;
    }
  }
  return s;
}

std::string RandomString(std::mt19937& rng) {
  const std::string alphabet(kAlphabet, sizeof kAlphabet);
  std::string s(std::uniform_int_distribution<size_t>(0, 40)(rng), ' ');
  for (char& c : s)
    c = alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(rng)];
  return s;
}

struct PatternCase {
  std::string_view pattern;
};
void PrintTo(const PatternCase& c, std::ostream* os) { *os << c.pattern; }

class PatternCheckTest : public ::testing::TestWithParam<PatternCase> {};

TEST_P(PatternCheckTest, AnswersWhatAnEcmaScriptRegexSearchAnswers) {
  const std::string pattern(GetParam().pattern);
  const PatternCheck check = CheckFor(pattern);
  ASSERT_NE(check, nullptr);
  const std::regex regex(pattern, std::regex::ECMAScript);
  const auto seeds = Accepted().find(GetParam().pattern);
  ASSERT_NE(seeds, Accepted().end()) << "give the pattern strings it accepts";
  std::mt19937 rng(29);
  std::vector<std::string> tried;
  for (const std::string& seed : seeds->second) {
    tried.push_back(seed);
    for (int i = 0; i < 3000; ++i) tried.push_back(Mutate(seed, rng));
  }
  for (int i = 0; i < 3000; ++i) tried.push_back(RandomString(rng));
  size_t accepted = 0;
  for (const std::string& s : tried) {
    const bool expected = std::regex_search(s, regex);
    ASSERT_EQ(check(s), expected) << "for " << testing::PrintToString(s);
    accepted += expected ? 1 : 0;
  }
  // Both verdicts were tried many times: the comparison is not one-sided.
  EXPECT_GT(accepted, tried.size() / 20);
  EXPECT_LT(accepted, tried.size() - tried.size() / 20);
}

std::vector<PatternCase> AllPatterns() {
  std::vector<PatternCase> cases;
  for (std::string_view p : PatternsWithCode()) cases.push_back({p});
  return cases;
}
INSTANTIATE_TEST_SUITE_P(EveryPatternWithCode, PatternCheckTest, ::testing::ValuesIn(AllPatterns()),
                         [](const ::testing::TestParamInfo<PatternCase>& pattern_info) {
                           return "pattern" + std::to_string(pattern_info.index);
                         });

void CollectPatterns(const rapidjson::Value& v, std::set<std::string>& out) {
  if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      if (std::string_view(m.name.GetString()) == "pattern" && m.value.IsString()) {
        out.insert(m.value.GetString());
      }
      CollectPatterns(m.value, out);
    }
  } else if (v.IsArray()) {
    for (const auto& item : v.GetArray()) CollectPatterns(item, out);
  }
}

TEST(PatternCheck, EveryPatternOfTheBundledSchemasHasCode) {
  std::set<std::string> patterns;
  for (const auto& file : std::filesystem::recursive_directory_iterator(testdata::SchemasDir())) {
    if (file.path().extension() != ".json") continue;
    auto text = ReadFile(file.path());
    ASSERT_TRUE(text.ok());
    auto doc = ParseJson(text.value());
    ASSERT_TRUE(doc.ok()) << file.path();
    CollectPatterns(doc.value(), patterns);
  }
  ASSERT_GE(patterns.size(), 10u);
  for (const std::string& p : patterns) {
    EXPECT_NE(CheckFor(p), nullptr) << p << ": add its code to pattern_check.cc";
  }
}

// A schema directory of two one-line schemas, written for a test and removed after it.
class PatternSchemas : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ocpmock-pattern-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    Write("version", R"({"type":"string","pattern":"^[0-9]+\\.[0-9]+\\.[0-9]+$"})");
    Write("xs", R"({"type":"string","pattern":"^x+$"})");
    // Nested, as raise-alarm-request has it: at a schema's root, Valijson 1.0 let "bad key"
    // through a propertyNames pattern in a trial.
    Write("labels", R"({"type":"object","properties":{"labels":{"type":"object",
                          "propertyNames":{"pattern":"^[a-z]+$"}}}})");
    Write("positive", R"({"type":"number","exclusiveMinimum":0})");
    Write("refers", R"({"type":"object","properties":{"n":{"$ref":"positive.schema.json"}}})");
    Write("named", R"({"type":"object","properties":{"if":{"type":"string"}}})");
    auto loaded = SchemaSet::Load(dir_);
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    schemas_.emplace(std::move(loaded).value());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / (name + ".schema.json")) << text;
  }
  static rapidjson::Document String(std::string_view s) {
    rapidjson::Document d;
    d.SetString(s.data(), static_cast<rapidjson::SizeType>(s.size()), d.GetAllocator());
    return d;
  }

  std::filesystem::path dir_;
  std::optional<SchemaSet> schemas_;
};

// RapidJSON's own engine read a value up to its first NUL, so the fast pass let this through
// while Valijson refused it.
TEST_F(PatternSchemas, TheFastPassSeesAValuePastANulAsValijsonDoes) {
  const rapidjson::Document bad = String(std::string_view("1.2.3\0x", 7));
  EXPECT_EQ(schemas_->QuickCheck("version", bad), "/: violates pattern");
  EXPECT_FALSE(schemas_->Validate("version", bad).empty());
  EXPECT_EQ(schemas_->QuickCheck("version", String("1.2.3")), std::nullopt);
}

TEST_F(PatternSchemas, APatternWithoutCodeIsCheckedAsAnEcmaScriptRegex) {
  ASSERT_EQ(CheckFor("^x+$"), nullptr);
  EXPECT_EQ(schemas_->QuickCheck("xs", String("xxx")), std::nullopt);
  EXPECT_EQ(schemas_->QuickCheck("xs", String("xyx")), "/: violates pattern");
  EXPECT_FALSE(schemas_->Validate("xs", String("xyx")).empty());
}

// RapidJSON knows draft-04 only; what it would ignore is checked by Valijson.
TEST_F(PatternSchemas, KeywordsRapidJsonIgnoresAreStillChecked) {
  rapidjson::Document labels;
  labels.Parse(R"({"labels": {"bad key": "x"}})");
  EXPECT_FALSE(schemas_->RapidJsonCovers("labels"));
  EXPECT_TRUE(schemas_->QuickCheck("labels", labels).has_value());
  EXPECT_FALSE(schemas_->Check("labels", labels).empty());
  rapidjson::Document zero;
  zero.Parse("0");
  EXPECT_TRUE(schemas_->QuickCheck("positive", zero).has_value());
  rapidjson::Document nested;
  nested.Parse(R"({"n": 0})");
  EXPECT_FALSE(schemas_->RapidJsonCovers("refers"));
  EXPECT_TRUE(schemas_->QuickCheck("refers", nested).has_value());
  // A property named like a keyword is a name: RapidJSON still checks that schema.
  EXPECT_TRUE(schemas_->RapidJsonCovers("named"));
  EXPECT_TRUE(schemas_->RapidJsonCovers("version"));
}

// The schemas of a million tasks stay on the fast path; request bodies with `if`/`const` do not.
TEST(PatternCheck, TheBundledFixtureSchemasAreCheckedByRapidJson) {
  const SchemaSet& schemas = testdata::BundledSchemas();
  for (const char* name : {"fixture-file", "entity-file", "task-list-response"}) {
    EXPECT_TRUE(schemas.RapidJsonCovers(name)) << name;
  }
  for (const char* name : {"raise-alarm-request", "fault-rule", "batch-create-hosts-request"}) {
    EXPECT_FALSE(schemas.RapidJsonCovers(name)) << name;
  }
}

}  // namespace
}  // namespace mock::json
