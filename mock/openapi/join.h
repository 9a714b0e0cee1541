// The route walk: every route the mock serves paired with the one Operation that describes it
// (reply/operation.h), part by part (a family, the control plane). The OpenAPI documents are
// built from the pairs; what does not pair up is said, one sentence each, so that a test can
// fail naming it and a document can say what it leaves out.
//
//   Joined j = Join({{.name = "tasks", .routes = f.Routes(), .operations = f.Operations()}});
//   j.problems;  // {"GET /api/v2/tasks/instances (tasks): a route without its Operation"}
#pragma once

#include <string>
#include <vector>

#include "mock/reply/operation.h"
#include "mock/reply/route.h"

namespace mock::openapi {

// What one part of the mock serves: a family's routes and Operations (reply/family.h), or the
// control plane's. Its name is the operations' tag.
struct Part {
  std::string name;
  std::string description = {};  // the tag's: what the part is, and where it is documented
  std::vector<api::Route> routes = {};
  std::vector<api::Operation> operations = {};
};

// A route and its Operation: what a document is built from.
struct DescribedOperation {
  api::Operation op;
  api::Access access;
  std::string tag;  // the part's name
};

struct Tag {
  std::string name;
  std::string description;
};

struct Joined {
  std::vector<DescribedOperation> operations;  // in route order
  std::vector<Tag> tags;                       // one per part, in part order
  // Empty when every route has exactly one Operation (same method and pattern, in the same
  // part) and every Operation exactly one route, and every operationId is set and unique.
  std::vector<std::string> problems;
  // The routes without an Operation, as "GET /pattern": a document built from `operations`
  // lacks them, and says so.
  std::vector<std::string> undescribed;
};

Joined Join(const std::vector<Part>& parts);

}  // namespace mock::openapi
