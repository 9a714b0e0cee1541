#include "tools/load/soak/plot.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace soak {
namespace {

constexpr double kPlotWidth = 720;  // the panels' drawing width
constexpr double kPanelHeight = 180;
constexpr double kLeft = 70;
constexpr double kTop = 40;
constexpr double kGap = 60;  // between the two panels

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

double RequestsPerSecond(const std::vector<Sample>& s, size_t i) {
  if (i == 0) return s[0].seconds > 0 ? static_cast<double>(s[0].requests) / s[0].seconds : 0;
  const double dt = s[i].seconds - s[i - 1].seconds;
  return dt > 0 ? static_cast<double>(s[i].requests - s[i - 1].requests) / dt : 0;
}

// A polyline of `value(i)` in the panel whose top is `top`, scaled to [0, max_value].
template <typename F>
std::string Polyline(const std::vector<Sample>& s, double top, double max_value, double end,
                     const char* colour, F value) {
  std::ostringstream out;
  out << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"1.5\" points=\"";
  for (size_t i = 0; i < s.size(); ++i) {
    const double x = kLeft + kPlotWidth * s[i].seconds / end;
    const double y = top + kPanelHeight * (1 - value(i) / max_value);
    out << Fixed(x, 1) << "," << Fixed(y, 1) << " ";
  }
  out << "\"/>\n";
  return out.str();
}

// The frame, the y axis's top and bottom labels, and the panel's name.
std::string Frame(double top, double max_value, const std::string& name, int decimals) {
  std::ostringstream out;
  out << "<rect x=\"" << kLeft << "\" y=\"" << top << "\" width=\"" << kPlotWidth << "\" height=\""
      << kPanelHeight << "\" fill=\"none\" stroke=\"#888\"/>\n"
      << "<text x=\"" << kLeft - 6 << "\" y=\"" << top + 4 << "\" text-anchor=\"end\">"
      << Fixed(max_value, decimals) << "</text>\n"
      << "<text x=\"" << kLeft - 6 << "\" y=\"" << top + kPanelHeight << "\" text-anchor=\"end\">0"
      << "</text>\n<text x=\"" << kLeft + 4 << "\" y=\"" << top - 6 << "\">" << name << "</text>\n";
  return out.str();
}

}  // namespace

void WriteCsv(const std::filesystem::path& path, const std::vector<Sample>& samples) {
  std::ofstream out(path);
  out << "seconds,requests,errors,rss_kb\n";
  for (const Sample& s : samples) {
    out << Fixed(s.seconds, 1) << "," << s.requests << "," << s.errors << "," << s.rss_kb << "\n";
  }
}

void WriteSvg(const std::filesystem::path& path, const std::vector<Sample>& s,
              const std::string& title) {
  const double end = s.empty() ? 1 : std::max(1.0, s.back().seconds);
  double rss_max = 1;
  double rate_max = 1;
  double errors_max = 1;
  for (size_t i = 0; i < s.size(); ++i) {
    rss_max = std::max(rss_max, static_cast<double>(s[i].rss_kb) / 1024);
    rate_max = std::max(rate_max, RequestsPerSecond(s, i));
    errors_max = std::max(errors_max, static_cast<double>(s[i].errors));
  }
  rss_max *= 1.1;
  rate_max *= 1.1;
  const double lower = kTop + kPanelHeight + kGap;
  const double height = lower + kPanelHeight + 40;
  const double half = kLeft + kPlotWidth / 2;
  std::ofstream out(path);
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kLeft + kPlotWidth + 20
      << "\" height=\"" << height << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"" << kLeft << "\" y=\"18\" font-size=\"14\">" << title << "</text>\n"
      << Frame(kTop, rss_max, "resident memory (MiB)", 1)
      << Polyline(s, kTop, rss_max, end, "#1f77b4",
                  [&](size_t i) { return static_cast<double>(s[i].rss_kb) / 1024; })
      << Frame(lower, rate_max,
               "requests/s (blue); errors so far (red, 0 to " + Fixed(errors_max, 0) + ")", 0)
      << Polyline(s, lower, rate_max, end, "#1f77b4",
                  [&](size_t i) { return RequestsPerSecond(s, i); })
      << Polyline(s, lower, errors_max, end, "#d62728",
                  [&](size_t i) { return static_cast<double>(s[i].errors); })
      << "<line x1=\"" << half << "\" y1=\"" << kTop << "\" x2=\"" << half << "\" y2=\""
      << lower + kPanelHeight << "\" stroke=\"#888\" stroke-dasharray=\"4 4\"/>\n"
      << "<text x=\"" << half + 4 << "\" y=\"" << kTop + 14 << "\">growth judged from here</text>\n"
      << "<text x=\"" << kLeft << "\" y=\"" << height - 12 << "\">0 s</text>\n"
      << "<text x=\"" << kLeft + kPlotWidth << "\" y=\"" << height - 12 << "\" text-anchor=\"end\">"
      << Fixed(end, 0) << " s</text>\n</svg>\n";
}

std::string Table(const std::vector<Sample>& s, size_t rows) {
  std::ostringstream out;
  out << "  seconds  requests  requests/s  errors  RSS MiB\n";
  if (s.empty()) return out.str();
  const size_t step = std::max<size_t>(1, s.size() / rows);
  for (size_t i = 0; i < s.size(); i += step) {
    if (s.size() - 1 - i < step && i != s.size() - 1) i = s.size() - 1;  // end on the last
    char line[96];
    std::snprintf(line, sizeof line, "%9.0f %9ld %11.0f %7ld %8.1f\n", s[i].seconds, s[i].requests,
                  RequestsPerSecond(s, i), s[i].errors, static_cast<double>(s[i].rss_kb) / 1024);
    out << line;
  }
  return out.str();
}

}  // namespace soak
