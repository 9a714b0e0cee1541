// The rules of the client flows' rows (issue #25; checks.h), judged from answers that
// flow_probe.cc fetched: the pages the terraform provider, obdeploy's takeover and obdiag's
// `gather awr` read, and the two writes that matter to them. The facts behind each rule:
// docs/reference/ocp-client-flows.md (the section named at each function); each row's
// provenance, and why: docs/live-checks.md.
//
//   Outcome o = SnapshotTimes({request, response, json, ""});  // kPass, kFail, kNotApplicable
#pragma once

#include <optional>
#include <string>

#include <rapidjson/document.h>

#include "tools/client/http_client.h"
#include "tools/compat/checks.h"
#include "tools/compat/outcome.h"

namespace compat {

// One request and its answer, as a row reads it.
struct FlowAnswer {
  const std::string& request;  // "GET /api/v2/..."
  const contract::HttpResult& response;
  const std::optional<rapidjson::Document>& json;
  const std::string& sent;  // what a write sent that its answers must name (or must not carry)
};

// Why a row is n/a: its page is not served (a 404, or the web app's HTML page), as on OCP's
// Community Edition, which has no workload (AWR) reports (section 5.6).
std::string NotServedWhy(const FlowAnswer& a);

// cluster-detail (3.2): the cluster schema, and data.id the id in the request's path.
Outcome ClusterDetail(const FlowAnswer& a, const Contract& c, bool strict);
// obproxy-detail (3.5): the detail's schema, and every field the list's first row and the
// detail both carry equal, but the live counters (lastActiveTime, connections).
Outcome AgreesWithList(const FlowAnswer& detail, const FlowAnswer& list, const Contract& c,
                       bool strict);
// host-types-paging (4.3): page 2 of size 1 under sort=id,asc is the whole list's second row,
// with page.number 2, page.size 1 and the whole list's total. n/a under two rows.
Outcome SecondOfOne(const FlowAnswer& page, const FlowAnswer& whole);
// credentials-masked (2.4): no credential in the list, nor (when the writes ran) in the
// creation's answer or the list after it, carries a secret in clear; and neither answer holds
// the secret the creation sent, anywhere. n/a when the list did not answer one.
Outcome Masked(const FlowAnswer& list, const std::optional<FlowAnswer>& created,
               const std::optional<FlowAnswer>& after);
// workload-snapshots (5.1): the snapshot list schema, with snapshotTime a String whatever its
// form (snapshot-times judges that). n/a when not served.
Outcome Snapshots(const FlowAnswer& a, const Contract& c, bool strict);
// snapshot-times (5.0): every snapshotTime read right by obdiag (a fraction of a second, a UTC
// zone), in ascending order of time and id. n/a when not served or empty.
Outcome SnapshotTimes(const FlowAnswer& a);
// report-encodings (2.2, 5.2): each creation answered 200 with the report of the name sent and
// an integer taskInstanceId (obdiag polls it).
Outcome ReportEncodings(const FlowAnswer& form, const FlowAnswer& query, const Contract& c,
                        bool strict);
// credential-create (4.4): 200, the credential with an integer data.id, which the list after
// the creation shows.
Outcome CredentialCreated(const FlowAnswer& created, const FlowAnswer& after, const Contract& c,
                          bool strict);

}  // namespace compat
