// Splits and decodes a request-target. Pistache 0.0.5 decodes neither the query nor the path
// (pistache#1179) and keeps only the first of repeated query keys, so we do both from the raw
// target.
//
//   ParseTarget("/a/b?status=RUNNING&status=FAILED&name=Prepare+tenant")
//     -> path "/a/b", query {{"status","RUNNING"}, {"status","FAILED"}, {"name","Prepare tenant"}}
#pragma once

#include <string>
#include <string_view>

#include "mock/core/params.h"
#include "mock/core/status.h"

namespace mock::http {

// Percent-decodes `s`; with `plus_is_space`, '+' means ' ' (form encoding, used for queries).
// Errors (kInvalidArgument): a '%' not followed by two hex digits, a decoded NUL byte, or a result
// that is not valid UTF-8.
StatusOr<std::string> DecodeComponent(std::string_view s, bool plus_is_space);

// What becomes of a query parameter whose name or value does not decode.
enum class Undecodable {
  kReject,  // the request fails (ocp-mock's answer: a 400 naming the escape)
  kDrop,    // the parameter is left out, as Tomcat's parameter parser does (--quirks lenient-query)
};

// Splits `raw` ("a=1&b=&c") into decoded (key, value) pairs in order. A piece without '=' has an
// empty value; empty pieces ("a=1&&b=2") are skipped. At most `max_params` pairs (kInvalidArgument
// beyond that).
StatusOr<QueryParams> ParseQuery(std::string_view raw, size_t max_params = 1000,
                                 Undecodable undecodable = Undecodable::kReject);

struct Target {
  std::string path;  // decoded
  QueryParams query;
};

// Splits at the first '?' (a '#' fragment is dropped) and decodes both parts. The path must
// start with '/', and no path segment may decode to "." / ".." or contain '/'.
StatusOr<Target> ParseTarget(std::string_view target, size_t max_params = 1000,
                             Undecodable undecodable = Undecodable::kReject);

}  // namespace mock::http
