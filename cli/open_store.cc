#include "cli/open_store.h"

namespace parley::cli {

Status OpenStore(const Args& args, bool read_only, std::unique_ptr<GraphStore>* store) {
  GraphStore::Options opt;
  opt.read_only = read_only;
  return GraphStore::Open(DatabasePath(args), opt, store);
}

}  // namespace parley::cli
