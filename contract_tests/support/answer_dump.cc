#include "contract_tests/support/answer_dump.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "mock/json/json.h"
#include "mock/json/json_writer.h"

namespace contract {
namespace {

constexpr size_t kTextExcerpt = 200;

// `body`, known to be one JSON value, on one line. A JSON string holds no raw line break (RFC
// 8259 section 7: control characters are escaped), so every CR or LF in it is whitespace between
// tokens: replacing it with a space leaves the same value, numbers spelt as the server spelt
// them (what a JavaScript client parses, not RapidJSON's re-rendering).
std::string OneLine(std::string_view body) {
  std::string line(body);
  std::replace_if(
      line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return line;
}

bool IsJson(std::string_view body) { return mock::json::ParseJson(body).ok(); }

// write(2) until all of `text` is written; false on an error.
bool WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    text.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

std::string AnswerLine(const JudgedAnswer& answer) {
  rapidjson::StringBuffer out;
  mock::json::JsonWriter w(out);
  w.StartObject();
  w.Field("method", answer.origin.method);
  w.Field("path", answer.origin.target);
  w.Field("status", answer.origin.status);
  w.Field("schema", answer.schema);
  w.Field("where", answer.where);
  w.Field("valid", answer.violations == 0);
  w.Field("violations", answer.violations);
  w.Field("first", answer.first);
  const bool json = IsJson(answer.body);
  if (json) {
    w.Key("body");
    const std::string body = OneLine(answer.body);
    w.RawValue(body.data(), body.size(), rapidjson::kObjectType);
  } else {
    w.Field("json", false);
    w.Field("text", answer.body.substr(0, kTextExcerpt));
  }
  w.EndObject();
  return std::string(out.GetString(), out.GetSize());
}

AnswerDump::AnswerDump(const std::string& path, std::string version,
                       std::vector<std::string> schema_dirs, size_t max_lines, size_t max_bytes)
    : path_(path),
      version_(std::move(version)),
      schema_dirs_(std::move(schema_dirs)),
      max_lines_(max_lines),
      max_bytes_(max_bytes) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    std::fprintf(stderr, "contract suite: OCP_DUMP_ANSWERS: cannot open %s: %s; no answer dumped\n",
                 path.c_str(), std::strerror(errno));
  }
}

AnswerDump::~AnswerDump() {
  if (fd_ >= 0) ::close(fd_);
}

size_t AnswerDump::answers() const {
  std::lock_guard lock(mutex_);
  return answers_;
}

void AnswerDump::Record(const JudgedAnswer& answer) {
  std::string line = AnswerLine(answer);  // outside the lock: the parse and copy are the cost
  std::lock_guard lock(mutex_);
  if (fd_ < 0 || cut_) return;
  if (!header_written_) {
    rapidjson::StringBuffer out;
    mock::json::JsonWriter w(out);
    w.StartObject();
    w.Field("ocpmockAnswers", 1);
    w.Field("version", version_);
    w.Array("schemaDirs", schema_dirs_);
    w.EndObject();
    header_written_ = true;
    if (!WriteLine(std::string(out.GetString(), out.GetSize()))) return;
  }
  if (answers_ >= max_lines_ || bytes_ + line.size() + 1 > max_bytes_) {
    cut_ = true;
    WriteLine("{\"cut\":true,\"answers\":" + std::to_string(answers_) + "}");
    std::fprintf(stderr,
                 "contract suite: OCP_DUMP_ANSWERS: %s reached its bound (%zu answers or %zu "
                 "bytes a process) after %zu answers; the later ones are not dumped\n",
                 path_.c_str(), max_lines_, max_bytes_, answers_);
    return;
  }
  if (WriteLine(std::move(line))) ++answers_;
}

bool AnswerDump::WriteLine(std::string line) {
  line.push_back('\n');
  if (!WriteAll(fd_, line)) {
    std::fprintf(stderr, "contract suite: OCP_DUMP_ANSWERS: writing %s failed: %s; dump stopped\n",
                 path_.c_str(), std::strerror(errno));
    ::close(fd_);
    fd_ = -1;
    return false;
  }
  bytes_ += line.size();
  return true;
}

}  // namespace contract
