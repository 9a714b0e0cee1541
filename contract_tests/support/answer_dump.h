// The answers the contract suite judged, as JSON lines, so that a JSON Schema implementation we
// did not write can judge the same bodies against the same schemas (issue #26, point 3:
// tools/npm/ajv-agree.mjs, ctest `ajv_agreement`, docs/openapi.md "A second validator: ajv").
//
// Opt-in: with OCP_DUMP_ANSWERS=FILE set, the suite appends to FILE, for every body it checks
// against a schema (ServerUnderTest::CheckBody, and the check library's compat::Conforms), a line
//
//   {"method":"GET","path":"/api/v2/tasks/instances?size=2","status":200,
//    "schema":"task-list-response","where":"GET /api/v2/... (HTTP 200)","valid":true,
//    "violations":0,"first":"","body":{...the body as the server sent it...}}
//
// `valid` and `violations` are Valijson's verdict against the version's schemas, strict (in a
// live run too, where the suite itself reads extra fields tolerantly); `first` is its first
// violation in words ("" when valid). A body that is not JSON has `"json":false` and its first
// 200 bytes in `text` instead of `body` (the check library judges no such body). `method` and
// `path` are "" where the check was not of a fetched request (ExpectErrorOf, a test's own
// CheckBody call); `where` then says what it was.
//
// Before its first answer each process writes one header line naming what the verdicts are
// against: {"ocpmockAnswers":1,"version":"4.2.2","schemaDirs":["/…/schemas"]} (the version's
// folder, its `extends` chain, the shared schemas: the first folder holding a file wins).
//
// Bounded: at most kMaxLines answers or kMaxBytes bytes per process. At the bound the dump writes
// {"cut":true,"answers":N} and says so once on stderr; later answers are not written. Each line is
// one write(2) to a file opened O_APPEND, under a mutex: safe from any thread, and processes that
// share FILE (the live-mode tests' child runs inherit the variable) each append whole lines (a
// local Linux file system does not split one write to a regular file).
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace contract {

// Which request an answer came from ({} when the check was not of a fetched request).
struct AnswerOrigin {
  std::string method{};
  std::string target{};  // the path with its query, as sent
  long status = 0;       // the HTTP status; 0 unknown
};

// One judged answer, as ServerUnderTest::CheckBody saw it.
struct JudgedAnswer {
  const AnswerOrigin& origin;
  std::string_view schema;  // the schema's name, without ".schema.json"
  std::string_view where;   // the check's own words for the request
  size_t violations = 0;    // Valijson's strict count
  std::string_view first;   // Valijson's first violation, "pointer: message"; "" when valid
  std::string_view body;
};

class AnswerDump {
 public:
  static constexpr size_t kMaxLines = 20000;
  static constexpr size_t kMaxBytes = size_t{100} << 20;

  // Appends to `path` (created when missing). A file that cannot be opened is said once on
  // stderr and nothing is written: the second validator then finds no answers and fails.
  AnswerDump(const std::string& path, std::string version, std::vector<std::string> schema_dirs,
             size_t max_lines = kMaxLines, size_t max_bytes = kMaxBytes);
  ~AnswerDump();
  AnswerDump(const AnswerDump&) = delete;
  AnswerDump& operator=(const AnswerDump&) = delete;

  // Appends `answer`'s line (the header first, once). Thread-safe.
  void Record(const JudgedAnswer& answer);

  // The answers written so far.
  size_t answers() const;

 private:
  bool WriteLine(std::string line);  // under mutex_; false once the bound is reached

  const std::string path_;
  const std::string version_;
  const std::vector<std::string> schema_dirs_;
  const size_t max_lines_;
  const size_t max_bytes_;
  mutable std::mutex mutex_;
  int fd_ = -1;
  bool header_written_ = false;
  bool cut_ = false;
  size_t answers_ = 0;
  size_t bytes_ = 0;
};

// The answer's line (no newline): the format above.
std::string AnswerLine(const JudgedAnswer& answer);

}  // namespace contract
