#include "cli/open_store.h"

#include <filesystem>

namespace parley::cli {

Status OpenStore(const Args& args, bool read_only, std::unique_ptr<GraphStore>* store) {
  GraphStore::Options opt;
  opt.read_only = read_only;
  // `parley ingest --no-text-index`: the store's full-text index is dropped, not kept.
  opt.full_text_index = !args.Has("--no-text-index");
  std::string path = DatabasePath(args);
  if (!read_only) {
    // A store may be asked for in a folder that does not exist yet: make its parents, as
    // RocksDB makes only the last level.
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  return GraphStore::Open(path, opt, store);
}

}  // namespace parley::cli
