// OCP's AK/SK request signature (OCP 4.0.3+, "Rules for generating a signature by using
// AK/SK"): Base64(HMAC-SHA1(SK, message)) with
//   message = METHOD \n MD5 \n Content-Type \n Date \n Host \n x-ocp-headers \n path + query
//  - MD5: uppercase hex MD5 of the body;
//  - x-ocp-headers: `key:value` lines of the x-ocp-* headers, sorted by key;
//  - query: "?" + parameters sorted by key, repeated keys merged as `a=1,2` with values sorted,
//    RFC 3986-encoded; empty when there is no parameter.
//
//   std::string m = CanonicalMessage(parts, variant);   Sign(sk, m) ==
//   "XN8P+O+v3vUabB16ZCooq5wMJoY="
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mock/core/params.h"
#include "mock/http/message.h"

namespace mock::auth {

// The parts of a request that are signed.
struct SignedParts {
  std::string method;
  std::string path;   // as sent, without the query
  QueryParams query;  // decoded
  http::Headers headers;
  std::string body;
};

// The docs disagree with themselves on two points, so a verifier accepts every reading:
// whether x-ocp header values are sorted (the rule says so, the worked example and the Java
// sample do not), and whether an empty body's MD5 is "" or MD5("").
struct Variant {
  bool sort_header_values = false;
  bool md5_of_empty_body = false;
};

std::string CanonicalMessage(const SignedParts& parts, const Variant& variant);

// Base64(HMAC-SHA1(secret, message)).
std::string Sign(std::string_view secret, std::string_view message);

// Uppercase hex MD5 of `data`.
std::string Md5Hex(std::string_view data);

// RFC 3986 encoding: A-Z a-z 0-9 - . _ ~ kept, every other byte as %XX (uppercase).
std::string Rfc3986(std::string_view s);

}  // namespace mock::auth
