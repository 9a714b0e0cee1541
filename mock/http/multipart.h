// A multipart/form-data body (RFC 7578, framed as RFC 2046 §5.1.1 says) read into its parts: a
// pure function over the body's bytes, which knows nothing of OCP or of the server.
//
//   auto boundary = FormBoundary(*FindHeader(request.headers, "Content-Type"));
//   auto parts = ParseFormData(request.body, boundary.value());
//   const FormPart* file = FindPart(parts.value(), "file");   // file->filename, file->data
//
// What is accepted (docs/reference/multipart-form-data.md gives the sources):
//  - the boundary from the Content-Type parameter `boundary`, quoted or not, 1 to 70 characters
//    of RFC 2046's bchars, not ending in a space;
//  - a preamble before the first delimiter and an epilogue after the closing one, both ignored;
//    spaces or tabs after a delimiter (RFC 2046's transport padding);
//  - lines ended by CRLF (a bare LF is not a line end: curl, Python requests and browsers all send
//    CRLF, and RFC 2046 §5.1.1 requires it);
//  - per part, header lines `Name: value` (names in any letter case); a Content-Disposition of
//    type form-data with a `name` is required, `filename` is optional, a Content-Type too (Python
//    requests sends none for `files={'file': f}`), `filename*` is ignored (RFC 7578 §4.2 forbids
//    it); quoted parameter values may escape a character with a backslash.
// Everything else is kInvalidArgument with a sentence saying what was wrong and where.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/core/status.h"

namespace mock::http {

struct FormPart {
  std::string name;                     // Content-Disposition's `name`
  std::optional<std::string> filename;  // its `filename`, when given (may be empty)
  std::string content_type;             // the part's Content-Type; "" when it has none
  std::string_view data;                // the part's bytes: a view into the body parsed
};

// The media type of a Content-Type value, lower-cased, without its parameters:
// "Multipart/Form-Data; boundary=x" -> "multipart/form-data".
std::string MediaType(std::string_view content_type);

// The boundary of a `multipart/form-data` Content-Type value. kInvalidArgument when the media
// type is another one, or the boundary is missing or not RFC 2046's.
StatusOr<std::string> FormBoundary(std::string_view content_type);

// The parts of `body`, delimited by `boundary`, in the order sent. Each part's `data` points into
// `body`, which must outlive them. kInvalidArgument when the body is not framed by the boundary:
// no first delimiter, no closing delimiter, a delimiter line with other text, a part's headers
// not ended by an empty line, a header line without a colon, a part without a form-data
// Content-Disposition naming it.
StatusOr<std::vector<FormPart>> ParseFormData(std::string_view body, std::string_view boundary);

// The first part named `name` (Spring binds a MultipartFile to the first), or nullptr.
const FormPart* FindPart(const std::vector<FormPart>& parts, std::string_view name);

}  // namespace mock::http
