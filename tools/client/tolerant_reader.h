// The tolerant reader a live check needs: a real OCP's entities carry fields its docs do not
// list (docs/reference/real-server-behaviour.md), while every schema says `additionalProperties:
// false`, which stays the truth for ocp-mock. This reads a body against a schema, setting aside
// properties beyond the documented ones: what is left must be valid (a documented field missing,
// mistyped or outside its enum is still a violation).
//
// Valijson names one unexpected property per object per pass, so the reader removes the ones it
// names and validates again until nothing more is named. Known limit: an extra property inside
// a value typed by oneOf/anyOf is reported by Valijson without naming it, and stays a violation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mock/json/schema_set.h"

namespace contract {

struct ExtraField {
  std::string path;     // JSON pointer of the property, array indices as '*': /data/contents/*/x
  std::string example;  // its first value, as JSON (cut to 80 characters)
};

struct TolerantReading {
  std::vector<mock::json::Violation> violations;  // what is wrong besides extra properties
  std::vector<ExtraField> extras;                 // one per path
};

TolerantReading ReadTolerantly(const mock::json::SchemaSet& schemas, std::string_view schema,
                               std::string_view body);

}  // namespace contract
