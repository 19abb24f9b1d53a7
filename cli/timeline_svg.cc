// Drawing the conflict-cooperation plot (cli/timeline_svg.h). Coordinates are computed here and
// written as plain SVG shapes, so that any SVG reader (a browser, rsvg-convert, Inkscape) draws
// the same picture.
#include "cli/timeline_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace parley::cli {
namespace {

// Text made safe for SVG character data and attribute values; control characters dropped.
std::string Esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
    }
  }
  return out;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A tick step of 1, 2 or 5 times a power of ten giving about `count` ticks over `span`.
double TickStep(double span, int count) {
  double raw = span / count;
  double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * p >= raw) return m * p;
  }
  return 10 * p;
}

// The colours of the four QuadClasses and of events without one.
const char* const kQuadColours[4] = {"#98df8a", "#2ca02c", "#ff9896", "#d62728"};
const char* const kUncoded = "#c7c7c7";
const char* const kLine = "#1f77b4";

}  // namespace

void WriteTimelineSvg(const ConflictTimeline& t, const std::string& a, const std::string& b,
                      const std::string& step, std::ostream& out) {
  const double left = 80, right = kPlotWidth - 30, top = 60, mid = 330, gap = 30,
               bottom = kPlotHeight - 70;
  const double width = right - left, upper_h = mid - top, lower_top = mid + gap,
               lower_h = bottom - lower_top;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kPlotWidth << "\" height=\""
      << kPlotHeight << "\" viewBox=\"0 0 " << kPlotWidth << ' ' << kPlotHeight
      << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
      << "<text x=\"" << left << "\" y=\"28\" font-size=\"16\" font-weight=\"bold\">" << Esc(a)
      << " and " << Esc(b) << ": conflict and cooperation by " << Esc(step) << "</text>\n";
  size_t n = t.bins.size();
  if (n == 0) {
    out << "<text x=\"" << left << "\" y=\"" << (top + 40) << "\" fill=\"#555555\">No dated events"
        << " between them.</text>\n</svg>\n";
    return;
  }
  // The Goldstein axis, always holding zero.
  double lo = 0, hi = 0;
  int64_t most = 1;
  for (const TimelineBin& bin : t.bins) {
    lo = std::min(lo, bin.goldstein);
    hi = std::max(hi, bin.goldstein);
    most = std::max(most, bin.events);
  }
  if (hi - lo < 1) hi = lo + 1;
  double tick = TickStep(hi - lo, 5);
  lo = std::floor(lo / tick) * tick;
  hi = std::ceil(hi / tick) * tick;
  auto gy = [&](double v) { return top + (hi - v) / (hi - lo) * upper_h; };
  double slot = width / n;
  auto cx = [&](size_t i) { return left + (i + 0.5) * slot; };

  out << "<g stroke=\"#e0e0e0\">\n";
  for (double v = lo; v <= hi + tick / 2; v += tick) {
    out << "<line x1=\"" << left << "\" x2=\"" << right << "\" y1=\"" << Num(gy(v)) << "\" y2=\""
        << Num(gy(v)) << "\"/>\n";
  }
  out << "</g>\n<g text-anchor=\"end\" fill=\"#333333\">\n";
  for (double v = lo; v <= hi + tick / 2; v += tick) {
    out << "<text x=\"" << (left - 6) << "\" y=\"" << Num(gy(v) + 4) << "\">"
        << Num(std::abs(v) < 1e-9 ? 0 : v) << "</text>\n";
  }
  out << "</g>\n"
      << "<line x1=\"" << left << "\" x2=\"" << right << "\" y1=\"" << Num(gy(0)) << "\" y2=\""
      << Num(gy(0)) << "\" stroke=\"#555555\" stroke-width=\"1.5\"/>\n"
      << "<text transform=\"translate(20," << Num((top + mid) / 2)
      << ") rotate(-90)\" text-anchor=\"middle\">Goldstein sum</text>\n";
  // The line and its points.
  out << "<polyline fill=\"none\" stroke=\"" << kLine << "\" stroke-width=\"3\" points=\"";
  for (size_t i = 0; i < n; ++i)
    out << (i ? " " : "") << Num(cx(i)) << ',' << Num(gy(t.bins[i].goldstein));
  out << "\"/>\n<g fill=\"" << kLine << "\">\n";
  for (size_t i = 0; i < n; ++i) {
    out << "<circle cx=\"" << Num(cx(i)) << "\" cy=\"" << Num(gy(t.bins[i].goldstein))
        << "\" r=\"4\"><title>" << Esc(t.bins[i].period) << ": " << Num(t.bins[i].goldstein) << " ("
        << t.bins[i].coded << " of " << t.bins[i].events << " events coded)</title></circle>\n";
  }
  out << "</g>\n";

  // The event counts, stacked by QuadClass.
  auto ey = [&](double v) { return lower_top + lower_h - v / most * lower_h; };
  out << "<line x1=\"" << left << "\" x2=\"" << right << "\" y1=\"" << Num(bottom) << "\" y2=\""
      << Num(bottom) << "\" stroke=\"#555555\"/>\n"
      << "<text x=\"" << (left - 6) << "\" y=\"" << Num(lower_top + 4) << "\" text-anchor=\"end\">"
      << most << "</text>\n"
      << "<text x=\"" << (left - 6) << "\" y=\"" << Num(bottom + 4)
      << "\" text-anchor=\"end\">0</text>\n"
      << "<text transform=\"translate(20," << Num(lower_top + lower_h / 2)
      << ") rotate(-90)\" text-anchor=\"middle\">Events</text>\n";
  double bar = std::max(1.0, slot * 0.7);
  for (size_t i = 0; i < n; ++i) {
    const TimelineBin& bin = t.bins[i];
    int64_t coded_quads = bin.quad[0] + bin.quad[1] + bin.quad[2] + bin.quad[3];
    std::vector<std::pair<int64_t, const char*>> parts = {{bin.quad[0], kQuadColours[0]},
                                                          {bin.quad[1], kQuadColours[1]},
                                                          {bin.quad[2], kQuadColours[2]},
                                                          {bin.quad[3], kQuadColours[3]},
                                                          {bin.events - coded_quads, kUncoded}};
    double base = 0;
    for (auto [count, colour] : parts) {
      if (count <= 0) continue;
      out << "<rect x=\"" << Num(cx(i) - bar / 2) << "\" y=\"" << Num(ey(base + count))
          << "\" width=\"" << Num(bar) << "\" height=\"" << Num(ey(base) - ey(base + count))
          << "\" fill=\"" << colour << "\"/>\n";
      base += count;
    }
  }
  // Period labels, at most about twelve.
  size_t every = std::max<size_t>(1, (n + 11) / 12);
  out << "<g text-anchor=\"middle\" fill=\"#333333\">\n";
  for (size_t i = 0; i < n; i += every) {
    out << "<text x=\"" << Num(cx(i)) << "\" y=\"" << Num(bottom + 18) << "\">"
        << Esc(t.bins[i].period) << "</text>\n";
  }
  out << "</g>\n";
  // Legend.
  const char* names[5] = {"verbal cooperation", "material cooperation", "verbal conflict",
                          "material conflict", "not coded"};
  const char* colours[5] = {kQuadColours[0], kQuadColours[1], kQuadColours[2], kQuadColours[3],
                            kUncoded};
  double x = left;
  for (int k = 0; k < 5; ++k) {
    out << "<rect x=\"" << Num(x) << "\" y=\"" << Num(kPlotHeight - 28)
        << "\" width=\"12\" height=\"12\" fill=\"" << colours[k] << "\"/>"
        << "<text x=\"" << Num(x + 16) << "\" y=\"" << Num(kPlotHeight - 18) << "\">" << names[k]
        << "</text>\n";
    x += 40 + 7 * std::string(names[k]).size();
  }
  if (t.undated > 0) {
    out << "<text x=\"" << right << "\" y=\"" << Num(kPlotHeight - 18)
        << "\" text-anchor=\"end\" fill=\"#555555\">" << t.undated << " undated left out</text>\n";
  }
  out << "</svg>\n";
}

}  // namespace parley::cli
