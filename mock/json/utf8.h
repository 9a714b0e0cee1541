// Whether bytes are well-formed UTF-8 (RFC 3629; the Unicode Standard's table 3-7): no
// overlong forms, no surrogates (U+D800..U+DFFF), nothing past U+10FFFF, no cut sequence.
// The rule RapidJSON's kParseValidateEncodingFlag applies to a JSON text, checked several times
// faster: eight ASCII bytes at a time, which is nearly all of a fixture file. ParseJson runs it
// first and asks RapidJSON to check again only to say where a text is broken.
#pragma once

#include <string_view>

namespace mock::json {

bool IsValidUtf8(std::string_view bytes);

}  // namespace mock::json
