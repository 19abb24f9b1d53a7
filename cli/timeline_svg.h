// The conflict-cooperation plot of two actors as a self-contained SVG image (no script, no
// font or file fetched): the Goldstein sum per week or month as a line over a zero axis, and
// below it the number of events per period as bars stacked by QuadClass.
#pragma once

#include <ostream>
#include <string>

#include "graph/conflict_timeline.h"

namespace parley::cli {

// Plot size in pixels.
inline constexpr int kPlotWidth = 960;
inline constexpr int kPlotHeight = 540;

// Writes the plot of `timeline` between actors named `a` and `b` to `out`. `step` names the
// bins in the title ("week" or "month").
void WriteTimelineSvg(const ConflictTimeline& timeline, const std::string& a, const std::string& b,
                      const std::string& step, std::ostream& out);

}  // namespace parley::cli
