#include "tools/compat/report.h"

#include <algorithm>
#include <tuple>

namespace compat {
namespace {

const char* Cell(Verdict v) {
  switch (v) {
    case Verdict::kPass:
      return "pass";
    case Verdict::kFail:
      return "FAIL";
    case Verdict::kNotApplicable:
      return "n/a";
    case Verdict::kObserved:
      return "pass*";
  }
  return "?";
}

std::string Joined(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string XmlEscaped(const std::string& s) {
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 admits no control characters but tab, newline and carriage return.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += '?';
        } else {
          out += ch;
        }
    }
  }
  return out;
}

// A Markdown table cell: no pipes or newlines.
std::string MdCell(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string Padded(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

// `bullet` starts each line ("- " makes a Markdown list).
std::string Verdicts(const Report& r, const std::string& bullet = "") {
  if (r.compatible.empty()) return bullet + "compatible with: none of the known versions\n";
  std::string out = bullet + "compatible with: " + Joined(r.compatible, ", ") + "\n";
  out += bullet + "best match: " + Joined(r.best, " or ");
  if (r.best.size() > 1) {
    out += r.best_identical ? " (their documented contracts are identical in what was checked)"
                            : " (neither contract is narrower than the other)";
  }
  out += "\n";
  for (const auto& u : r.undecided)
    out += bullet + "not decided (a check was not run): " + u + "\n";
  return out;
}

// The rows not run, and why, before the verdicts.
std::string NotRunLines(const Report& r, const std::string& bullet) {
  std::string out;
  for (const auto& n : r.not_run) out += bullet + n + "\n";
  return out.empty() ? ""
                     : "\nnot run (n/a in every version; no version is ranked on them):\n" + out;
}

// Each outcome of `verdict`, once for every version it is the same in: "V1, V2 CHECK: detail",
// in check order, then in the order of the first version that has it.
std::vector<std::string> Grouped(const Report& r, Verdict verdict) {
  std::vector<std::string> out;
  for (size_t i = 0; i < kChecks.size(); ++i) {
    std::vector<std::pair<std::string, std::vector<std::string>>> details;  // detail, versions
    for (const auto& v : r.versions) {
      if (v.outcomes[i].verdict != verdict) continue;
      auto same = std::find_if(details.begin(), details.end(),
                               [&](const auto& d) { return d.first == v.outcomes[i].detail; });
      if (same == details.end()) {
        details.push_back({v.outcomes[i].detail, {v.version}});
      } else {
        same->second.push_back(v.version);
      }
    }
    for (const auto& [detail, versions] : details) {
      out.push_back(Joined(versions, ", ") + " " + kChecks[i].name + ": " + detail);
    }
  }
  return out;
}

std::vector<std::string> Failures(const Report& r) { return Grouped(r, Verdict::kFail); }
std::vector<std::string> ObservationsOf(const Report& r) { return Grouped(r, Verdict::kObserved); }

}  // namespace

bool VersionResult::compatible() const {
  return std::none_of(outcomes.begin(), outcomes.end(),
                      [](const Outcome& o) { return o.verdict == Verdict::kFail; });
}

namespace {

// A row not run: n/a in every version (its request was never sent, or nothing could be asked).
bool NotRun(const Report& r, size_t check) {
  return !r.versions.empty() &&
         std::all_of(r.versions.begin(), r.versions.end(), [&](const VersionResult& v) {
           return v.outcomes[check].verdict == Verdict::kNotApplicable;
         });
}

Unjudged UnjudgedBy(const Report& r) {
  Unjudged u;
  u.ak_sk = NotRun(r, CheckNamed("ak-sk"));
  for (const char* schema : kResponseSchemas) u.schemas.insert(schema);
  for (size_t i = 0; i < kChecks.size(); ++i) {
    if (const char* schema = SchemaJudgedBy(i); schema != nullptr && !NotRun(r, i)) {
      u.schemas.erase(schema);
    }
  }
  return u;
}

// What the rows not run leave undecided between the compatible versions.
std::vector<std::string> Undecided(const Report& r, const Unjudged& u,
                                   const std::map<std::string, Contract>& contracts) {
  std::vector<std::string> out;
  std::vector<std::string> with, without;
  for (const auto& v : r.compatible) {
    (contracts.at(v).profile.ak_sk ? with : without).push_back(v);
  }
  if (u.ak_sk && !with.empty() && !without.empty()) {
    out.push_back("whether the server accepts AK/SK signatures (documented in " +
                  Joined(with, ", ") + "; not in " + Joined(without, ", ") + ")");
  }
  for (const auto& schema : u.schemas) {
    for (const auto& a : r.compatible) {
      const auto& oa = contracts.at(a).outlines.at(schema);
      const bool differs = std::any_of(r.compatible.begin(), r.compatible.end(), [&](auto& b) {
        return !DiffOutlines(oa, contracts.at(b).outlines.at(schema)).empty();
      });
      if (differs) {
        out.push_back("the shape of " + schema + " (no check that ran reads it)");
        break;
      }
    }
  }
  return out;
}

}  // namespace

void Conclude(Report& report, const std::map<std::string, Contract>& contracts, bool strict) {
  report.compatible.clear();
  report.best.clear();
  report.not_run.clear();
  report.best_identical = true;
  for (const auto& v : report.versions) {
    if (v.compatible()) report.compatible.push_back(v.version);
  }
  const Unjudged unjudged = UnjudgedBy(report);
  for (size_t i = 0; i < kChecks.size(); ++i) {
    if (NotRun(report, i)) {
      report.not_run.push_back(std::string(kChecks[i].name) + ": " +
                               report.versions.back().outcomes[i].detail);
    }
  }
  report.undecided = Undecided(report, unjudged, contracts);
  auto within = [&](const std::string& a, const std::string& b) {
    return WithinContract(contracts.at(a), contracts.at(b), strict, unjudged);
  };
  for (const auto& v : report.compatible) {
    bool narrower_exists = false;
    for (const auto& w : report.compatible) {
      if (w != v && within(w, v) && !within(v, w)) narrower_exists = true;
    }
    if (!narrower_exists) report.best.push_back(v);
  }
  for (const auto& a : report.best) {
    for (const auto& b : report.best) {
      if (!within(a, b)) report.best_identical = false;
    }
  }
}

std::string TextReport(const Report& r) {
  size_t width = 0;
  for (const auto& c : kChecks) width = std::max(width, std::string_view(c.name).size());
  std::string out = "OCP compatibility of " + r.base_url + "\n\n" + Padded("check", width + 2) +
                    Padded("rule", 11);
  for (const auto& v : r.versions) out += Padded(v.version, 8);
  out += "\n";
  for (size_t i = 0; i < kChecks.size(); ++i) {
    out += Padded(kChecks[i].name, width + 2) + Padded(kChecks[i].source, 11);
    for (const auto& v : r.versions) out += Padded(Cell(v.outcomes[i].verdict), 8);
    out += "\n";
  }
  auto observations = ObservationsOf(r);
  if (!observations.empty()) {
    out +=
        "\npass*: passes, but differs from ocp-mock, or from what a public client relies on, "
        "where OCP's docs are silent (--strict fails on it):\n  " +
        Joined(observations, "\n  ") + "\n";
  }
  auto failures = Failures(r);
  if (!failures.empty()) out += "\nfirst violations:\n  " + Joined(failures, "\n  ") + "\n";
  return out + NotRunLines(r, "  ") + "\n" + Verdicts(r);
}

// A run that exits 0 (the server meets a version) has no failures: a version it does not meet
// is a verdict, not a fault. Its suite says so in a "verdict" property, and its failing checks
// are skipped with the reason. A run that exits 1 (no version met) keeps them as failures.
std::string JUnitXml(const Report& r) {
  const bool met = !r.compatible.empty();
  auto failed = [&](const Outcome& o) { return o.verdict == Verdict::kFail && !met; };
  auto skipped = [&](const Outcome& o) {
    return o.verdict == Verdict::kNotApplicable || (o.verdict == Verdict::kFail && met);
  };
  size_t tests = 0, failures = 0, skips = 0;
  for (const auto& v : r.versions) {
    for (const auto& o : v.outcomes) {
      ++tests;
      failures += failed(o);
      skips += skipped(o);
    }
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"ocp-compat\" tests=\"" + std::to_string(tests) + "\" failures=\"" +
         std::to_string(failures) + "\" skipped=\"" + std::to_string(skips) + "\">\n";
  for (const auto& v : r.versions) {
    size_t f = 0, s = 0;
    for (const auto& o : v.outcomes) {
      f += failed(o);
      s += skipped(o);
    }
    out += "  <testsuite name=\"OCP " + XmlEscaped(v.version) + "\" tests=\"" +
           std::to_string(v.outcomes.size()) + "\" failures=\"" + std::to_string(f) +
           "\" skipped=\"" + std::to_string(s) + "\">\n";
    out += std::string("    <properties><property name=\"verdict\" value=\"") +
           (v.compatible() ? "met" : "not met") + "\"/></properties>\n";
    for (size_t i = 0; i < kChecks.size(); ++i) {
      const Outcome& o = v.outcomes[i];
      out += "    <testcase classname=\"ocp-compat.OCP-" + XmlEscaped(v.version) + "\" name=\"" +
             kChecks[i].name + "\"";
      if (o.verdict == Verdict::kPass) {
        out += "/>\n";
        continue;
      }
      if (o.verdict == Verdict::kObserved) {
        out += ">\n      <properties><property name=\"observation\" value=\"" +
               XmlEscaped(o.detail) + "\"/></properties>\n    </testcase>\n";
        continue;
      }
      const std::string why = o.verdict == Verdict::kFail && met
                                  ? "OCP " + v.version + " not met (the server meets " +
                                        Joined(r.compatible, ", ") + "): " + o.detail
                                  : o.detail;
      out += ">\n      ";
      out += failed(o)
                 ? "<failure message=\"" + XmlEscaped(why) + "\">" + XmlEscaped(why) + "</failure>"
                 : "<skipped message=\"" + XmlEscaped(why) + "\"/>";
      out += "\n    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}

std::string MarkdownReport(const Report& r) {
  std::string out = "# OCP compatibility of " + MdCell(r.base_url) + "\n\n";
  out += Verdicts(r, "- ");
  if (!r.not_run.empty()) {
    out += "\nNot run (n/a in every version; no version is ranked on them):\n\n";
    for (const auto& n : r.not_run) out += "- " + MdCell(n) + "\n";
  }
  out += "\n| check | rule |";
  for (const auto& v : r.versions) out += " " + v.version + " |";
  out += "\n|---|---|";
  for (size_t k = 0; k < r.versions.size(); ++k) out += "---|";
  out += "\n";
  for (size_t i = 0; i < kChecks.size(); ++i) {
    out += "| `" + std::string(kChecks[i].name) + "` | " + kChecks[i].source + " |";
    for (const auto& v : r.versions) {
      out += std::string(" ") +
             (v.outcomes[i].verdict == Verdict::kFail ? "**FAIL**" : Cell(v.outcomes[i].verdict)) +
             " |";
    }
    out += "\n";
  }
  auto failures = Failures(r);
  if (!failures.empty()) {
    out += "\n## First violations\n\n";
    for (const auto& f : failures) out += "- " + MdCell(f) + "\n";
  }
  auto observations = ObservationsOf(r);
  if (!observations.empty()) {
    out += "\n## Observations (pass*: differs from ocp-mock where OCP's docs are silent)\n\n";
    for (const auto& o : observations) out += "- " + MdCell(o) + "\n";
  }
  out += "\n## Checks\n\n";
  for (const auto& c : kChecks) out += "- `" + std::string(c.name) + "`: " + c.what + "\n";
  return out;
}

}  // namespace compat
