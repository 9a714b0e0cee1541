// The query parameters of OCP's paged lists, for the OpenAPI operations (operation.h), derived
// from what binds them: `page` and `size` as Spring Data resolves them (query/paging.h), `sort`
// over a list's properties (query/sort.h), and each filter a listing::ListSpec declares
// (listing/list_spec.h). A filter or sort key added to a spec shows in the documents with no
// other edit.
//
//   Operation{..., .params = ListParams(list_), .errors = ListErrors(list_)}
#pragma once

#include <string>
#include <vector>

#include "mock/listing/list_spec.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/operation.h"

namespace mock::api {

// `page`: 1-based, default 1, minimum 1 (doc); never refused (framework: page 1 instead).
Param PageParam(Provenance provenance = Provenance::kDoc);
// `size`: default 10, 1 to 2000 (doc); never refused (framework: 10 below 1, 2000 above).
Param SizeParam(Provenance provenance = Provenance::kDoc);

// `sort`: `property[,property...][,asc|desc]`, repeatable, each property one of `properties`
// (else unsupportedSort). Its pattern is the grammar query/sort.h parses, over those
// properties; `default_sort` is the order without one; `note` says where the list of
// properties comes from.
Param SortParam(const std::vector<std::string>& properties, const std::string& default_sort,
                const std::string& note, Provenance provenance = Provenance::kDoc);

// One declared filter as its query parameter: the JSON type, the enum values, what it matches.
Param FilterParam(const listing::Filter& filter, Provenance provenance = Provenance::kDoc);

// What a declared list's parameters need besides its spec.
struct ListFacts {
  // The order without `sort`: id ascending for every list of the engine (list_spec.h; mock).
  std::string default_sort = "id,asc";
  // Where the filters come from (kDoc: the list's page documents them).
  Provenance filters = Provenance::kDoc;
  // Where page, size and sort come from (kDoc: the list's page documents them).
  Provenance paging = Provenance::kDoc;
  // Where the sortable properties come from: OCP documents `sort` but only an example value, so
  // the list of properties is the mock's (docs/entities.md, docs/host-types.md).
  std::string sort_note =
      "The sortable properties are the mock's choice; OCP's docs give only "
      "an example value.";
};

// `spec`'s filters in declaration order, then page, size and sort.
std::vector<Param> ListParams(const listing::ListSpec& spec, const ListFacts& facts = {});

// The errors binding `spec` can answer (listing::Bind): unsupportedSort, and invalidParameter
// when a filter can refuse a value (every match but kContains).
std::vector<ocp::ErrorKind> ListErrors(const listing::ListSpec& spec);

}  // namespace mock::api
