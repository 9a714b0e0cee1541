// valijson_verdicts: Valijson's verdicts on bodies that no server sent, for the ajv agreement
// check (tools/npm/ajv-agree.mjs): the mutants it derives from the suite's answers.
//
//   valijson_verdicts < mutants.jsonl > verdicts.jsonl
//
// Reads lines in OCP_DUMP_ANSWERS's format (contract_tests/support/answer_dump.h): a header
// {"ocpmockAnswers":1,"schemaDirs":[...]} loads the schema set the records after it are judged
// against; each record {"schema":NAME,"body":VALUE,...} gets one line, in order,
//   {"valid":false,"violations":2,"first":"/data/id: expected an integer, got the string \"1\""}
// with the same SchemaSet::Validate the suite's CheckBody runs. A test helper: the product's
// schema checks are the mock's and the suite's own.
//
// Exit status: 0 every line judged; 2 a line that is neither (not JSON, no header before a
// record, a record without `schema` or `body`), or a schema folder that does not load, named
// with its line number on stderr.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "mock/json/json.h"
#include "mock/json/json_writer.h"
#include "mock/json/schema_set.h"

namespace {

int Refuse(size_t line, const std::string& why) {
  std::fprintf(stderr, "valijson_verdicts: line %zu: %s\n", line, why.c_str());
  return 2;
}

std::string Verdict(const std::vector<mock::json::Violation>& violations) {
  rapidjson::StringBuffer out;
  mock::json::JsonWriter w(out);
  w.StartObject();
  w.Field("valid", violations.empty());
  w.Field("violations", violations.size());
  w.Field("first", violations.empty() ? "" : mock::json::Describe({violations.front()}));
  w.EndObject();
  return std::string(out.GetString(), out.GetSize());
}

// The schema set of a header line's folders.
mock::StatusOr<mock::json::SchemaSet> LoadHeader(const rapidjson::Value& header) {
  const auto* dirs = mock::json::Find(header, "schemaDirs");
  if (dirs == nullptr || !dirs->IsArray() || dirs->Empty()) {
    return mock::Status(mock::StatusCode::kInvalidArgument,
                        "a header without a non-empty array \"schemaDirs\"");
  }
  mock::json::SchemaDirs folders;
  for (const auto& dir : dirs->GetArray()) {
    if (!dir.IsString()) {
      return mock::Status(mock::StatusCode::kInvalidArgument, "a schemaDirs entry not a string");
    }
    folders.emplace_back(dir.GetString());
  }
  return mock::json::SchemaSet::Load(folders);
}

}  // namespace

int main() {
  std::unique_ptr<mock::json::SchemaSet> schemas;
  std::string text;
  for (size_t n = 1; std::getline(std::cin, text); ++n) {
    if (text.empty()) continue;
    auto doc = mock::json::ParseJson(text);
    if (!doc.ok() || !doc.value().IsObject()) return Refuse(n, "not a JSON object");
    const rapidjson::Value& line = doc.value();
    if (mock::json::Find(line, "ocpmockAnswers") != nullptr) {
      auto loaded = LoadHeader(line);
      if (!loaded.ok()) return Refuse(n, loaded.status().message());
      schemas = std::make_unique<mock::json::SchemaSet>(std::move(loaded).value());
      continue;
    }
    const auto schema = mock::json::GetString(line, "schema");
    const auto* body = mock::json::Find(line, "body");
    if (!schema || body == nullptr) return Refuse(n, "a record without \"schema\" and \"body\"");
    if (!schemas) return Refuse(n, "a record before any header line");
    std::printf("%s\n", Verdict(schemas->Validate(*schema, *body)).c_str());
  }
  return 0;
}
