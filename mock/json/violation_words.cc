#include "mock/json/violation_words.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>
#include <utility>

#include <rapidjson/pointer.h>

#include "mock/json/schema_phrases.h"

namespace mock::json {
namespace {

// What a Valijson description is about. kRule: a constraint on the value itself (Breaks,
// Broken), named by its schema keyword.
enum class About {
  kRule,
  kType,
  kRequired,
  kUnknownField,
  kNot,
  kChoice,
  kSeveral,
  kUnique,
  kWrapper,
  kOther
};

struct Recognised {
  About about = About::kOther;
  std::string_view keyword;  // kRule's, and kChoice's combiner
  std::string name;          // the field kRequired and kUnknownField name
  // The limit a bound's description gives ("...greater than or equal to 400.000000"): which of
  // several bounds at one place (envelope's 100, error-envelope's 400) this one is.
  std::optional<double> limit;
};

// Valijson 1.0's descriptions (validation_visitor.hpp), by how they begin. Longer prefixes first
// where one begins another.
constexpr std::pair<std::string_view, std::pair<About, std::string_view>> kDescriptions[] = {
    {"Value type not permitted", {About::kType, ""}},
    {"Failed to match against any enum values", {About::kRule, "enum"}},
    {"Failed to match expected value set by 'const'", {About::kRule, "const"}},
    {"Failed to match regex specified by 'pattern'", {About::kRule, "pattern"}},
    {"String should be a valid ", {About::kRule, "format"}},
    {"Expected number greater than or equal to", {About::kRule, "minimum"}},
    {"Expected number greater than", {About::kRule, "exclusiveMinimum"}},
    {"Expected number less than or equal to", {About::kRule, "maximum"}},
    {"Expected number less than", {About::kRule, "exclusiveMaximum"}},
    {"String should be no fewer than", {About::kRule, "minLength"}},
    {"String should be no more than", {About::kRule, "maxLength"}},
    {"Array should contain no fewer than", {About::kRule, "minItems"}},
    {"Array should contain no more than", {About::kRule, "maxItems"}},
    {"Object should have no fewer than", {About::kRule, "minProperties"}},
    {"Object should have no more than", {About::kRule, "maxProperties"}},
    {"Value should be a multiple of", {About::kRule, "multipleOf"}},
    {"Missing required property '", {About::kRequired, ""}},
    {"Object contains a property that could not be validated", {About::kUnknownField, ""}},
    {"Target should not validate against schema specified in 'not'", {About::kNot, ""}},
    {"Failed to validate against any schemas allowed by anyOf", {About::kChoice, "anyOf"}},
    {"Failed to validate against any child schemas allowed by oneOf", {About::kChoice, "oneOf"}},
    {"Failed to validate against exactly one child schema", {About::kSeveral, "oneOf"}},
    {"Elements at indexes #", {About::kUnique, ""}},
    {"Failed to validate ", {About::kWrapper, ""}},
};

// The field "Missing required property 'x'." and "...'additionalProperties' constraints: 'x'."
// name: up to the last quote, since a name may hold quotes itself.
std::string NameIn(std::string_view description, About about) {
  const std::string_view opening = about == About::kRequired       ? "property '"
                                   : about == About::kUnknownField ? "constraints: '"
                                                                   : "";
  const size_t open = opening.empty() ? std::string_view::npos : description.find(opening);
  const size_t close = description.rfind('\'');
  if (open == std::string_view::npos || close < open + opening.size()) return "";
  const size_t from = open + opening.size();
  return std::string(description.substr(from, close - from));
}

Recognised Recognise(std::string_view description) {
  for (const auto& [prefix, meaning] : kDescriptions) {
    if (description.substr(0, prefix.size()) != prefix) continue;
    Recognised r{meaning.first, meaning.second, "", std::nullopt};
    const std::string rest(description.substr(prefix.size()));
    char* end = nullptr;
    const double limit = std::strtod(rest.c_str(), &end);
    if (r.about == About::kRule && end != rest.c_str()) r.limit = limit;
    r.name = NameIn(description, r.about);
    return r;
  }
  return {};
}

// "Failed to validate item #0 in array." as "failed to validate item #0 in array": Valijson's
// own words, for what has no better ones.
std::string Lowered(std::string_view description) {
  std::string out(description);
  if (!out.empty() && out.back() == '.') out.pop_back();
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

// One violation being put in words: the value at its place and the schemas that apply there.
struct Place {
  const rapidjson::Value& value;
  const std::vector<SchemaNode>& nodes;
  const SchemaFileFinder& files;
};

// The words for one violation. `wrapper`: they only say that something within failed, or name
// every alternative where one alternative's own failure says more; left out when others speak.
struct Words {
  std::string text;
  bool wrapper = false;
  std::string unknown_field = {};
};

// The schema at `p` whose constraint `keyword` (of value `limit`, when given) the value breaks;
// else the first with that keyword; nullptr when none has it.
const SchemaNode* Breaking(const Place& p, std::string_view keyword,
                           std::optional<double> limit = std::nullopt) {
  const SchemaNode* first = nullptr;
  for (const SchemaNode& n : p.nodes) {
    const rapidjson::Value* k = Keyword(*n.value, std::string(keyword).c_str());
    if (k == nullptr) continue;
    // Valijson prints the limit with six decimals.
    const bool named = !limit || !k->IsNumber() || std::fabs(k->GetDouble() - *limit) < 1e-6;
    if (Breaks(keyword, *k, p.value) && named) return &n;
    if (first == nullptr) first = &n;
  }
  return first;
}

// Every alternative of the anyOf or oneOf `n` is one of, for a value that matches none.
Words Choice(const Place& p, const SchemaNode& n) {
  return {
      "expected " + Alternatives(p.files, n.choice_file, *n.choice) + ", got " + Kinded(p.value),
      SomeAlternativeTakesItsType(p.files, n.choice_file, *n.choice, p.value)};
}

Words RuleWords(const Place& p, const Recognised& r, std::string_view description) {
  const SchemaNode* n = Breaking(p, r.keyword, r.limit);
  if (n == nullptr) return {Lowered(description) + ", got " + JsonText(p.value)};
  // An alternative's bound or pattern: the value had other ways to pass, so name them all.
  if (n->choice != nullptr) return {Choice(p, *n).text};
  return {Broken(r.keyword, *n->value, p.value)};
}

Words TypeWords(const Place& p, std::string_view description) {
  const SchemaNode* n = Breaking(p, "type");
  if (n == nullptr) return {Lowered(description) + ", got " + Kinded(p.value)};
  if (n->choice != nullptr) return Choice(p, *n);
  return {"expected " + Types(*Keyword(*n->value, "type")) + ", got " + Kinded(p.value)};
}

// The object's fields the schemas at `p` list and it lacks.
std::vector<std::string> Unused(const Place& p) {
  std::vector<std::string> names;
  for (const SchemaNode& n : p.nodes) {
    const rapidjson::Value* properties = Keyword(*n.value, "properties");
    if (properties == nullptr || !properties->IsObject()) continue;
    for (const auto& m : properties->GetObject()) {
      const std::string name(m.name.GetString(), m.name.GetStringLength());
      if (Keyword(p.value, name.c_str()) != nullptr) continue;
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  }
  return names;
}

Words UnknownFieldWords(const Place& p, const std::string& name) {
  std::string text = "unknown field " + Quoted(name);
  if (auto meant = ClosestName(name, Unused(p))) text += " (did you mean " + Quoted(*meant) + "?)";
  return {text, false, name};
}

// The first field of the object `v` that a `not` of `required`s (or an anyOf of them, as
// no-data-response.schema.json has) forbids.
std::optional<std::string> Forbidden(const SchemaFileFinder& files, SchemaNode forbid,
                                     const rapidjson::Value& v, int depth = 0) {
  auto resolved = Resolved(files, forbid);
  if (!resolved || depth > 8) return std::nullopt;
  const rapidjson::Value* required = Keyword(*resolved->value, "required");
  if (required != nullptr && required->IsArray()) {
    for (const auto& name : required->GetArray()) {
      if (name.IsString() && Keyword(v, name.GetString()) != nullptr) return name.GetString();
    }
  }
  for (const char* combiner : {"allOf", "anyOf", "oneOf"}) {
    const rapidjson::Value* parts = Keyword(*resolved->value, combiner);
    if (parts == nullptr || !parts->IsArray()) continue;
    for (const auto& part : parts->GetArray()) {
      if (auto name = Forbidden(files, {resolved->file, &part}, v, depth + 1)) return name;
    }
  }
  return std::nullopt;
}

Words NotWords(const Place& p) {
  for (const SchemaNode& n : p.nodes) {
    const rapidjson::Value* forbid = Keyword(*n.value, "not");
    if (forbid == nullptr) continue;
    if (auto name = Forbidden(p.files, {n.file, forbid}, p.value)) {
      return {"field " + Quoted(*name) + " is not allowed here"};
    }
    return {"expected a value that does not match " + JsonText(*forbid) + ", got " +
            JsonText(p.value)};
  }
  return {"expected a value the schema's \"not\" allows, got " + JsonText(p.value)};
}

// An anyOf or oneOf that no alternative matched.
Words ChoiceWords(const Place& p, std::string_view combiner, bool several) {
  for (const SchemaNode& n : p.nodes) {
    const rapidjson::Value* choice = Keyword(*n.value, std::string(combiner).c_str());
    if (choice == nullptr || !choice->IsArray()) continue;
    const std::string alternatives = Alternatives(p.files, n.file, *choice);
    if (several) {
      return {"expected exactly one of " + alternatives + " to match, got " + JsonText(p.value) +
              ", which matches more than one"};
    }
    return {"expected " + alternatives + ", got " + Kinded(p.value),
            SomeAlternativeTakesItsType(p.files, n.file, *choice, p.value)};
  }
  return {
      "expected one of the alternatives of " + std::string(combiner) + ", got " + Kinded(p.value),
      true};
}

// "Elements at indexes #0 and #3 violate uniqueness constraint."
Words UniqueWords(const Place& p, std::string_view description) {
  const size_t first = description.find('#');
  const size_t second = description.find('#', first + 1);
  const std::string a(description.substr(first + 1, description.find(' ', first) - first - 1));
  const std::string b(description.substr(second + 1, description.find(' ', second) - second - 1));
  std::string text = "expected unique items, but items " + a + " and " + b + " are the same";
  if (p.value.IsArray() && !p.value.Empty()) {
    const size_t at = std::min<size_t>(std::strtoul(a.c_str(), nullptr, 10), p.value.Size() - 1);
    text += ": " + JsonText(p.value[static_cast<rapidjson::SizeType>(at)]);
  }
  return {text};
}

const rapidjson::Value* ValueAt(const rapidjson::Value& doc, const std::string& pointer) {
  const rapidjson::Pointer p(pointer.c_str());
  return p.IsValid() ? p.Get(doc) : nullptr;
}

Words Word(const Violation& raw, const rapidjson::Value& doc, std::string_view schema,
           const SchemaFileFinder& files) {
  const Recognised r = Recognise(raw.message);
  if (r.about == About::kWrapper) return {Lowered(raw.message), true};
  const rapidjson::Value* value = ValueAt(doc, raw.path);
  if (value == nullptr) {  // cannot tell more than Valijson, but the reader needs the name
    return {Lowered(raw.message), false, r.about == About::kUnknownField ? r.name : ""};
  }
  const std::vector<SchemaNode> nodes = SchemaNodesAt(files, schema, raw.path);
  const Place p{*value, nodes, files};
  switch (r.about) {
    case About::kRule:
      return RuleWords(p, r, raw.message);
    case About::kType:
      return TypeWords(p, raw.message);
    case About::kRequired:
      return {"missing required field " + Quoted(r.name)};
    case About::kUnknownField:
      return UnknownFieldWords(p, r.name);
    case About::kNot:
      return NotWords(p);
    case About::kChoice:
    case About::kSeveral:
      return ChoiceWords(p, r.keyword, r.about == About::kSeveral);
    case About::kUnique:
      return UniqueWords(p, raw.message);
    default:
      return {Lowered(raw.message) + ", got " + JsonText(p.value)};
  }
}

// Optimal string alignment distance, case aside: "finsihTime" is 1 from "finishTime".
size_t Distance(std::string_view a, std::string_view b) {
  auto same = [&](size_t i, size_t j) {
    return std::tolower(static_cast<unsigned char>(a[i])) ==
           std::tolower(static_cast<unsigned char>(b[j]));
  };
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (same(i - 1, j - 1) ? 0 : 1)});
      if (i > 1 && j > 1 && same(i - 1, j - 2) && same(i - 2, j - 1)) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> ClosestName(std::string_view name,
                                       const std::vector<std::string>& names) {
  std::optional<std::string> best;
  size_t best_distance = 0;
  for (const std::string& candidate : names) {
    const size_t limit = std::min(name.size(), candidate.size()) / 4;
    // The lengths' difference is a floor of the distance: no need to count beyond it.
    if (std::max(name.size(), candidate.size()) - std::min(name.size(), candidate.size()) > limit) {
      continue;
    }
    const size_t distance = Distance(name, candidate);
    if (distance > limit) continue;
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::vector<Violation> InWords(const std::vector<Violation>& valijson, const rapidjson::Value& doc,
                               std::string_view schema, const SchemaFileFinder& files) {
  std::vector<std::pair<Violation, bool>> worded;  // and whether it is a wrapper
  for (const Violation& raw : valijson) {
    Words w = Word(raw, doc, schema, files);
    worded.push_back({{raw.path, std::move(w.text), std::move(w.unknown_field)}, w.wrapper});
  }
  const bool leaves =
      std::any_of(worded.begin(), worded.end(), [](const auto& w) { return !w.second; });
  std::vector<Violation> out;
  std::set<std::pair<std::string, std::string>> said;
  for (auto& [v, wrapper] : worded) {
    if (wrapper && leaves) continue;
    if (!said.insert({v.path, v.message}).second) continue;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace mock::json
