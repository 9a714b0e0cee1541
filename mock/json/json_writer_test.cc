// The writer's vocabulary: each helper writes exactly what the RapidJSON calls it stands for
// write, a value's C++ type choosing the call (so a double stays a double, an int an int).
#include "mock/json/json_writer.h"

#include <gtest/gtest.h>

#include <climits>
#include <cstdint>
#include <functional>
#include <limits>
#include <list>
#include <set>
#include <vector>

namespace mock::json {
namespace {

// The text `write` makes inside an object.
std::string Object(const std::function<void(JsonWriter&)>& write) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  write(w);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// The vocabulary and the hand-written pairs it replaces write the same bytes.
void ExpectSame(const std::function<void(JsonWriter&)>& by_hand,
                const std::function<void(JsonWriter&)>& vocabulary) {
  EXPECT_EQ(Object(by_hand), Object(vocabulary));
}

TEST(JsonWriter, IntegersKeepTheirWidthsCall) {
  const int i = -7;
  const int32_t i32 = INT32_MIN;
  const int64_t i64 = INT64_MIN;
  const long long ll = LLONG_MAX;
  const unsigned u = UINT_MAX;
  const uint64_t u64 = UINT64_MAX;
  const size_t size = 12;
  const int16_t small = -3;
  const uint8_t byte = 255;
  ExpectSame(
      [&](JsonWriter& w) {
        w.Key("i");
        w.Int(i);
        w.Key("i32");
        w.Int(i32);
        w.Key("i64");
        w.Int64(i64);
        w.Key("ll");
        w.Int64(ll);
        w.Key("u");
        w.Uint(u);
        w.Key("u64");
        w.Uint64(u64);
        w.Key("size");
        w.Uint64(size);
        w.Key("small");
        w.Int(small);
        w.Key("byte");
        w.Uint(byte);
      },
      [&](JsonWriter& w) {
        w.Field("i", i);
        w.Field("i32", i32);
        w.Field("i64", i64);
        w.Field("ll", ll);
        w.Field("u", u);
        w.Field("u64", u64);
        w.Field("size", size);
        w.Field("small", small);
        w.Field("byte", byte);
      });
  EXPECT_EQ(R"({"i":-7,"i64":-9223372036854775808,"u64":18446744073709551615,"s":12})",
            Object([&](JsonWriter& w) {
              w.Field("i", i);
              w.Field("i64", i64);
              w.Field("u64", u64);
              w.Field("s", size);
            }));
}

TEST(JsonWriter, DoublesStayDoublesAndBoolsStayBools) {
  EXPECT_EQ(R"({"whole":2.0,"half":0.5,"float":0.25,"yes":true,"no":false})",
            Object([](JsonWriter& w) {
              w.Field("whole", 2.0);
              w.Field("half", 0.5);
              w.Field("float", 0.25f);
              w.Field("yes", true);
              w.Field("no", false);
            }));
  ExpectSame(
      [](JsonWriter& w) {
        w.Key("d");
        w.Double(1e300);
        w.Key("b");
        w.Bool(true);
      },
      [](JsonWriter& w) {
        w.Field("d", 1e300);
        w.Field("b", true);
      });
}

TEST(JsonWriter, StringsOfEveryKind) {
  const std::string text = "a\"b\\c\n";
  const std::string_view view = "view";
  const std::string with_nul("x\0y", 3);
  EXPECT_EQ(R"({"literal":"lit","string":"a\"b\\c\n","view":"view","null":null})",
            Object([&](JsonWriter& w) {
              w.Field("literal", "lit");  // const char*, not bool
              w.Field("string", text);
              w.Field("view", view);
              w.Field("null", nullptr);  // null, not a const char*
            }));
  // A std::string or a view is written whole; a const char* up to its NUL, as before.
  EXPECT_EQ(R"({"s":"x\u0000y","v":"x\u0000y","p":"x"})", Object([&](JsonWriter& w) {
              w.Field("s", with_nul);
              w.Field("v", std::string_view(with_nul));
              w.Field("p", with_nul.c_str());
            }));
  const std::string key = "built";
  EXPECT_EQ(R"({"built":1})", Object([&](JsonWriter& w) { w.Field(key, 1); }));
}

TEST(JsonWriter, OptionalFieldIsOmittedWhenAbsent) {
  const std::optional<int64_t> id = 42;
  const std::optional<int64_t> none;
  const std::optional<std::string> executor = "node1";
  const std::optional<uint64_t> seed;
  EXPECT_EQ(R"({"id":42,"executor":"node1"})", Object([&](JsonWriter& w) {
              w.OptionalField("id", id);
              w.OptionalField("none", none);
              w.OptionalField("executor", executor);
              w.OptionalField("seed", seed);
            }));
}

TEST(JsonWriter, FieldOrNullWritesNullWhenAbsent) {
  const std::optional<double> ratio = 1.5;
  const std::optional<std::string> name;
  const std::optional<bool> flag = false;
  EXPECT_EQ(R"({"ratio":1.5,"name":null,"flag":false})", Object([&](JsonWriter& w) {
              w.FieldOrNull("ratio", ratio);
              w.FieldOrNull("name", name);
              w.FieldOrNull("flag", flag);
            }));
}

TEST(JsonWriter, ArrayOfNumbersOrStrings) {
  const std::vector<int64_t> ids = {3, -1, 9000000000};
  const std::set<std::string> parts = {"tasks", "clock"};
  const std::list<const char*> words = {"a", "b"};
  const std::vector<int64_t> empty;
  EXPECT_EQ(R"({"ids":[3,-1,9000000000],"parts":["clock","tasks"],"words":["a","b"],"empty":[]})",
            Object([&](JsonWriter& w) {
              w.Array("ids", ids);
              w.Array("parts", parts);
              w.Array("words", words);
              w.Array("empty", empty);
            }));
  ExpectSame(
      [&](JsonWriter& w) {
        w.Key("ids");
        w.StartArray();
        for (int64_t id : ids) w.Int64(id);
        w.EndArray();
      },
      [&](JsonWriter& w) { w.Array("ids", ids); });
}

TEST(JsonWriter, TheVocabularyNestsInObjectsAndArrays) {
  EXPECT_EQ(R"({"a":{"x":1},"b":[{"y":"z"}]})", Object([](JsonWriter& w) {
              w.Key("a");
              w.StartObject();
              w.Field("x", 1);
              w.EndObject();
              w.Key("b");
              w.StartArray();
              w.StartObject();
              w.Field("y", "z");
              w.EndObject();
              w.EndArray();
            }));
}

// What may and may not be passed, decided at compile time.
template <typename T>
concept Writable = requires(JsonWriter& w, T value) {
  w.Field("k", value);
};

static_assert(Writable<int> && Writable<long> && Writable<long long> && Writable<size_t>);
static_assert(Writable<bool> && Writable<double> && Writable<const char*>);
static_assert(Writable<std::string> && Writable<std::string_view> && Writable<std::nullptr_t>);
static_assert(!Writable<char>, "a char would be written as its code");
static_assert(!Writable<std::optional<int>>, "an optional goes through OptionalField");
static_assert(!Writable<const int*>, "a pointer would otherwise become a bool");

}  // namespace
}  // namespace mock::json
