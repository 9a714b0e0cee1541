// The soak's checker (tools/load/soak/checker.h) on answers a correct and a broken server give:
// each broken answer must be caught, each correct one accepted. The bodies are OCP's documented
// sample (contract_tests/samples/) and ocp-mock's own answers, then the same broken in one place.
#include <gtest/gtest.h>

#include <string>

#include "mock/json/json.h"
#include "tools/client/contract_rules.h"
#include "tools/load/soak/checker.h"

namespace soak {
namespace {

const mock::json::SchemaSet& Schemas() {
  return contract::NewestSchemaSet(OCPMOCK_SOURCE_DIR "/schemas");
}

std::string TaskDetail() {
  return mock::json::ReadFile(OCPMOCK_SOURCE_DIR "/contract_tests/samples/task-detail-4.2.2.json")
      .value();
}

// ocp-mock's answer to GET /api/v2/ob/clusters/999999.
const char kNotFound[] =
    R"({"duration":1,"error":{"code":"COM10002","message":"No records of the OB_CLUSTER type found based on the id=999999 parameter."},"server":"vm","status":404,"successful":false,"timestamp":"2026-12-05T02:31:08.445+00:00","traceId":"b3b02592916f959a"})";
// The status fault rule's answer, as ocp-mock gives it.
const char kFault503[] =
    R"({"duration":0,"error":{"code":"SOK00503","message":"from ocp-soak"},"server":"vm","status":503,"successful":false,"timestamp":"2026-12-05T02:31:08.445+00:00","traceId":"b3b02592916f959b"})";

contract::HttpResult Answer(long status, std::string body) {
  contract::HttpResult r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

std::string Judge(const std::string& target, const contract::HttpResult& r,
                  const std::string& fault = "") {
  SoakRequest request;
  request.target = target;
  request.fault = fault;
  return JudgeAnswer(request, r, Schemas());
}

const char kTask[] = "/api/v2/tasks/instances/35000312";

TEST(SoakChecker, AcceptsWellFormedAnswers) {
  EXPECT_EQ("", Judge(kTask, Answer(200, TaskDetail())));
  EXPECT_EQ("", Judge("/api/v2/ob/clusters/999999", Answer(404, kNotFound)));
  EXPECT_EQ("", Judge("/api/v2/time", Answer(200, "2026-12-01T10:46:27.316+08:00")));
  EXPECT_EQ("", Judge("/api/v2/time", Answer(200, "\"2026-12-01T10:46:27Z\"")));
  // A page with no rule of its own: OCP's envelope is what is checked.
  EXPECT_EQ("", Judge("/api/v2/unruled/page",
                      Answer(200, R"({"data":{},"successful":true,"status":200,"timestamp":)"
                                  R"("2026-12-05T02:31:08.445+00:00","duration":0,)"
                                  R"("traceId":"b3b02592916f959a","server":"vm"})")));
}

TEST(SoakChecker, CatchesABodyThatBreaksItsSchema) {
  std::string broken = TaskDetail();
  broken.replace(broken.find("\"SUCCESSFUL\""), 12, "\"DONE\"");
  const std::string why = Judge(kTask, Answer(200, broken));
  EXPECT_NE(std::string::npos, why.find("breaks task-detail-response")) << why;
  EXPECT_NE(std::string::npos, why.find("DONE")) << why;
}

TEST(SoakChecker, CatchesWhatIsNotAnEnvelope) {
  EXPECT_NE("", Judge("/api/v2/unruled/page", Answer(200, R"({"hello": 1})")));
  EXPECT_NE("", Judge("/api/v2/ob/clusters/999999", Answer(404, "Not Found")));
  EXPECT_NE("", Judge("/api/v2/ob/clusters/999999", Answer(404, R"({"error": "nope"})")));
  const std::string truncated = TaskDetail().substr(0, 200);
  EXPECT_EQ(0u, Judge(kTask, Answer(200, truncated)).find("not JSON"))
      << Judge(kTask, Answer(200, truncated));
  EXPECT_NE("", Judge("/api/v2/time", Answer(200, "okay")));
  EXPECT_NE("", Judge("/api/v2/time", Answer(200, "2026-12-01 10:46:27")));
}

TEST(SoakChecker, CatchesServerErrorsAndTransportFailures) {
  EXPECT_EQ("HTTP 500", Judge(kTask, Answer(500, kNotFound)));
  EXPECT_EQ("HTTP 503", Judge(kTask, Answer(503, kFault503)));  // unasked for
  contract::HttpResult dropped;
  dropped.transport_error = "Empty reply from server";
  EXPECT_EQ("transport: Empty reply from server", Judge(kTask, dropped));
}

TEST(SoakChecker, ExpectsExactlyTheFaultTheRequestWasMarkedFor) {
  contract::HttpResult dropped;
  dropped.transport_error = "Connection reset by peer";
  EXPECT_EQ("", Judge(kTask, Answer(503, kFault503), "status"));
  EXPECT_EQ("", Judge(kTask, dropped, "reset"));
  EXPECT_EQ("", Judge(kTask, dropped, "truncate"));
  EXPECT_EQ("", Judge(kTask, Answer(200, TaskDetail()), "delay"));
  EXPECT_EQ("", Judge(kTask, Answer(200, TaskDetail()), "drip"));
  // The rule did not fire, or fired with another answer.
  EXPECT_NE("", Judge(kTask, Answer(200, TaskDetail()), "status"));
  EXPECT_NE("", Judge(kTask, Answer(503, kNotFound), "status"));
  EXPECT_NE("", Judge(kTask, Answer(200, TaskDetail()), "reset"));
  EXPECT_NE("", Judge(kTask, Answer(200, TaskDetail()), "truncate"));
  EXPECT_NE("", Judge(kTask, dropped, "delay"));
}

TEST(SoakChecker, NamesTheSchemaOfEachPage) {
  EXPECT_EQ("task-list-response", SchemaForSoak("GET", "/api/v2/tasks/instances?page=2", 200));
  EXPECT_EQ("task-detail-response", SchemaForSoak("POST", std::string(kTask) + "/retry", 200));
  EXPECT_EQ("cluster-list-response", SchemaForSoak("GET", "/api/v2/ob/clusters?size=3", 200));
  EXPECT_EQ("envelope", SchemaForSoak("GET", "/api/v2/unruled/page", 200));
  EXPECT_EQ("envelope", SchemaForSoak("POST", "/__mock/reset", 200));
  EXPECT_EQ("error-envelope", SchemaForSoak("GET", "/api/v2/unruled/page", 400));
  EXPECT_EQ(std::string(kTimeText), SchemaForSoak("GET", "/api/v2/time", 200));
}

TEST(SoakChecker, OnlyRunningIsNotFinal) {
  EXPECT_FALSE(IsFinalTaskStatus("RUNNING"));
  EXPECT_FALSE(IsFinalTaskStatus(""));
  EXPECT_TRUE(IsFinalTaskStatus("SUCCESSFUL"));
  EXPECT_TRUE(IsFinalTaskStatus("FAILED"));
}

}  // namespace
}  // namespace soak
