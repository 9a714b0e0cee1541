#include "mock/families/sql_diagnostics/sql_catalog.h"

#include <array>

#include "mock/entities/entity_set.h"
#include "mock/families/monitor/load_model.h"

namespace mock::families::sql_diagnostics {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";
constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

uint64_t Fnv1a(std::string_view s, uint64_t basis) {
  uint64_t h = basis;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

char UpperChar(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = UpperChar(c);
  return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

int Base64Value(char c) {
  for (int i = 0; i < 64; ++i) {
    if (kBase64Url[i] == c) return i;
  }
  return -1;
}

std::string Text(const rapidjson::Value& v, const char* key) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || !it->value.IsString()) return "";
  return {it->value.GetString(), it->value.GetStringLength()};
}

double Number(const rapidjson::Value& v, const char* key, double fallback) {
  auto it = v.FindMember(key);
  return it != v.MemberEnd() && it->value.IsNumber() ? it->value.GetDouble() : fallback;
}

bool Flag(const rapidjson::Value& v, const char* key) {
  auto it = v.FindMember(key);
  return it != v.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

PlanNode NodeOf(const rapidjson::Value& v) {
  PlanNode n{Text(v, "operator"), Text(v, "objectName"), Text(v, "property"), {}};
  if (auto c = v.FindMember("children"); c != v.MemberEnd() && c->value.IsArray()) {
    for (const auto& child : c->value.GetArray()) n.children.push_back(NodeOf(child));
  }
  return n;
}

// The word after FROM, INTO or UPDATE in normalized `text`, without a schema prefix.
std::string TableAfter(const std::string& text) {
  for (const char* key : {" FROM ", " INTO ", "UPDATE "}) {
    const size_t at = text.find(key);
    if (at == std::string::npos) continue;
    size_t b = at + std::string_view(key).size();
    size_t e = b;
    while (e < text.size() && text[e] != ' ' && text[e] != '(' && text[e] != ',') ++e;
    std::string name = text.substr(b, e - b);
    if (const size_t dot = name.rfind('.'); dot != std::string::npos) name = name.substr(dot + 1);
    if (!name.empty()) return name;
  }
  return "";
}

}  // namespace

std::string UpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = UpperChar(c);
  return out;
}

std::string NormalizeSql(std::string_view text) {
  std::string out;
  char quote = 0;
  bool space = false;
  for (char c : text) {
    if (quote == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    if (quote != 0) {
      if (c == quote) quote = 0;
      out.push_back(c);
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') quote = c;
    out.push_back(UpperChar(c));
  }
  return out;
}

std::string SqlIdOf(std::string_view text) {
  const std::string n = NormalizeSql(text);
  const std::array<uint64_t, 2> halves = {monitor::Mix(Fnv1a(n, 0xcbf29ce484222325ULL), 1),
                                          monitor::Mix(Fnv1a(n, 0x84222325cbf29ce4ULL), 2)};
  std::string id;
  for (uint64_t h : halves) {
    for (int shift = 60; shift >= 0; shift -= 4) id.push_back(kHex[(h >> shift) & 0xf]);
  }
  return id;
}

bool IsSqlId(std::string_view s) {
  if (s.size() != 32) return false;
  for (char c : s) {
    if (HexValue(c) < 0) return false;
  }
  return true;
}

std::vector<Statement> CatalogOf(const std::vector<resources::Row>& rows, SqlMode mode) {
  const char* wanted = mode == SqlMode::kOracle ? "ORACLE" : "MYSQL";
  std::vector<Statement> out;
  for (const resources::Row& r : rows) {
    const rapidjson::Value& v = *r.doc;
    if (Text(v, "mode") != wanted) continue;
    Statement s;
    s.id = r.id;
    s.mode = mode;
    s.text = Text(v, "text");
    s.sql_id = SqlIdOf(s.text);
    s.sql_type = Text(v, "sqlType");
    s.db_name = Text(v, "dbName");
    s.user_name = Text(v, "userName");
    s.inner = Flag(v, "inner");
    s.table_scan = Flag(v, "tableScan");
    s.weight = Number(v, "weight", 1);
    s.elapsed_ms = Number(v, "elapsedMs", 1);
    s.return_rows = Number(v, "returnRows", 0);
    s.affected_rows = Number(v, "affectedRows", 0);
    if (auto p = v.FindMember("plan"); p != v.MemberEnd()) s.plan = NodeOf(p->value);
    out.push_back(std::move(s));
  }
  return out;
}

std::string SqlTypeOf(std::string_view text) {
  const std::string n = NormalizeSql(text);
  const std::string word = n.substr(0, n.find(' '));
  for (const char* t : {"SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "EXPLAIN"}) {
    if (word == t) return t;
  }
  return "UNKNOWN";
}

PlanNode GuessPlan(std::string_view text) {
  const std::string n = NormalizeSql(text);
  const std::string type = SqlTypeOf(text);
  PlanNode scan{"PHY_TABLE_SCAN", TableAfter(" " + n), "full scan", {}};
  if (type == "SELECT" || type == "UNKNOWN" || type == "EXPLAIN") return scan;
  PlanNode change{"PHY_" + type, scan.object, "", {}};
  if (type != "INSERT" && type != "REPLACE") change.children.push_back(std::move(scan));
  return change;
}

std::string PlanUid(std::string_view sql_id, int64_t server_id) {
  std::array<uint8_t, 24> bytes{};
  for (size_t i = 0; i < 16; ++i) {
    bytes[i] = static_cast<uint8_t>((HexValue(sql_id[2 * i]) << 4) | HexValue(sql_id[2 * i + 1]));
  }
  const auto server = static_cast<uint64_t>(server_id);
  for (size_t i = 0; i < 8; ++i) bytes[16 + i] = static_cast<uint8_t>(server >> (56 - 8 * i));
  std::string uid;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const uint32_t v = (uint32_t{bytes[i]} << 16) | (uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
    for (int shift = 18; shift >= 0; shift -= 6) uid.push_back(kBase64Url[(v >> shift) & 63]);
  }
  return uid;
}

std::optional<PlanRef> DecodePlanUid(std::string_view uid) {
  if (uid.size() != 32) return std::nullopt;
  std::array<uint8_t, 24> bytes{};
  for (size_t i = 0, b = 0; i < uid.size(); i += 4, b += 3) {
    uint32_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
      const int d = Base64Value(uid[i + k]);
      if (d < 0) return std::nullopt;
      v = (v << 6) | static_cast<uint32_t>(d);
    }
    bytes[b] = static_cast<uint8_t>(v >> 16);
    bytes[b + 1] = static_cast<uint8_t>(v >> 8);
    bytes[b + 2] = static_cast<uint8_t>(v);
  }
  PlanRef ref;
  for (size_t i = 0; i < 16; ++i) {
    ref.sql_id.push_back(kHex[bytes[i] >> 4]);
    ref.sql_id.push_back(kHex[bytes[i] & 0xf]);
  }
  uint64_t server = 0;
  for (size_t i = 16; i < 24; ++i) server = (server << 8) | bytes[i];
  ref.server_id = static_cast<int64_t>(server);
  return ref;
}

}  // namespace mock::families::sql_diagnostics
