#include "tools/compat/judging.h"

#include <atomic>
#include <cctype>
#include <vector>

#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "tools/client/contract_rules.h"
#include "tools/client/tolerant_reader.h"

namespace compat {

Outcome Observed(const std::string& rule, const std::string& what) {
  return {Verdict::kObserved, "differs from ocp-mock [mock: " + rule + "] " + what};
}
bool Failed(const Outcome& o) { return o.verdict == Verdict::kFail; }

std::string Excerpt(const std::string& body) {
  std::string s = body.substr(0, 160);
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return body.size() > 160 ? s + "..." : s;
}

const rapidjson::Value* At(const rapidjson::Value& v, std::initializer_list<const char*> keys) {
  const rapidjson::Value* cur = &v;
  for (const char* k : keys) {
    if (!cur->IsObject()) return nullptr;
    auto it = cur->FindMember(k);
    if (it == cur->MemberEnd()) return nullptr;
    cur = &it->value;
  }
  return cur;
}

const rapidjson::Value* Contents(const rapidjson::Document& doc) {
  const rapidjson::Value* c = At(doc, {"data", "contents"});
  return c != nullptr && c->IsArray() ? c : nullptr;
}

std::string JsonAt(const rapidjson::Value& v, const std::string& pointer) {
  rapidjson::Pointer p(pointer.c_str());
  const rapidjson::Value* at = p.IsValid() ? p.Get(v) : nullptr;
  if (at == nullptr) return "absent";
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  at->Accept(w);
  std::string text(buf.GetString(), buf.GetSize());
  return text.size() > 60 ? text.substr(0, 60) + "..." : text;
}

bool NamesASecret(std::string_view key) {
  std::string lower(key);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* word : {"password", "passphrase", "secret", "privatekey"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

namespace {
std::atomic<ConformsObserver> conforms_observer{nullptr};
}  // namespace

void ObserveConforms(ConformsObserver observer) { conforms_observer.store(observer); }

Outcome Conforms(const std::string& request, const contract::HttpResult& r,
                 const std::optional<rapidjson::Document>& json, long status, const char* schema,
                 const Contract& c, bool strict, const std::string* body) {
  if (r.status == 0) return Fail(request + ": no answer: " + r.transport_error);
  if (r.status != status) {
    return Fail(request + ": HTTP " + std::to_string(r.status) + ", expected " +
                std::to_string(status) + ": " + Excerpt(r.body));
  }
  if (!json) return Fail(request + ": the body is not JSON: " + Excerpt(r.body));
  if (ConformsObserver observe = conforms_observer.load()) {
    observe(request, r.status, schema, body != nullptr ? *body : r.body);
  }
  contract::TolerantReading reading =
      contract::ReadTolerantly(*c.schemas, schema, body != nullptr ? *body : r.body);
  const std::vector<mock::json::Violation>& v = reading.violations;
  const std::vector<contract::ExtraField>& extras = reading.extras;
  if (!v.empty()) {
    // The message names the value and what was expected (mock/json/violation_words.h).
    return Fail(request + ": " + (v[0].path.empty() ? "/" : v[0].path) + ": " + v[0].message +
                " (" + schema + ")");
  }
  if (!extras.empty()) {
    std::string paths;
    for (const auto& e : extras) paths += (paths.empty() ? "" : ", ") + e.path;
    const std::string& first = extras[0].path;
    const std::string example = NamesASecret(first.substr(first.rfind('/') + 1))
                                    ? "a value not shown: the name says secret"
                                    : extras[0].example;
    Outcome o = Observed("the documented fields only",
                         request + ": not documented: " + paths + " (e.g. " + example + ")");
    if (strict) o.verdict = Verdict::kFail;  // the same words: which rule, what, where
    return o;
  }
  return Pass();
}

Outcome IsError(const std::string& request, const contract::HttpResult& r,
                const std::optional<rapidjson::Document>& json, long status,
                mock::ocp::ErrorKind kind, const Contract& c, bool strict) {
  Outcome o = Conforms(request, r, json, status, "error-envelope", c, strict);
  if (Failed(o)) return o;
  const auto& error = (*json)["error"];
  const auto& code = error["code"];
  const std::string got = code.IsString() ? code.GetString() : std::to_string(code.GetInt64());
  const mock::ocp::CatalogEntry& want = c.profile.errors.Lookup(kind);
  if (got != want.CodeText()) {
    return Fail(request + ": error.code " + got + ", expected " + want.CodeText());
  }
  const std::string message = error["message"].GetString();
  if (!contract::MessageFits(want.message, message)) {
    const std::string what =
        request + ": error.message \"" + message + "\" is not \"" + want.message + "\"";
    Outcome observed = Observed("the catalogue's English message text", what);
    if (strict) observed.verdict = Verdict::kFail;
    return observed;
  }
  return o;
}

bool NotServed(const contract::HttpResult& r) {
  if (r.status == 404) return true;
  if (r.status != 200) return false;
  for (char c : r.body) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    return c == '<';
  }
  return false;
}

}  // namespace compat
