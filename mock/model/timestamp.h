// Points in time as OCP writes them: ISO-8601 text with an offset and milliseconds, kept byte
// for byte as a fixture gave it, with the instant it denotes for ordering.
//
//   std::optional<Timestamp> t = ParseTimestamp("2021-08-25T15:09:32.697+08:00");
//   t->epoch_ms;                    // 1629875372697
//   MakeTimestamp(0).text();        // "1970-01-01T08:00:00.000+08:00" on a +08:00 machine
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace mock::model {

// A point in time as OCP renders it: the original text (offset and precision kept, so a
// fixture's timestamp is served byte for byte) and the instant it denotes, for sorting.
// The text is held inline, not on the heap: a task has about fifteen timestamps, and a million
// tasks would otherwise spend 40 bytes of allocation on each.
class Timestamp {
 public:
  static constexpr size_t kMaxText = 39;  // the longest valid text is 35 bytes

  Timestamp() = default;
  // `text` beyond kMaxText bytes is cut; ParseTimestamp and MakeTimestamp never produce that.
  Timestamp(std::string_view text, int64_t epoch_ms);

  std::string_view text() const { return {text_, size_}; }

  int64_t epoch_ms = 0;

 private:
  char text_[kMaxText] = {};
  uint8_t size_ = 0;
};

// Parses ISO-8601 `YYYY-MM-DDThh:mm:ss[.f{1,9}](Z|+hh:mm|-hh:mm)`; nullopt when malformed.
std::optional<Timestamp> ParseTimestamp(std::string_view text);

// `epoch_ms` in the machine's time zone, as OCP writes it: "2026-11-27T13:30:27.270+08:00".
Timestamp MakeTimestamp(int64_t epoch_ms);
// The same at a UTC offset of `offset_minutes` ("+08:00" is 480); the machine's when nullopt.
Timestamp MakeTimestamp(int64_t epoch_ms, std::optional<int> offset_minutes);

// The UTC offset `t` was written with, in minutes ("Z" is 0); nullopt when its text has none.
std::optional<int> OffsetMinutes(const Timestamp& t);

}  // namespace mock::model
