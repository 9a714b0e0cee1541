// ocp-compat's results and how they are written: a text table for the terminal, JUnit XML for
// CI, Markdown for people; and the comparison of two versions' contracts.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tools/compat/checks.h"

namespace compat {

struct VersionResult {
  std::string version;
  std::vector<Outcome> outcomes;  // in kChecks order
  bool compatible() const;        // no check failed
};

struct Report {
  std::string base_url;
  std::vector<VersionResult> versions;  // oldest first
  std::vector<std::string> compatible;  // the versions whose every applicable check passed
  // The compatible versions no other compatible version is strictly narrower than: the
  // server's most likely version(s). Several when their documented contracts are identical,
  // or when neither is narrower than the other (best_identical false).
  std::vector<std::string> best;
  bool best_identical = true;
  // The rows n/a in every version ("ak-sk: no access key given ..."): no version is ranked on
  // them; and what they leave undecided between the compatible versions.
  std::vector<std::string> not_run;
  std::vector<std::string> undecided;
};

// Fills `compatible` and `best` from `versions`; `contracts` has every version's contract.
// `strict`: messages tell contracts apart (as they fail checks only then).
void Conclude(Report& report, const std::map<std::string, Contract>& contracts, bool strict = true);

std::string TextReport(const Report& report);
std::string JUnitXml(const Report& report);
std::string MarkdownReport(const Report& report);

// What a client of `from` notices against a server of `to`: per response schema, fields added,
// removed or retyped, enum values added or removed; authentication; error codes and messages.
std::string DiffReport(const Contract& from, const Contract& to, bool markdown);

}  // namespace compat
