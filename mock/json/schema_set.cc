#include "mock/json/schema_set.h"

#include <future>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>

// Valijson defines its own throwing RAPIDJSON_ASSERT and warns if one exists; ours
// (rapidjson_config.h) throws too, so let Valijson's stand from here on.
#undef RAPIDJSON_ASSERT
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "mock/json/draft04_coverage.h"
#include "mock/json/fast_schemas.h"
#include "mock/json/json.h"
#include "mock/json/locale_cache.h"
#include "mock/json/violation_words.h"

namespace mock::json {
namespace {

constexpr std::string_view kSuffix = ".schema.json";

// Before main, so before any thread validates (see locale_cache.h).
[[maybe_unused]] const bool kLocaleCachesFilled = (FillLocaleCaches(), true);

// Valijson's context looks like {"<root>", "[data]", "[contents]", "[0]"}; users read pointers
// (RFC 6901: a '~' or '/' in a name escaped, so that the words can find the value again).
std::string ToPointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& segment : context) {
    if (segment == "<root>") continue;
    std::string_view s = segment;
    if (s.size() >= 2 && s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    pointer += '/';
    for (char c : s) pointer += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  }
  return pointer;
}

// The files `$ref`s name, resolved by their base name (a fragment is handled by Valijson), each
// read and parsed once per SchemaSet::Load: nearly every schema refers to common.schema.json,
// and reading it again for each reference was a quarter of start-up. Throws, as Valijson's
// fetcher must, on a file that cannot be read or is not JSON.
class RefDocuments {
 public:
  explicit RefDocuments(SchemaDirs dirs) : dirs_(std::move(dirs)) {}

  const rapidjson::Document* Get(const std::string& uri) {
    std::string name = uri.substr(uri.find_last_of('/') + 1);
    if (auto it = docs_.find(name); it != docs_.end()) return it->second.get();
    auto path = FindSchemaFile(dirs_, name);
    auto text = path ? ReadFile(*path) : StatusOr<std::string>(NotFound(name));
    if (!text.ok()) throw std::runtime_error("unresolvable $ref '" + uri + "'");
    auto doc = std::make_unique<rapidjson::Document>();
    doc->Parse(text.value().c_str());
    if (doc->HasParseError()) throw std::runtime_error("$ref '" + uri + "' is not valid JSON");
    return docs_.emplace(std::move(name), std::move(doc)).first->second.get();
  }

 private:
  SchemaDirs dirs_;
  std::map<std::string, std::unique_ptr<rapidjson::Document>, std::less<>> docs_;
};

StatusOr<rapidjson::Document> ReadSchema(const std::filesystem::path& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  auto doc = ParseJson(text.value());
  if (!doc.ok()) return ConfigError(path.string() + ": " + doc.status().message());
  return doc;
}

// One schema file (`doc`, read from `path`) compiled by Valijson, its references resolved
// through `refs` (which keeps the documents: Valijson's free callback leaves them).
StatusOr<std::unique_ptr<valijson::Schema>> Compile(const rapidjson::Document& doc,
                                                    const std::filesystem::path& path,
                                                    RefDocuments& refs) {
  auto schema = std::make_unique<valijson::Schema>();
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::RapidJsonAdapter adapter(doc);
    parser.populateSchema(
        adapter, *schema, [&refs](const std::string& uri) { return refs.Get(uri); },
        [](const rapidjson::Document*) {});
  } catch (const std::exception& e) {
    return ConfigError(path.string() + ": " + e.what());
  }
  return schema;
}

}  // namespace

struct SchemaSet::Impl {
  std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> schemas;
  // The same files as JSON, by file name ("error.schema.json"): what the messages read the
  // expected types, values and patterns from (violation_words.h).
  std::map<std::string, rapidjson::Document, std::less<>> files;
  SchemaDirs dirs;
  std::vector<std::string> names;
  // The schemas that use, themselves or through a `$ref`, a keyword RapidJSON ignores
  // (draft04_coverage.h): QuickCheck asks Valijson about them.
  std::set<std::string, std::less<>> beyond_rapidjson;
  // Every schema compiled for RapidJSON once, shared by every thread: its patterns are code or
  // a const std::regex (rapidjson_patterns.h), so a check changes nothing in it.
  std::shared_ptr<const FastSchemas> fast;
};

namespace {

// Whether file `file` (its name, "x.schema.json") or one it refers to, however deep, uses a
// keyword RapidJSON ignores. `seen` breaks cycles; `known` remembers each file's answer.
bool BeyondRapidJson(const std::map<std::string, rapidjson::Document, std::less<>>& files,
                     const std::string& file, std::set<std::string>& seen,
                     std::map<std::string, bool>& known) {
  if (auto it = known.find(file); it != known.end()) return it->second;
  auto doc = files.find(file);
  if (doc == files.end() || !seen.insert(file).second) return false;
  std::set<std::string> refs;
  bool beyond = UsesKeywordsBeyondDraft04(doc->second, refs);
  for (const std::string& ref : refs) {
    if (!beyond) beyond = BeyondRapidJson(files, ref, seen, known);
  }
  known[file] = beyond;
  return beyond;
}

}  // namespace

SchemaSet::SchemaSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SchemaSet::SchemaSet(SchemaSet&&) noexcept = default;
SchemaSet& SchemaSet::operator=(SchemaSet&&) noexcept = default;
SchemaSet::~SchemaSet() = default;

StatusOr<SchemaSet> SchemaSet::Load(const std::filesystem::path& dir) {
  return Load(SchemaDirs{dir});
}

StatusOr<SchemaSet> SchemaSet::Load(const SchemaDirs& dirs) {
  std::error_code ec;
  for (const auto& dir : dirs) {
    if (!std::filesystem::is_directory(dir, ec)) {
      return ConfigError("schema folder " + dir.string() + " does not exist");
    }
  }
  if (dirs.empty()) return ConfigError("no schema folder given");
  auto impl = std::make_unique<Impl>();
  std::map<std::string, std::filesystem::path> found;  // by name; an earlier folder hides a later
  for (const auto& dir : dirs) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      std::string file = entry.path().filename().string();
      if (file.size() <= kSuffix.size() || !file.ends_with(kSuffix)) continue;
      found.try_emplace(file.substr(0, file.size() - kSuffix.size()), entry.path());
    }
  }
  for (const auto& entry : found) impl->names.push_back(entry.first);
  // Compiled here once so that a bad reference is refused at load, not at first use. RapidJSON's
  // compilation reads the files itself and shares nothing with Valijson's below: it runs on a
  // second thread meanwhile, so that start-up uses two cores (about half its time is here).
  auto fast_compiled = std::async(
      std::launch::async, [&dirs, &names = impl->names] { return FastSchemas::Load(dirs, names); });
  RefDocuments refs(dirs);
  for (const auto& [name, path] : found) {
    auto doc = ReadSchema(path);
    if (!doc.ok()) return doc.status();
    auto schema = Compile(doc.value(), path, refs);
    if (!schema.ok()) return schema.status();
    impl->schemas.emplace(name, std::move(schema).value());
    impl->files.emplace(path.filename().string(), std::move(doc).value());
  }
  auto fast = fast_compiled.get();
  if (!fast.ok()) return fast.status();
  impl->fast = std::move(fast).value();
  std::map<std::string, bool> known;
  for (const std::string& name : impl->names) {
    std::set<std::string> seen;
    if (BeyondRapidJson(impl->files, name + std::string(kSuffix), seen, known)) {
      impl->beyond_rapidjson.insert(name);
    }
  }
  impl->dirs = dirs;
  return SchemaSet(std::move(impl));
}

bool SchemaSet::Has(std::string_view name) const {
  return impl_->schemas.find(name) != impl_->schemas.end();
}

std::vector<Violation> SchemaSet::Validate(std::string_view name,
                                           const rapidjson::Value& doc) const {
  auto it = impl_->schemas.find(name);
  if (it == impl_->schemas.end()) return {{"", "no schema named '" + std::string(name) + "'"}};
  // One validator per thread: it keeps the std::regex it compiles for each pattern (keyed by
  // the pattern's text, so as many as the schemas have), which a new one compiled per call.
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::RapidJsonAdapter adapter(doc);
  if (validator.validate(*it->second, adapter, &results)) return {};
  std::vector<Violation> raw;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) raw.push_back({ToPointer(error.context), error.description});
  const Impl& impl = *impl_;
  auto files = [&impl](std::string_view file) -> const rapidjson::Value* {
    auto found = impl.files.find(file);
    return found == impl.files.end() ? nullptr : &found->second;
  };
  std::vector<Violation> violations =
      InWords(raw, doc, std::string(name) + std::string(kSuffix), files);
  // Valijson reports the enclosing failures after the leaf; the deepest path is the useful one.
  std::stable_sort(
      violations.begin(), violations.end(),
      [](const Violation& a, const Violation& b) { return a.path.size() > b.path.size(); });
  return violations;
}

std::optional<std::string> SchemaSet::QuickCheck(std::string_view name,
                                                 const rapidjson::Value& doc) const {
  if (!Has(name)) return "no schema named '" + std::string(name) + "'";
  if (!RapidJsonCovers(name)) {
    std::vector<Violation> violations = Validate(name, doc);
    if (violations.empty()) return std::nullopt;
    const Violation& v = violations.front();
    return (v.path.empty() ? "/" : v.path) + ": " + v.message;
  }
  return impl_->fast->FirstViolation(name, doc);
}

bool SchemaSet::RapidJsonCovers(std::string_view name) const {
  return impl_->beyond_rapidjson.find(name) == impl_->beyond_rapidjson.end();
}

std::vector<Violation> SchemaSet::Check(std::string_view name, const rapidjson::Value& doc) const {
  if (Has(name) && !RapidJsonCovers(name)) return Validate(name, doc);  // once, not twice
  auto quick = QuickCheck(name, doc);
  if (!quick) return {};
  std::vector<Violation> violations = Validate(name, doc);
  if (violations.empty()) {  // the two validators disagree: say so rather than pick one
    violations.push_back({"", "rejected by RapidJSON's validator (" + *quick +
                                  ") but accepted by Valijson's; please report this"});
  }
  return violations;
}

std::vector<Violation> SchemaSet::ValidateText(std::string_view name, std::string_view text) const {
  auto doc = ParseJson(text);
  if (!doc.ok()) return {{"", "not JSON: " + doc.status().message()}};
  return Validate(name, doc.value());
}

const SchemaDirs& SchemaSet::dirs() const { return impl_->dirs; }

namespace {

// "line 3, column 21: Missing a name for object member." as "not valid JSON at line 3, column
// 21: missing a name for object member".
std::string SyntaxSentence(const std::string& parse_error) {
  const size_t colon = parse_error.find(": ");
  if (parse_error.rfind("line ", 0) != 0 || colon == std::string::npos) {
    return "not valid JSON: " + parse_error;
  }
  std::string reason = parse_error.substr(colon + 2);
  if (!reason.empty() && reason.back() == '.') reason.pop_back();
  if (!reason.empty())
    reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
  return "not valid JSON at " + parse_error.substr(0, colon) + ": " + reason;
}

}  // namespace

StatusOr<rapidjson::Document> ParseNamed(std::string_view text, const std::string& name) {
  auto doc = ParseJson(text);
  if (!doc.ok()) return InvalidArgument(name + ": " + SyntaxSentence(doc.status().message()));
  return doc;
}

Status CheckNamed(const rapidjson::Value& doc, const std::string& name, std::string_view schema,
                  const SchemaSet& schemas) {
  auto violations = schemas.Check(schema, doc);
  if (violations.empty()) return {};
  const Violation& v = violations.front();
  return InvalidArgument(name + ": " + (v.path.empty() ? "/" : v.path) + ": " + v.message + " (" +
                         std::string(schema) + std::string(kSuffix) + ")");
}

StatusOr<rapidjson::Document> ParseAndValidate(std::string_view text, const std::string& name,
                                               std::string_view schema, const SchemaSet& schemas) {
  auto doc = ParseNamed(text, name);
  if (!doc.ok()) return doc;
  if (Status s = CheckNamed(doc.value(), name, schema, schemas); !s.ok()) return s;
  return doc;
}

std::string Describe(const std::vector<Violation>& violations, size_t limit) {
  std::string out;
  for (size_t i = 0; i < violations.size() && i < limit; ++i) {
    if (!out.empty()) out += "; ";
    out += (violations[i].path.empty() ? "/" : violations[i].path) + ": " + violations[i].message;
  }
  if (violations.size() > limit) {
    out += "; and " + std::to_string(violations.size() - limit) + " more";
  }
  return out;
}

}  // namespace mock::json
