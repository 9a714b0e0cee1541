// A resource list declared, not written: the parameters a family's list takes, the fields they
// match, the properties it sorts by. The engine (list_engine.h) gives every declared list OCP's
// list semantics: Spring's parameter binding (query/param_binding.h), Spring Data paging with
// the size clamp and the page past the end (query/paging.h), sort parsing and its errors
// (query/sort.h).
//
//   ListSpec hosts{
//       .filters = {{"status", Match::kAnyOf, {"status"}, host_statuses},
//                   {"keyword", Match::kContains, {"name", "innerIpAddress", "services[].name"}}},
//       .sort_keys = {{"id", SortAs::kNumber}, {"name", SortAs::kFoldedText},
//                     {"createTime", SortAs::kTime}}};
//
// Field names are members of a row's JSON object; "a[].b" is member `b` of any element of
// array `a`. Where OCP's docs are silent (docs/api-families.md): unknown parameters are
// ignored; the default order is id ascending, and every order ends with id ascending so that
// pages never repeat or skip a row; a row without the sorted field comes first ascending (as
// MySQL orders NULLs); kFoldedText orders ASCII case-insensitively, then by code point.
#pragma once

#include <string>
#include <vector>

namespace mock::listing {

// How a filter's parameter selects rows.
enum class Match {
  kAnyOf,      // enum values (comma-separated or repeated, each one of `allowed`, exact case):
               // the field equals one of them
  kHasAnyOf,   // the same over "a[].b": some element's member equals one of them
  kHasNoneOf,  // ... no element's member equals any of them
  kContains,   // one string: an ASCII case-insensitive substring of any of `fields`
  kBool,       // a Boolean as Spring binds one: the boolean field equals it
  kWhenTrue,   // a Boolean: when true, the field equals `value` (false or absent: no filter)
};

struct Filter {
  std::string param;  // the query parameter
  Match match = Match::kAnyOf;
  std::vector<std::string> fields;        // the JSON fields it is matched against
  std::vector<std::string> allowed = {};  // kAnyOf, kHasAnyOf, kHasNoneOf: the enum's values
  std::string value = {};                 // kWhenTrue: the value the field must have
};

// How a property's values order.
enum class SortAs {
  kNumber,      // numbers and booleans (false before true)
  kText,        // by code point
  kFoldedText,  // ASCII case-insensitively, ties by code point
  kTime,        // OCP timestamps, by instant (an unparsable one sorts as text, after)
};

struct SortKey {
  std::string name;  // the property a client names in `sort=name,asc`, also the JSON field
  SortAs as = SortAs::kText;
};

struct ListSpec {
  std::vector<Filter> filters;
  std::vector<SortKey> sort_keys;  // the properties `sort` accepts; others are unsupportedSort
};

}  // namespace mock::listing
