// The one place that parses and reads JSON. RapidJSON asserts (and would abort) on a wrong-typed
// access, so untrusted documents are read only through these checked helpers.
//
//   StatusOr<rapidjson::Document> doc = ParseJson(text);   // error: "line 3, column 7: ..."
//   std::optional<int64_t> id = GetInt64(doc.value(), "id");
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"

namespace mock::json {

// Parses `text`. On failure (kInvalidArgument) the message is "line L, column C: <reason>".
StatusOr<rapidjson::Document> ParseJson(std::string_view text);

// Parses `text` in place: strings are not copied but unescaped inside `text`, which the
// document then points into (so `text` must outlive it) and which is left changed. Faster for
// large files; nullopt on any error, after which `text` is no longer the original JSON (read it
// again and use ParseJson for the message).
std::optional<rapidjson::Document> ParseJsonInPlace(std::string& text);

// The whole file, or an error naming it.
StatusOr<std::string> ReadFile(const std::filesystem::path& path);

// The regular `*.json` files directly in `dir`, in name order (the order fixture files are read
// in); none when `dir` is missing or unreadable.
std::vector<std::filesystem::path> JsonFilesIn(const std::filesystem::path& dir);

// Member `key` of `obj`, or nullptr when `obj` is not an object or lacks it.
const rapidjson::Value* Find(const rapidjson::Value& obj, std::string_view key);

// Typed members; nullopt when absent or of another type (no conversions).
std::optional<std::string_view> GetString(const rapidjson::Value& obj, std::string_view key);
std::optional<int64_t> GetInt64(const rapidjson::Value& obj, std::string_view key);
std::optional<bool> GetBool(const rapidjson::Value& obj, std::string_view key);

// 1-based line and column of byte `offset` in `text`.
std::string LineColumn(std::string_view text, size_t offset);

}  // namespace mock::json
