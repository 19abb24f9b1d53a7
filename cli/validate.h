// Checks of what users type after a flag, shared by the commands, so that a typo ends with
// one line and exit status 1 or 2 instead of an empty answer.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "cli/args.h"
#include "storage/graph_store.h"
#include "util/calendar_date.h"
#include "util/status.h"

namespace parley::cli {

// The value of date flag `flag` ("--since") in `*date`, empty when the flag is not given;
// a usage error naming the flag and the value when it is not a date (see IsCalendarDate).
Status DateFlag(const Args& args, const std::string& flag, bool partial, std::string* date);

// The relationship types between actors a name after --types may be: every relationship of the
// event type table (data/event_types.json) and every type the store holds. Upper case.
Status KnownRelationshipTypes(const GraphStore& store, const Snapshot* snap,
                              std::set<std::string>* types);

}  // namespace parley::cli
