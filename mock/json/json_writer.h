// The JSON writer every response body is written with: RapidJSON's writer plus a small
// vocabulary for the shapes a body is made of, so that a member is one call, not two.
//
//   w.Field("id", task.id);                       // int64_t: Int64; int: Int; size_t: Uint64
//   w.Field("name", task.name);                   // a string
//   w.Field("alias", nullptr);                    // null
//   w.OptionalField("executor", task.executor);   // omitted when nullopt
//   w.FieldOrNull("finishTime", finish);          // null when nullopt
//   w.Array("upstreams", subtask.upstreams);      // [1, 2, 3] or ["a", "b"]
//
// Each value goes to the RapidJSON call of its C++ type, so a field keeps its number format:
// bool is Bool; float and double are Double; a signed integer of int's size or less is Int,
// a wider one (long, long long) Int64; unsigned likewise Uint or Uint64. A `char` is refused at
// compile time (it would become its code), and so is an optional passed to Field.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace mock::json {

// A number or a bool: every arithmetic type but the character types.
template <typename T>
concept JsonScalar =
    std::is_arithmetic_v<T> && !std::is_same_v<T, char> && !std::is_same_v<T, wchar_t> &&
    !std::is_same_v<T, char8_t> && !std::is_same_v<T, char16_t> && !std::is_same_v<T, char32_t> &&
    !std::is_same_v<T, long double>;

// RapidJSON's writer, plus a fast way to insert JSON written earlier.
class JsonWriter : public rapidjson::Writer<rapidjson::StringBuffer> {
 public:
  using Writer::Writer;

  // Writes `object`, a complete JSON object, as the next value. RapidJSON's RawValue copies a
  // byte at a time with a check on each; this is one memcpy (cached list entries are most of a
  // list response).
  void RawObject(std::string_view object) {
    Prefix(rapidjson::kObjectType);
    std::memcpy(os_->Push(object.size()), object.data(), object.size());
  }

  // One value, by its type (the mapping above).
  // The branches differ in the RapidJSON call, which bugprone-branch-clone cannot tell apart once
  // the template is instantiated.
  // NOLINTBEGIN(bugprone-branch-clone)
  template <JsonScalar T>
  void Scalar(T value) {
    if constexpr (std::is_same_v<T, bool>) {
      Bool(value);
    } else if constexpr (std::is_floating_point_v<T>) {
      Double(value);
    } else if constexpr (std::is_signed_v<T>) {
      if constexpr (sizeof(T) <= sizeof(int)) {
        Int(value);
      } else {
        Int64(value);
      }
    } else if constexpr (sizeof(T) <= sizeof(unsigned)) {
      Uint(value);
    } else {
      Uint64(value);
    }
  }
  // NOLINTEND(bugprone-branch-clone)
  // A string: up to its first NUL, as RapidJSON's String(const char*).
  void Scalar(const char* value) { String(value); }
  void Scalar(std::string_view value) {
    String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  void Scalar(const std::string& value) { String(value); }
  void Scalar(std::nullptr_t) { Null(); }

  // `"key": value`.
  template <JsonScalar T>
  void Field(std::string_view key, T value) {
    FieldKey(key);
    Scalar(value);
  }
  void Field(std::string_view key, const char* value) {
    FieldKey(key);
    Scalar(value);
  }
  void Field(std::string_view key, std::string_view value) {
    FieldKey(key);
    Scalar(value);
  }
  void Field(std::string_view key, const std::string& value) {
    FieldKey(key);
    Scalar(value);
  }
  void Field(std::string_view key, std::nullptr_t) {
    FieldKey(key);
    Null();
  }

  // `"key": value` when `value` is set; nothing when it is not.
  template <typename T>
  void OptionalField(std::string_view key, const std::optional<T>& value) {
    if (value) Field(key, *value);
  }

  // `"key": value` when `value` is set; `"key": null` when it is not.
  template <typename T>
  void FieldOrNull(std::string_view key, const std::optional<T>& value) {
    if (value) {  // NOLINT(bugprone-branch-clone): Field(key, *value) is not Field(key, nullptr)
      Field(key, *value);
    } else {
      Field(key, nullptr);
    }
  }

  // `"key": [...]`, the items of `range` (numbers, bools or strings) in order.
  template <typename Range>
  void Array(std::string_view key, const Range& range) {
    FieldKey(key);
    StartArray();
    for (const auto& item : range) Scalar(item);
    EndArray();
  }

 private:
  void FieldKey(std::string_view key) {
    Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  }
};

}  // namespace mock::json
