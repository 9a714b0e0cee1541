#include "mock/json/schema_phrases.h"

#include <algorithm>
#include <regex>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/json/pattern_check.h"

namespace mock::json {
namespace {

constexpr size_t kMaxValueText = 60;
constexpr size_t kMaxListed = 12;
constexpr int kMaxPhraseDepth = 8;  // of alternatives within alternatives

std::string TypeNoun(std::string_view type) {
  if (type == "integer" || type == "object" || type == "array") return "an " + std::string(type);
  if (type == "null") return "null";
  return "a " + std::string(type);
}

std::string_view StringOr(const rapidjson::Value* v, std::string_view otherwise) {
  return v != nullptr && v->IsString() ? std::string_view(v->GetString(), v->GetStringLength())
                                       : otherwise;
}

bool IsType(const rapidjson::Value& v, std::string_view type) {
  if (type == "integer") return v.IsInt64() || v.IsUint64();
  if (type == "number") return v.IsNumber();
  if (type == "string") return v.IsString();
  if (type == "boolean") return v.IsBool();
  if (type == "object") return v.IsObject();
  if (type == "array") return v.IsArray();
  return type == "null" && v.IsNull();
}

// Whether `a` and `b` are of one JSON type (any two numbers are).
bool SameKind(const rapidjson::Value& a, const rapidjson::Value& b) {
  return a.GetType() == b.GetType() || (a.IsNumber() && b.IsNumber()) || (a.IsBool() && b.IsBool());
}

// " from 0 to 60000", " of at least 1", "".
std::string Bounds(const rapidjson::Value& schema) {
  const rapidjson::Value* min = Keyword(schema, "minimum");
  const rapidjson::Value* max = Keyword(schema, "maximum");
  if (min != nullptr && max != nullptr) return " from " + JsonText(*min) + " to " + JsonText(*max);
  if (min != nullptr) return " of at least " + JsonText(*min);
  if (max != nullptr) return " of at most " + JsonText(*max);
  return "";
}

// Whether schema `s` (its `$ref`s followed) takes values of `v`'s JSON type. A schema that does
// not say (no `type`, `enum` or `const`) is taken to.
bool TakesItsType(const rapidjson::Value& s, const rapidjson::Value& v) {
  if (const rapidjson::Value* type = Keyword(s, "type")) return TypeAllows(*type, v);
  if (const rapidjson::Value* value = Keyword(s, "const")) return SameKind(*value, v);
  const rapidjson::Value* values = Keyword(s, "enum");
  if (values == nullptr || !values->IsArray()) return true;
  return std::any_of(values->Begin(), values->End(),
                     [&](const rapidjson::Value& e) { return SameKind(e, v); });
}

// "at least", "at most": how a bound reads.
std::string_view Bound(std::string_view keyword) {
  if (keyword == "exclusiveMinimum") return "more than";
  if (keyword == "exclusiveMaximum") return "less than";
  return keyword.substr(0, 3) == "min" ? "at least" : "at most";
}

// Characters, not bytes, as JSON Schema counts a string's length.
size_t Characters(const rapidjson::Value& v) {
  const std::string_view s(v.GetString(), v.GetStringLength());
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// As Valijson matches a `pattern`: an ECMAScript search of the whole string, through the
// pattern's code where it has some (pattern_check.h) rather than a regex compiled per call.
bool Matches(const rapidjson::Value& pattern, const rapidjson::Value& v) {
  if (!pattern.IsString() || !v.IsString()) return true;
  const std::string_view value(v.GetString(), v.GetStringLength());
  if (PatternCheck check = CheckFor(pattern.GetString())) return check(value);
  try {
    return std::regex_search(value.begin(), value.end(), std::regex(pattern.GetString()));
  } catch (const std::regex_error&) {
    return false;
  }
}

double Number(const rapidjson::Value& v) { return v.IsNumber() ? v.GetDouble() : 0; }
uint64_t Count(const rapidjson::Value& v) { return v.IsUint64() ? v.GetUint64() : 0; }

}  // namespace

std::string JsonText(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  std::string text(buf.GetString(), buf.GetSize());
  if (text.size() <= kMaxValueText) return text;
  size_t cut = kMaxValueText;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  while (cut > 0 && text[cut - 1] == '\\') --cut;  // not half an escape
  return text.substr(0, cut) + (v.IsString() ? "...\"" : "...");
}

std::string Quoted(std::string_view s) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return {buf.GetString(), buf.GetSize()};
}

std::string Kinded(const rapidjson::Value& v) {
  std::string text = JsonText(v);
  if (v.IsNull() || v.IsBool()) return text;
  if (v.IsString()) return "the string " + text;
  if (v.IsInt64() || v.IsUint64()) return "the integer " + text;
  if (v.IsNumber()) return "the number " + text;
  if (v.IsObject()) return v.ObjectEmpty() ? "an empty object" : "the object " + text;
  return v.Empty() ? "an empty array" : "the array " + text;
}

std::string OrList(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

std::string Counted(uint64_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

std::string Types(const rapidjson::Value& type) {
  std::vector<std::string> words;
  if (type.IsString()) words.push_back(TypeNoun(type.GetString()));
  if (type.IsArray()) {
    for (const auto& t : type.GetArray()) {
      if (t.IsString()) words.push_back(TypeNoun(t.GetString()));
    }
  }
  return OrList(words);
}

bool TypeAllows(const rapidjson::Value& type, const rapidjson::Value& v) {
  if (type.IsString()) return IsType(v, type.GetString());
  if (!type.IsArray()) return true;
  return std::any_of(type.Begin(), type.End(), [&](const rapidjson::Value& t) {
    return t.IsString() && IsType(v, t.GetString());
  });
}

std::string Listed(const rapidjson::Value& values) {
  std::string out;
  size_t listed = 0;
  for (const auto& e : values.GetArray()) {
    if (listed == kMaxListed) break;
    out += (listed++ == 0 ? "" : ", ") + JsonText(e);
  }
  if (values.Size() > listed) out += " and " + std::to_string(values.Size() - listed) + " more";
  return out;
}

std::string Patterned(const rapidjson::Value& schema) {
  const std::string pattern(StringOr(Keyword(schema, "pattern"), ""));
  const std::string_view title = StringOr(Keyword(schema, "title"), "");
  const rapidjson::Value* examples = Keyword(schema, "examples");
  if (title.empty() || examples == nullptr || !examples->IsArray() || examples->Empty() ||
      !(*examples)[0].IsString()) {
    return "a string matching " + pattern;
  }
  const bool vowel = std::string_view("aeiou").find(title.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(title) + " like " + (*examples)[0].GetString() +
         " (pattern " + pattern + ")";
}

std::string Allowed(const SchemaFileFinder& files, SchemaNode node, int depth) {
  auto resolved = Resolved(files, node);
  if (!resolved || !resolved->value->IsObject() || depth > kMaxPhraseDepth) return "any value";
  const rapidjson::Value& s = *resolved->value;
  if (const rapidjson::Value* value = Keyword(s, "const")) return JsonText(*value);
  if (const rapidjson::Value* values = Keyword(s, "enum"); values && values->IsArray()) {
    return values->Size() == 1 ? JsonText((*values)[0]) : "one of " + Listed(*values);
  }
  for (const char* combiner : {"anyOf", "oneOf"}) {
    const rapidjson::Value* alternatives = Keyword(s, combiner);
    if (alternatives != nullptr && alternatives->IsArray()) {
      return Alternatives(files, resolved->file, *alternatives, depth + 1);
    }
  }
  if (Keyword(s, "pattern") != nullptr) return Patterned(s);
  if (const rapidjson::Value* type = Keyword(s, "type")) return Types(*type) + Bounds(s);
  const rapidjson::Value* parts = Keyword(s, "allOf");
  if (parts == nullptr || !parts->IsArray()) return "any value";
  for (const auto& part : parts->GetArray()) {
    std::string words = Allowed(files, {resolved->file, &part}, depth + 1);
    if (words != "any value") return words;
  }
  return "any value";
}

std::string Alternatives(const SchemaFileFinder& files, const rapidjson::Value* file,
                         const rapidjson::Value& choice, int depth) {
  std::vector<std::string> words;
  for (const auto& alternative : choice.GetArray()) {
    std::string w = Allowed(files, {file, &alternative}, depth);
    if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
  }
  return OrList(words);
}

bool SomeAlternativeTakesItsType(const SchemaFileFinder& files, const rapidjson::Value* file,
                                 const rapidjson::Value& choice, const rapidjson::Value& v) {
  return std::any_of(choice.Begin(), choice.End(), [&](const rapidjson::Value& alternative) {
    auto resolved = Resolved(files, {file, &alternative});
    return resolved && TakesItsType(*resolved->value, v);
  });
}

bool Breaks(std::string_view keyword, const rapidjson::Value& k, const rapidjson::Value& v) {
  const double x = Number(v);
  if (keyword == "enum") {
    return k.IsArray() && std::none_of(k.Begin(), k.End(), [&](const auto& e) { return e == v; });
  }
  if (keyword == "const") return k != v;
  if (keyword == "pattern") return !Matches(k, v);
  if (keyword == "minimum") return v.IsNumber() && x < Number(k);
  if (keyword == "exclusiveMinimum") return v.IsNumber() && x <= Number(k);
  if (keyword == "maximum") return v.IsNumber() && x > Number(k);
  if (keyword == "exclusiveMaximum") return v.IsNumber() && x >= Number(k);
  if (keyword == "minLength") return v.IsString() && Characters(v) < Count(k);
  if (keyword == "maxLength") return v.IsString() && Characters(v) > Count(k);
  if (keyword == "minItems") return v.IsArray() && v.Size() < Count(k);
  if (keyword == "maxItems") return v.IsArray() && v.Size() > Count(k);
  if (keyword == "minProperties") return v.IsObject() && v.MemberCount() < Count(k);
  if (keyword == "maxProperties") return v.IsObject() && v.MemberCount() > Count(k);
  return true;  // format, multipleOf: Valijson's word for it
}

std::string Broken(std::string_view keyword, const rapidjson::Value& schema,
                   const rapidjson::Value& v) {
  const rapidjson::Value& k = *Keyword(schema, std::string(keyword).c_str());
  const std::string got = JsonText(v);
  if (keyword == "enum" && k.IsArray() && k.Size() != 1) return got + " is not one of " + Listed(k);
  if (keyword == "enum" && k.IsArray()) return "expected " + JsonText(k[0]) + ", got " + got;
  if (keyword == "const") return "expected " + JsonText(k) + ", got " + got;
  if (keyword == "pattern") return "expected " + Patterned(schema) + ", got " + got;
  if (keyword == "format") return "expected a string in format " + JsonText(k) + ", got " + got;
  if (keyword == "multipleOf") return "expected a multiple of " + JsonText(k) + ", got " + got;
  const std::string expected = "expected " + std::string(Bound(keyword)) + " ";
  if (keyword.ends_with("Length") && v.IsString()) {
    const std::string length = std::to_string(Characters(v));
    return expected + Counted(Count(k), "character") +
           (v.GetStringLength() == 0 ? ", got " : ", got " + length + ": ") + got;
  }
  if (keyword.ends_with("Items") && v.IsArray()) {
    return expected + Counted(Count(k), "item") + ", got " + std::to_string(v.Size());
  }
  if (keyword.ends_with("Properties") && v.IsObject()) {
    return expected + Counted(Count(k), "field") + ", got " + std::to_string(v.MemberCount());
  }
  return expected + JsonText(k) + ", got " + got;  // minimum, maximum and the exclusive ones
}

}  // namespace mock::json
