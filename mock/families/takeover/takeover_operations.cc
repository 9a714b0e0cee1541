// What each of TakeoverFamily's routes is (reply/operation.h), for the OpenAPI documents. The
// facts: docs/reference/ocp-client-flows.md 4.2, 4.5, 6, 8, 9; the choices: docs/takeover.md.
#include "mock/families/takeover/takeover_family.h"

namespace mock::families {

using api::Body;
using api::Operation;
using api::Provenance;
using ocp::ErrorKind;

namespace {

Operation PreCheckOperation() {
  return {
      .method = "POST",
      .pattern = "/api/v2/ob/clusters/takeOverPreCheck",
      .id = "preCheckTakeOver",
      .summary = "Checks whether an OceanBase cluster can be taken over",
      .description =
          "No ocp-doc branch has a page for it: the body is EP-PRE's and the FAQ curl's "
          "(4.2.1, 4.2.2; doc), the answer `data.result {valid, messages}` the shape of OCP's "
          "documented switchover and failover pre-checks (doc), which antman reads "
          "(`data.result.valid`, client). A failed check answers 200 with `valid: false` and its "
          "messages: those PUT /__mock/takeover sets, or the takeover's own sentence for a "
          "cluster of the target's name held already (mock; EP-PRE's result table is cut, "
          "docs/reference/ocp-client-flows.md 9 question 2). Proxy mode without `clusterName` is "
          "invalidParameter naming it (OCP's table has 11041 for it; mock). Any authenticated "
          "user: the mock has no \"take over\" permission (docs/takeover.md).",
      .provenance = Provenance::kDoc,
      .body = Body{.schema = "takeover-precheck-request"},
      .answer = {.schema = "takeover-precheck-response"},
      .errors = {ErrorKind::kInvalidParameter, ErrorKind::kBadRequest}};
}

Operation TakeOverOperation() {
  return {
      .method = "POST",
      .pattern = "/api/v2/ob/clusters/takeOver",
      .id = "takeOverCluster",
      .summary = "Takes over an OceanBase cluster: starts the \"Take over cluster\" task",
      .description =
          "The body is EP-TO's (doc). The answer is the TaskInstance in the shape createTenant "
          "answers with the new cluster's `clusterId` at the top level, which obdeploy reads "
          "with `data.id` (client; no doc shows it). The cluster, its zones and its new hosts "
          "are listed once the task is SUCCESSFUL (mock). Hosts OCP does not hold need "
          "`hostInfo` with `hostTypeId` and the `credentialId` of a credential in the password "
          "box, else invalidParameter naming the field (OCP's 11044-11047 and 3013; mock). A "
          "cluster of that name held is 11034 / OBE11034 (3.1.1: 11033); a pre-check set to fail "
          "(PUT /__mock/takeover) is 11042 / OBE11042, as the FAQ shows a takeover failing with "
          "its pre-check's error (doc). A refusal changes nothing.",
      .provenance = Provenance::kDoc,
      .body = Body{.schema = "takeover-request"},
      .answer = {.schema = "async-task-response"},
      .errors = {ErrorKind::kInvalidParameter, ErrorKind::kBadRequest,
                 ErrorKind::kTakeoverPrecheckFailed, ErrorKind::kTakeoverClusterExists}};
}

}  // namespace

std::vector<Operation> TakeoverFamily::Operations() const {
  return {PreCheckOperation(),
          TakeOverOperation(),
          {.method = "GET",
           .pattern = "/__mock/takeover",
           .id = "mockGetTakeoverSetting",
           .summary = "The takeover setting now: what the address a takeover names reaches",
           .description = "`data` is the setting (schemas/takeover-setting.schema.json) with "
                          "every default written out.",
           .provenance = Provenance::kMock,
           .answer = {.description = "The setting (takeover-setting), every default written"}},
          {.method = "PUT",
           .pattern = "/__mock/takeover",
           .id = "mockPutTakeoverSetting",
           .summary = "Replaces the takeover setting: the pre-check's answer, the cluster the "
                      "address reaches, a subtask that fails on its first run",
           .description = "Every field is optional; the whole setting is replaced. POST "
                          "/__mock/reset (part `takeover`) puts the default back. A body that is "
                          "not valid against takeover-setting is refused naming the field, and "
                          "nothing changes.",
           .provenance = Provenance::kMock,
           .body = Body{.schema = "takeover-setting"},
           .answer = {.description = "The setting now (takeover-setting), every default written"},
           .errors = {ErrorKind::kInvalidParameter, ErrorKind::kBadRequest}}};
}

}  // namespace mock::families
