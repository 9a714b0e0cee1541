// The soak's samples over time, written for people: a CSV, an SVG plot (hand-written polylines,
// no dependency) and a text table.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace soak {

struct Sample {
  double seconds = 0;  // since the load started
  long requests = 0;   // answers so far (every kind, faults included)
  long errors = 0;     // errors so far
  long rss_kb = 0;     // the server's resident memory
};

// seconds,requests,errors,rss_kb: one line per sample, with a header.
void WriteCsv(const std::filesystem::path& path, const std::vector<Sample>& samples);

// Two panels over time: resident memory (MiB) above, requests per second and cumulative errors
// below; a dashed line at half time, where the growth check starts. `title` heads it.
void WriteSvg(const std::filesystem::path& path, const std::vector<Sample>& samples,
              const std::string& title);

// At most `rows` evenly spaced samples (always the last) as an aligned table.
std::string Table(const std::vector<Sample>& samples, size_t rows = 12);

}  // namespace soak
