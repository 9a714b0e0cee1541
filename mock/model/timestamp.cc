#include "mock/model/timestamp.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace mock::model {
namespace {

// Reads exactly `width` decimal digits at `pos`, advancing it.
std::optional<int> Digits(std::string_view s, size_t& pos, size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool Expect(std::string_view s, size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

// Milliseconds from an optional `.f{1,9}` fraction; -1 when malformed.
int FractionMs(std::string_view s, size_t& pos) {
  if (pos >= s.size() || s[pos] != '.') return 0;
  size_t start = ++pos;
  int ms = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    if (pos - start < 3) ms = ms * 10 + (s[pos] - '0');
    ++pos;
  }
  size_t n = pos - start;
  if (n == 0 || n > 9) return -1;
  for (size_t i = n; i < 3; ++i) ms *= 10;
  return ms;
}

// Offset from UTC in minutes from `Z` or `±hh:mm`.
std::optional<int> OffsetMinutes(std::string_view s, size_t& pos) {
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
    return 0;
  }
  if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return std::nullopt;
  int sign = s[pos++] == '-' ? -1 : 1;
  auto hh = Digits(s, pos, 2);
  if (!hh || !Expect(s, pos, ':')) return std::nullopt;
  auto mm = Digits(s, pos, 2);
  if (!mm || *hh > 23 || *mm > 59) return std::nullopt;
  return sign * (*hh * 60 + *mm);
}

}  // namespace

Timestamp::Timestamp(std::string_view text, int64_t epoch)
    : epoch_ms(epoch), size_(static_cast<uint8_t>(std::min(text.size(), kMaxText))) {
  std::copy_n(text.data(), size_, text_);
}

std::optional<Timestamp> ParseTimestamp(std::string_view text) {
  size_t pos = 0;
  auto year = Digits(text, pos, 4);
  if (!year || !Expect(text, pos, '-')) return std::nullopt;
  auto month = Digits(text, pos, 2);
  if (!month || !Expect(text, pos, '-')) return std::nullopt;
  auto day = Digits(text, pos, 2);
  if (!day || !Expect(text, pos, 'T')) return std::nullopt;
  auto hour = Digits(text, pos, 2);
  if (!hour || !Expect(text, pos, ':')) return std::nullopt;
  auto minute = Digits(text, pos, 2);
  if (!minute || !Expect(text, pos, ':')) return std::nullopt;
  auto second = Digits(text, pos, 2);
  if (!second) return std::nullopt;
  int ms = FractionMs(text, pos);
  auto offset = OffsetMinutes(text, pos);
  if (ms < 0 || !offset || pos != text.size()) return std::nullopt;
  if (*hour > 23 || *minute > 59 || *second > 60) return std::nullopt;

  using namespace std::chrono;
  year_month_day ymd{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                     std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  auto local =
      sys_days{ymd} + hours{*hour} + minutes{*minute} + seconds{*second} + milliseconds{ms};
  auto utc = local - minutes{*offset};
  return Timestamp(text, duration_cast<milliseconds>(utc.time_since_epoch()).count());
}

Timestamp MakeTimestamp(int64_t epoch_ms, std::optional<int> offset_minutes) {
  if (!offset_minutes) return MakeTimestamp(epoch_ms);  // the machine's, which comes back here
  const int offset = *offset_minutes % (24 * 60);
  int64_t local_ms = epoch_ms + int64_t{offset} * 60 * 1000;
  std::time_t seconds = static_cast<std::time_t>(local_ms / 1000);
  int ms = static_cast<int>(local_ms % 1000);
  if (ms < 0) {
    ms += 1000;
    --seconds;
  }
  std::tm shifted{};
  gmtime_r(&seconds, &shifted);
  char base[32];
  std::strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &shifted);
  const int magnitude = offset < 0 ? -offset : offset;
  char out[64];
  std::snprintf(out, sizeof out, "%s.%03d%c%02d:%02d", base, ms, offset < 0 ? '-' : '+',
                magnitude / 60, magnitude % 60);
  return Timestamp(out, epoch_ms);
}

std::optional<int> OffsetMinutes(const Timestamp& t) {
  const std::string_view text = t.text();
  if (text.empty()) return std::nullopt;
  if (text.back() == 'Z') return 0;
  if (text.size() < 6) return std::nullopt;
  const std::string_view tail = text.substr(text.size() - 6);  // "+08:00"
  if ((tail[0] != '+' && tail[0] != '-') || tail[3] != ':') return std::nullopt;
  auto digit = [&](size_t i) { return tail[i] >= '0' && tail[i] <= '9' ? tail[i] - '0' : -1; };
  for (size_t i : {1u, 2u, 4u, 5u}) {
    if (digit(i) < 0) return std::nullopt;
  }
  const int minutes = (digit(1) * 10 + digit(2)) * 60 + digit(4) * 10 + digit(5);
  return tail[0] == '-' ? -minutes : minutes;
}

Timestamp MakeTimestamp(int64_t epoch_ms) {
  // The machine's offset at that instant, then the one formatting.
  std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
  if (epoch_ms % 1000 < 0) --seconds;
  std::tm local{};
  localtime_r(&seconds, &local);
  // tm_gmtoff is bounded by a day; clamp so the formatting can never overflow.
  return MakeTimestamp(epoch_ms, static_cast<int>(local.tm_gmtoff / 60) % (24 * 60));
}

}  // namespace mock::model
