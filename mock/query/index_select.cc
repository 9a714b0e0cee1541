// TaskIndex's selection: the set of tasks a filter matches, as the intersection of one term per
// filter (a posting list, a bitset, or the complement of one). The smallest list drives the
// intersection; when every term is a large bitset, they are ANDed a word at a time.
#include <algorithm>

#include "mock/query/task_index.h"

namespace mock::query {
namespace {

const Posting* Find(const auto& map, const auto& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

// The postings of the dictionary values that contain every needle.
std::vector<const Posting*> Containing(
    const std::vector<std::pair<std::string, Posting>>& dictionary,
    const std::vector<std::string>& needles) {
  std::vector<const Posting*> parts;
  for (const auto& entry : dictionary) {
    const std::string& value = entry.first;  // clang 14 cannot capture structured bindings
    if (std::all_of(needles.begin(), needles.end(), [&](const std::string& needle) {
          return value.find(needle) != std::string::npos;
        })) {
      parts.push_back(&entry.second);
    }
  }
  return parts;
}

}  // namespace

struct TaskIndex::Term {
  size_t count;
  const std::vector<uint32_t>* list;
  const Bitset* bits;
  bool negated = false;  // the term is the complement of `bits`
  bool Has(uint32_t r) const {
    return bits != nullptr ? bits->Test(r) != negated
                           : std::binary_search(list->begin(), list->end(), r);
  }
};

TaskIndex::Selection TaskIndex::Select(const TaskFilter& f) const {
  Selection sel;
  std::vector<Term> terms;
  bool empty = false;
  AddTerms(f, sel, terms, empty);
  if (empty) {
    sel.kind = Selection::kList;
    sel.list = &sel.owned_lists.emplace_back();
    return sel;
  }
  if (terms.empty()) {
    sel.count = n_;
    return sel;
  }
  std::sort(terms.begin(), terms.end(),
            [](const Term& a, const Term& b) { return a.count < b.count; });
  if (terms.size() > 1 || terms[0].negated) {
    Intersect(terms, sel);
    return sel;
  }
  const Term& t = terms[0];
  sel.count = t.count;
  sel.kind = t.list != nullptr ? Selection::kList : Selection::kBits;
  sel.list = t.list;
  sel.bits = t.bits;
  return sel;
}

// One term per filter given; `empty` when a filter names a value no task has.
void TaskIndex::AddTerms(const TaskFilter& f, Selection& sel, std::vector<Term>& terms,
                         bool& empty) const {
  auto add = [&](const Posting* p) {
    if (p == nullptr) {
      empty = true;
      return;
    }
    terms.push_back({p->ranks.size(), &p->ranks, p->has_bits() ? &p->bits : nullptr});
  };
  if (f.type) add(&type_[static_cast<size_t>(*f.type)]);
  AddStatusTerm(f.statuses, sel, terms);
  if (f.cluster_id) add(Find(cluster_, *f.cluster_id));
  if (f.tenant_id) add(Find(tenant_, *f.tenant_id));
  if (f.tenant_name) add(Find(tenant_name_, *f.tenant_name));
  if (f.host_id) add(Find(host_, *f.host_id));
  if (f.name) AddUnion(Containing(names_, {*f.name}), sel, terms);
  if (!f.cluster_names.empty()) AddUnion(Containing(cluster_names_, f.cluster_names), sel, terms);
}

void TaskIndex::AddStatusTerm(const std::vector<model::TaskStatus>& statuses, Selection& sel,
                              std::vector<Term>& terms) const {
  std::array<bool, kStatuses> wanted{};
  for (model::TaskStatus s : statuses) wanted[static_cast<size_t>(s)] = true;
  const auto kinds = static_cast<size_t>(std::count(wanted.begin(), wanted.end(), true));
  if (kinds == 0 || kinds == kStatuses) return;  // no restriction
  if (kinds == 1) {
    const auto s =
        static_cast<size_t>(std::find(wanted.begin(), wanted.end(), true) - wanted.begin());
    terms.push_back({status_count_[s], nullptr, &status_bits_[s]});
    return;
  }
  if (kinds == kStatuses - 1) {  // every task has one status: all but one = not that one
    const auto s =
        static_cast<size_t>(std::find(wanted.begin(), wanted.end(), false) - wanted.begin());
    terms.push_back({n_ - status_count_[s], nullptr, &status_bits_[s], true});
    return;
  }
  Bitset& bits = sel.owned_bits.emplace_back(n_);
  size_t count = 0;
  for (size_t s = 0; s < kStatuses; ++s) {
    if (!wanted[s]) continue;
    OrInto(status_bits_[s], bits);
    count += status_count_[s];
  }
  terms.push_back({count, nullptr, &bits});
}

// The union of disjoint postings (each task has one name, one cluster) as one term.
void TaskIndex::AddUnion(const std::vector<const Posting*>& parts, Selection& sel,
                         std::vector<Term>& terms) const {
  size_t total = 0;
  for (const Posting* p : parts) total += p->ranks.size();
  if (WorthBits(total, n_)) {
    Bitset& bits = sel.owned_bits.emplace_back(n_);
    for (const Posting* p : parts) {
      if (p->has_bits()) {
        OrInto(p->bits, bits);
      } else {
        for (uint32_t r : p->ranks) bits.Set(r);
      }
    }
    terms.push_back({total, nullptr, &bits});
    return;
  }
  auto& list = sel.owned_lists.emplace_back();
  list.reserve(total);
  for (const Posting* p : parts) list.insert(list.end(), p->ranks.begin(), p->ranks.end());
  std::sort(list.begin(), list.end());
  terms.push_back({total, &list, nullptr});
}

// `terms`, smallest first, intersected into `sel`.
void TaskIndex::Intersect(std::vector<Term>& terms, Selection& sel) const {
  const bool all_bits =
      std::all_of(terms.begin(), terms.end(), [](const Term& t) { return t.bits != nullptr; });
  // A short list beats ANDing n/64 words; so does any term that has no bitset.
  auto driver =
      std::find_if(terms.begin(), terms.end(), [](const Term& t) { return t.list != nullptr; });
  if (driver != terms.end() && (!all_bits || driver->count * 64 < n_)) {
    auto& out = sel.owned_lists.emplace_back();
    for (uint32_t r : *driver->list) {
      if (std::all_of(terms.begin(), terms.end(),
                      [&](const Term& t) { return &t == &*driver || t.Has(r); })) {
        out.push_back(r);
      }
    }
    sel.kind = Selection::kList;
    sel.list = &out;
    sel.count = out.size();
    return;
  }
  std::vector<BitTerm> bit_terms;
  for (const Term& t : terms) bit_terms.push_back({t.bits, t.negated});
  Bitset& out = sel.owned_bits.emplace_back(n_, Bitset::kUninitialized);
  sel.count = AndTerms(bit_terms, out);
  sel.kind = Selection::kBits;
  sel.bits = &out;
}

}  // namespace mock::query
