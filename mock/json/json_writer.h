// The JSON writer every response body is written with.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstring>
#include <string_view>

namespace mock::json {

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
};

}  // namespace mock::json
