// The conflict-cooperation line between two actors, as GDELT analyses draw it: the events
// between them (either direction: event nodes such as demands and stance relationships) put in
// weekly or monthly bins by date, with the bin's event count, its sum of Goldstein values
// (cooperation positive, conflict negative) and its count per QuadClass. Gaps between the
// first and last bin are kept as empty bins so that the line has a point per period.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

enum class TimelineStep { kWeek, kMonth };

struct TimelineBin {
  std::string period;  // "2026-03" for a month, the Monday "2026-03-09" for a week
  int64_t events = 0;
  int64_t a_to_b = 0, b_to_a = 0;  // events by direction
  int64_t coded = 0;               // events with a Goldstein value
  double goldstein = 0;            // their sum
  int64_t quad[4] = {0, 0, 0, 0};  // QuadClass 1-4 counts
};

struct ConflictTimeline {
  std::vector<TimelineBin> bins;  // in time order, gaps filled
  int64_t undated = 0;            // events with no date fine enough for a bin
};

// The events between actors `a` and `b` binned by `step`. An event is dated by its
// `event_date` when that is as fine as the step (a day; a month for monthly bins), else by its
// report's `date`.
Status BuildConflictTimeline(const GraphStore& store, NodeId a, NodeId b, TimelineStep step,
                             ConflictTimeline* out, const Snapshot* snap = nullptr);

}  // namespace parley
