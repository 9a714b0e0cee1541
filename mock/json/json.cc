#include "mock/json/json.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <rapidjson/error/en.h>

#include "mock/json/utf8.h"

namespace mock::json {

std::string LineColumn(std::string_view text, size_t offset) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  const size_t line = 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  const size_t last = before.rfind('\n');
  const size_t column =
      1 + (last == std::string_view::npos ? before.size() : before.size() - last - 1);
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

StatusOr<rapidjson::Document> ParseJson(std::string_view text) {
  // RapidJSON stops at a NUL byte as at the end of the input, which would accept
  // `{"a": 1}\0anything`. JSON allows no raw NUL anywhere.
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return InvalidArgument(LineColumn(text, nul) + ": a NUL byte, which JSON does not allow");
  }
  rapidjson::Document doc;
  if (IsValidUtf8(text)) {
    doc.Parse<rapidjson::kParseNoFlags>(text.data(), text.size());
  } else {
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  }
  if (!doc.HasParseError()) return doc;
  return InvalidArgument(LineColumn(text, doc.GetErrorOffset()) + ": " +
                         rapidjson::GetParseError_En(doc.GetParseError()));
}

std::optional<rapidjson::Document> ParseJsonInPlace(std::string& text) {
  // In place, the text ends at its first NUL; ParseJson sees such a byte and refuses it.
  if (text.find('\0') != std::string::npos) return std::nullopt;
  rapidjson::Document doc;
  if (IsValidUtf8(text)) {
    doc.ParseInsitu<rapidjson::kParseNoFlags>(text.data());
  } else {
    doc.ParseInsitu<rapidjson::kParseValidateEncodingFlag>(text.data());
  }
  if (doc.HasParseError()) return std::nullopt;
  return doc;
}

std::vector<std::filesystem::path> JsonFilesIn(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

StatusOr<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open " + path.string());
  // One read of the whole file: fixture files run to hundreds of megabytes.
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  std::string content;
  if (!ec) {
    content.resize(size);
    in.read(content.data(), static_cast<std::streamsize>(size));
    content.resize(static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return Unavailable("cannot read " + path.string());
  // Whatever is left (the file grew, or its size is unknown, as for a pipe).
  std::ostringstream rest;
  if (in && in.peek() != std::ifstream::traits_type::eof()) rest << in.rdbuf();
  return content + rest.str();
}

const rapidjson::Value* Find(const rapidjson::Value& obj, std::string_view key) {
  if (!obj.IsObject()) return nullptr;
  auto it = obj.FindMember(rapidjson::StringRef(key.data(), key.size()));
  return it == obj.MemberEnd() ? nullptr : &it->value;
}

std::optional<std::string_view> GetString(const rapidjson::Value& obj, std::string_view key) {
  const rapidjson::Value* v = Find(obj, key);
  if (v == nullptr || !v->IsString()) return std::nullopt;
  return std::string_view(v->GetString(), v->GetStringLength());
}

std::optional<int64_t> GetInt64(const rapidjson::Value& obj, std::string_view key) {
  const rapidjson::Value* v = Find(obj, key);
  if (v == nullptr || !v->IsInt64()) return std::nullopt;
  return v->GetInt64();
}

std::optional<bool> GetBool(const rapidjson::Value& obj, std::string_view key) {
  const rapidjson::Value* v = Find(obj, key);
  if (v == nullptr || !v->IsBool()) return std::nullopt;
  return v->GetBool();
}

}  // namespace mock::json
