// The language quirk's reading of a request's `Accept-Language` (quirks.h): the language range a
// servlet container's getLocale() gives, which decides whether OCP answers in English.
//
//   PreferredLanguage("zh-CN;q=0.8, en_US")  // "en-us"
//   PreferredLanguage("")                    // "": none, the server's default
#pragma once

#include <string>
#include <string_view>

namespace mock::api {

// The range with the highest q-value (a missing or unreadable q is 1), the first of equals,
// lower-cased with '_' as '-'; "" when the header names none. It never holds ',' or ';', nor
// starts or ends with a space or tab.
std::string PreferredLanguage(std::string_view header);

}  // namespace mock::api
