// The request journal: what clients sent to the OCP API, so that a client's test can ask
// "did it retry task 8000004 exactly once?". Bounded: at most `capacity` entries, the oldest
// going first (counted in dropped()), and each entry's query text and parameters cut to
// kMaxTextBytes, so 10,000 entries stay under about 50 MiB whatever clients send.
// Never holds credentials or bodies. Thread-safe.
//
//   Journal journal(10000);
//   journal.Record(entry);
//   JournalPage p = journal.List({.method = "POST", .path_glob = "/api/v2/tasks/*/retry"}, 1, 10);
//   size_t n = journal.Count({.path_glob = "/api/v2/tasks/instances/8000004/retry"});
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "mock/core/params.h"
#include "mock/core/thread_annotations.h"

namespace mock::journal {

struct Entry {
  uint64_t sequence = 0;  // 1 for the first request recorded since start, then 2, 3, ...
  int64_t epoch_ms = 0;   // wall clock when the request arrived
  std::string method;     // "GET"
  std::string path;       // decoded
  // The raw query string as sent, without '?' (cut to kMaxTextBytes). Its decoded parameters
  // are not kept: GET /__mock/requests decodes them when it lists the entry, which keeps
  // recording cheap (in tools/bench, the journal cost 5.5% of the HTTP throughput with them, 3.5%
  // without).
  std::string query;
  // The Content-Type header as sent, "" without one (cut to kMaxContentTypeBytes), and the
  // body's length: what a test asks of an upload (multipart/form-data, how large), whose bytes
  // are never kept.
  std::string content_type;
  uint64_t body_bytes = 0;
  bool truncated = false;  // query, path or content type were cut
  std::string user;        // the authenticated user's name; "" without authentication
  std::string access_key;  // the AK of an AK/SK request (never the secret)
  int status = 0;          // the HTTP status answered
  std::string error_code;  // OCP's error code when the answer is an error ("TSK10001")
  std::string trace_id;
  int64_t duration_us = 0;
  uint64_t fault_rule = 0;  // the fault rule that fired on it (mock/faults/), 0: none
  std::string fault;        // that rule's action: "status", "delay", "reset", ...
  // A test's change to the mock itself (a POST, PUT or DELETE under /__mock/: a fault rule, a
  // runtime row, a raised alarm, a metric override, a reset) rather than a client's request:
  // listed only when the filter asks for the control plane.
  bool control = false;
};

// Which requests a filter sees: the OCP API's (a client's, the default), the control plane's
// changes, or both.
enum class Plane { kOcp, kControl, kAll };

// Every given field must hold (AND).
struct Filter {
  std::optional<std::string> method = std::nullopt;  // exact, case-sensitive
  std::optional<std::string> path_glob =
      std::nullopt;                                // fnmatch(3) on the decoded path; `*` spans '/'
  std::optional<std::string> user = std::nullopt;  // exact
  std::optional<int> status = std::nullopt;
  std::optional<int64_t> since_ms = std::nullopt;  // entries at or after this wall-clock instant
  Plane plane = Plane::kOcp;
};

struct Page {
  std::vector<Entry> entries;  // newest first
  int64_t total = 0;           // entries matching the filter
  uint64_t dropped = 0;        // entries dropped for the bound since start (or the last Clear)
};

class Journal {
 public:
  static constexpr size_t kMaxTextBytes = 2048;
  static constexpr size_t kMaxContentTypeBytes = 256;

  explicit Journal(size_t capacity) : capacity_(capacity) {}

  // Adds `entry` (its sequence is assigned here); drops the oldest entry when full. A capacity
  // of 0 records nothing.
  void Record(Entry entry) OCPMOCK_EXCLUDES(mutex_);

  // Page `number` (1-based) of `size` entries matching `filter`, newest first.
  Page List(const Filter& filter, int32_t number, int32_t size) const OCPMOCK_EXCLUDES(mutex_);
  size_t Count(const Filter& filter) const OCPMOCK_EXCLUDES(mutex_);
  // Empties the journal and zeroes dropped(); returns how many entries it held.
  size_t Clear() OCPMOCK_EXCLUDES(mutex_);

  size_t capacity() const { return capacity_; }

 private:
  const size_t capacity_;
  mutable Mutex mutex_;
  std::deque<Entry> entries_ OCPMOCK_GUARDED_BY(mutex_);  // oldest first
  uint64_t next_sequence_ OCPMOCK_GUARDED_BY(mutex_) = 1;
  uint64_t dropped_ OCPMOCK_GUARDED_BY(mutex_) = 0;
};

// Whether `entry` satisfies `filter`.
bool Matches(const Filter& filter, const Entry& entry);

}  // namespace mock::journal
