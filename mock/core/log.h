// Process-wide logging to stderr, one line per event, safe to call from any thread.
//
//   if (LogEnabled(LogLevel::kInfo)) Log(LogLevel::kInfo, "listening");
#pragma once

#include <optional>
#include <string_view>

namespace mock {

enum class LogLevel { kError = 0, kWarn = 1, kInfo = 2, kDebug = 3 };

// "error", "warn", "info", "debug"; nullopt for anything else.
std::optional<LogLevel> ParseLogLevel(std::string_view name);

void SetLogLevel(LogLevel level);
bool LogEnabled(LogLevel level);

// Writes "<UTC time> <LEVEL> <message>" when `level` is enabled.
void Log(LogLevel level, std::string_view message);

}  // namespace mock
