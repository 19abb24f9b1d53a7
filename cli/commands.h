// The parley subcommands. Each takes its parsed arguments and returns a Status: OK (exit 0),
// kUsage (exit 2) or any other error (exit 1, its message printed on one line).
#pragma once

#include "cli/args.h"
#include "core/status.h"

namespace parley::cli {

// parley ingest [--db DIR] [--skip-bad] PATH...        articles (.txt, .md, .jsonl, folders, -)
// parley ingest [--db DIR] [--skip-bad] --facts FILE... facts as `parley extract` prints them
Status Ingest(const Args& args);

// parley extract [--actors FILE] [--lines] [--format jsonl] [--jobs N] PATH...
Status Extract(const Args& args);

// parley stats [--db DIR] [--format table|json|jsonl|csv]
Status Stats(const Args& args);

}  // namespace parley::cli
