// Opening the store a command works on: --db DIR, else $PARLEY_DB, else ./parley.db.
#pragma once

#include <memory>

#include "cli/args.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley::cli {

// Opens the store named by the arguments; read-only stores can be read while another
// process ingests.
Status OpenStore(const Args& args, bool read_only, std::unique_ptr<GraphStore>* store);

}  // namespace parley::cli
