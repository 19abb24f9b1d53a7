// ScratchTable (scratch_table.h) on RocksDB: writes skip the log and are never synced; the
// table is read back once, in order, so reads do not fill the block cache.
#include "storage/scratch_table.h"

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage/keys.h"

namespace parley {

namespace fs = std::filesystem;

class ScratchTable::Impl {
 public:
  std::unique_ptr<rocksdb::DB> db;
};

namespace {

Status FromRocks(const rocksdb::Status& s, const std::string& dir) {
  if (s.ok()) return Status::OK();
  return Status::IOError("scratch table " + dir + ": " + s.ToString());
}

}  // namespace

ScratchTable::ScratchTable(std::unique_ptr<Impl> impl, std::string dir)
    : impl_(std::move(impl)), dir_(std::move(dir)) {}

ScratchTable::~ScratchTable() {
  impl_->db.reset();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

Status ScratchTable::Create(const std::string& parent, std::unique_ptr<ScratchTable>* out) {
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) return Status::IOError("cannot make " + parent + ": " + ec.message());
  std::string tmpl = parent + "/scratch-XXXXXX";
  if (::mkdtemp(tmpl.data()) == nullptr)
    return Status::IOError("cannot make a folder in " + parent + ": " + std::strerror(errno));
  rocksdb::Options options;
  options.create_if_missing = true;
  options.error_if_exists = true;
  options.IncreaseParallelism(2);
  options.write_buffer_size = size_t{64} << 20;
  auto impl = std::make_unique<Impl>();
  rocksdb::DB* db = nullptr;
  Status s = FromRocks(rocksdb::DB::Open(options, tmpl, &db), tmpl);
  if (!s.ok()) {
    fs::remove_all(tmpl, ec);
    return s;
  }
  impl->db.reset(db);
  out->reset(new ScratchTable(std::move(impl), tmpl));
  return Status::OK();
}

Status ScratchTable::Put(std::string_view key, std::string_view value) {
  rocksdb::WriteOptions wo;
  wo.disableWAL = true;
  return FromRocks(impl_->db->Put(wo, key, value), dir_);
}

Status ScratchTable::Get(std::string_view key, std::string* value, bool* found) const {
  rocksdb::Status s = impl_->db->Get(rocksdb::ReadOptions(), key, value);
  *found = s.ok();
  if (s.IsNotFound()) return Status::OK();
  return FromRocks(s, dir_);
}

Status ScratchTable::Scan(std::string_view prefix,
                          const std::function<Status(std::string_view key, std::string_view value,
                                                     bool* more)>& visit) const {
  rocksdb::ReadOptions ro;
  ro.fill_cache = false;
  std::string upper = keys::PrefixEnd(prefix);
  rocksdb::Slice upper_slice(upper);
  if (!upper.empty()) ro.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(ro));
  bool more = true;
  for (it->Seek(prefix); more && it->Valid(); it->Next()) {
    PARLEY_RETURN_IF_ERROR(visit(it->key().ToStringView(), it->value().ToStringView(), &more));
  }
  return FromRocks(it->status(), dir_);
}

}  // namespace parley
