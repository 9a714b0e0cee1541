// What the adapter knows of a request as its bytes arrive, without a socket: the head kept and
// the body only counted, each size limit (a path's own body limit among them) with the message
// it answers, the 100 Continue rule and the bytes of pipelined requests.
#include "mock/http/incoming_request.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mock::http {
namespace {

using ::testing::HasSubstr;

std::shared_ptr<const ServerOptions> Options() {
  ServerOptions o;
  o.max_request_bytes = 1000;
  o.max_header_bytes = 300;
  o.max_body_bytes = 100;
  o.body_limits = {{"POST", "/upload", 5000, "--max-upload-bytes"}};
  return std::make_shared<const ServerOptions>(o);
}

std::string Head(const std::string& line, const std::string& headers = "") {
  return line + "\r\nHost: t\r\n" + headers + "\r\n";
}

TEST(IncomingRequestTest, KeepsTheHeadAndCountsTheBody) {
  IncomingRequest in(Options());
  const std::string head = Head("POST /upload?x=1 HTTP/1.1");
  in.Receive(head.substr(0, 10));
  EXPECT_FALSE(in.head_complete());
  in.Receive(head.substr(10, head.size() - 12));
  in.Receive(head.substr(head.size() - 2) + "abc");  // "\r\n\r\n" across two reads
  ASSERT_TRUE(in.head_complete());
  in.Receive(std::string(2000, 'x'));
  EXPECT_EQ(head, in.head()) << "the body is counted, not kept";
  EXPECT_EQ("/upload?x=1", in.target());
  EXPECT_TRUE(in.CheckSize().ok()) << "2003 bytes are within the upload's own 5000";
  in.Next();
  EXPECT_EQ("", in.head());
  EXPECT_FALSE(in.head_complete());
}

TEST(IncomingRequestTest, APathsOwnLimitNamesItsFlag) {
  IncomingRequest in(Options());
  in.Receive(Head("POST /upload HTTP/1.1", "Content-Length: 5001\r\n") + std::string(5001, 'x'));
  Status s = in.CheckSize();
  EXPECT_EQ(StatusCode::kResourceExhausted, s.code());
  EXPECT_EQ("the body exceeds 5000 bytes, the limit set by --max-upload-bytes", s.message());
}

TEST(IncomingRequestTest, OtherPathsAndMethodsKeepTheGeneralLimits) {
  for (const char* line :
       {"POST /other HTTP/1.1", "PUT /upload HTTP/1.1", "POST /upload/x HTTP/1.1"}) {
    IncomingRequest in(Options());
    in.Receive(Head(line, "Content-Length: 101\r\n") + std::string(101, 'x'));
    EXPECT_EQ("the body exceeds 100 bytes", in.CheckSize().message()) << line;
  }
}

TEST(IncomingRequestTest, TheHeadAndTheWholeRequestHaveTheirLimits) {
  IncomingRequest head(Options());
  head.Receive("GET /" + std::string(400, 'a'));
  EXPECT_EQ("the request line and headers exceed 300 bytes", head.CheckSize().message());
  auto tight = std::make_shared<ServerOptions>(*Options());
  tight->max_request_bytes = 120;
  IncomingRequest whole(tight);
  whole.Receive(Head("POST /other HTTP/1.1", "Content-Length: 90\r\n") + std::string(90, 'x'));
  EXPECT_EQ("the request exceeds 120 bytes", whole.CheckSize().message());
}

TEST(IncomingRequestTest, ADeclaredLengthIsCheckedBeforeTheBodyArrives) {
  IncomingRequest in(Options());
  EXPECT_TRUE(in.CheckDeclaredLength(1u << 30).ok()) << "no head yet: no limit known";
  in.Receive(Head("POST /upload HTTP/1.1"));
  EXPECT_TRUE(in.CheckDeclaredLength(5000).ok());
  EXPECT_THAT(in.CheckDeclaredLength(5001).message(), HasSubstr("--max-upload-bytes"));
}

TEST(IncomingRequestTest, ContinueIsDueOnceForAnHttp11RequestThatAsksBeforeItsBody) {
  IncomingRequest in(Options());
  in.Receive(Head("POST /upload HTTP/1.1", "expect:  100-Continue\r\n"));
  EXPECT_TRUE(in.ContinueDue());
  EXPECT_FALSE(in.ContinueDue()) << "once per request";
  in.Next();
  in.Receive(Head("POST /upload HTTP/1.1", "Expect: 100-continue\r\n") + "x");
  EXPECT_FALSE(in.ContinueDue()) << "the body has started";
  in.Next();
  in.Receive(Head("POST /upload HTTP/1.0", "Expect: 100-continue\r\n"));
  EXPECT_FALSE(in.ContinueDue()) << "RFC 9110 10.1.1: ignored in HTTP/1.0";
  in.Next();
  in.Receive(Head("POST /upload HTTP/1.1"));
  EXPECT_FALSE(in.ContinueDue()) << "not asked";
}

TEST(IncomingRequestTest, BytesAfterAreThoseOfTheNextRequests) {
  IncomingRequest in(Options());
  const std::string next = "GET /next HTTP/1.1\r\n\r\n";
  in.Receive(Head("POST /other HTTP/1.1", "Content-Length: 3\r\n") + "ab");
  EXPECT_EQ("", in.BytesAfter(3, "ab"));
  in.Receive("c" + next);
  EXPECT_EQ(next, in.BytesAfter(3, "c" + next));
  IncomingRequest whole(Options());
  const std::string one = Head("GET /a HTTP/1.1");
  whole.Receive(one + next);
  EXPECT_EQ(next, whole.BytesAfter(0, one + next));
}

// Found by fuzz_framing (its seed full-body-then-pipelined): a body within its limit, read with
// the requests pipelined after it, was answered 413 for their bytes.
TEST(IncomingRequestTest, PipelinedBytesAfterADeclaredBodyAreNotItsBody) {
  IncomingRequest in(Options());
  const std::string next = Head("GET /next HTTP/1.1");
  in.Receive(Head("POST /other HTTP/1.1", "Content-Length: 100\r\n") + std::string(100, 'x') +
             next + next + next);
  EXPECT_TRUE(in.CheckSize().ok()) << "100 bytes of body, the limit; the rest is the next ones'";
  IncomingRequest over(Options());
  over.Receive(Head("POST /other HTTP/1.1", "Content-Length: 101\r\n") + std::string(101, 'x'));
  EXPECT_EQ("the body exceeds 100 bytes", over.CheckSize().message());
  IncomingRequest gets(Options());
  gets.Receive(Head("GET /a HTTP/1.1") + next + next + next + next + next + next);
  EXPECT_TRUE(gets.CheckSize().ok()) << "no Content-Length, no Transfer-Encoding: no body";
}

TEST(IncomingRequestTest, WithoutAPlainLengthEveryByteAfterTheHeadIsBody) {
  for (const char* headers :
       {"Content-Length: +5\r\n", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"}) {
    IncomingRequest in(Options());
    in.Receive(Head("POST /other HTTP/1.1", headers) + std::string(101, 'x'));
    EXPECT_EQ("the body exceeds 100 bytes", in.CheckSize().message()) << headers;
  }
}

TEST(IncomingRequestTest, PistachesLimitIsTheLargestAnyPathAllows) {
  EXPECT_EQ(5300u, LargestRequest(*Options()));
  ServerOptions plain;
  EXPECT_EQ(plain.max_request_bytes, LargestRequest(plain));
}

}  // namespace
}  // namespace mock::http
