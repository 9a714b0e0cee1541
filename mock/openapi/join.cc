#include "mock/openapi/join.h"

#include <map>
#include <set>
#include <utility>

namespace mock::openapi {
namespace {

using Key = std::pair<std::string, std::string>;  // method, pattern

std::string Said(const Key& key) { return key.first + " " + key.second; }

// Which part serves each route, for an Operation filed under another part.
std::map<Key, std::string> RouteOwners(const std::vector<Part>& parts) {
  std::map<Key, std::string> owners;
  for (const Part& part : parts) {
    for (const api::Route& r : part.routes) owners.emplace(Key{r.method, r.pattern}, part.name);
  }
  return owners;
}

// The part's Operations by route; the ones that pair with no route of the part, or twice, are
// problems.
std::map<Key, const api::Operation*> OperationsOf(const Part& part,
                                                  const std::map<Key, std::string>& owners,
                                                  Joined& out) {
  std::set<Key> routes;
  for (const api::Route& r : part.routes) routes.emplace(r.method, r.pattern);
  std::map<Key, const api::Operation*> ops;
  for (const api::Operation& op : part.operations) {
    const Key key{op.method, op.pattern};
    const std::string who = Said(key) + " (" + part.name + ", operationId '" + op.id + "')";
    if (routes.count(key) == 0) {
      auto owner = owners.find(key);
      out.problems.push_back(
          who + ": an Operation without its route" +
          (owner == owners.end() ? std::string() : "; the route is " + owner->second + "'s"));
      continue;
    }
    if (!ops.emplace(key, &op).second) {
      out.problems.push_back(who + ": a second Operation for the same route");
    }
  }
  return ops;
}

}  // namespace

Joined Join(const std::vector<Part>& parts) {
  Joined out;
  const std::map<Key, std::string> owners = RouteOwners(parts);
  std::map<std::string, std::string> ids;  // operationId -> the route that has it
  for (const Part& part : parts) {
    out.tags.push_back({part.name, part.description});
    const std::map<Key, const api::Operation*> ops = OperationsOf(part, owners, out);
    std::set<Key> seen;
    for (const api::Route& r : part.routes) {
      const Key key{r.method, r.pattern};
      if (!seen.insert(key).second) {
        out.problems.push_back(Said(key) + " (" + part.name + "): a route served twice");
        continue;
      }
      auto op = ops.find(key);
      if (op == ops.end()) {
        out.problems.push_back(Said(key) + " (" + part.name + "): a route without its Operation");
        out.undescribed.push_back(Said(key));
        continue;
      }
      const std::string& id = op->second->id;
      if (id.empty()) {
        out.problems.push_back(Said(key) + " (" + part.name + "): an Operation without an id");
      } else if (auto [at, fresh] = ids.emplace(id, Said(key)); !fresh) {
        out.problems.push_back(Said(key) + " (" + part.name + "): operationId '" + id + "' is " +
                               at->second + "'s too");
      }
      out.operations.push_back({*op->second, r.access, part.name});
    }
  }
  return out;
}

}  // namespace mock::openapi
