// What Parley keeps beside RocksDB's own files in a store folder, and what it reads of them to
// open a store safely while another process writes it:
//
//  - FolderLock: an flock on the folder itself that every writer takes before RocksDB's LOCK
//    file. RocksDB's lock lives on a file; delete that file and a second writer gets a new
//    one. The folder cannot be swapped that way, so two writers never meet.
//  - PARLEY-DURABLE: the RocksDB sequence number the store had reached when it was last
//    closed cleanly (every memtable flushed to SST files), and the MANIFEST it was left with.
//    A store that opens at a lower sequence, or whose MANIFEST lost bytes while it was
//    closed, has lost writes it once held (a truncated MANIFEST, a damaged log) and is
//    refused before anything is written to it.
//  - Fingerprint: CURRENT and the size of the MANIFEST it names. A writer changes them before
//    it deletes a log or table file; a read-only open during which they changed may have read
//    a file list that no longer matches the folder, and is made again.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "util/status.h"

namespace rocksdb {
class Logger;
}

namespace parley::store_files {

// The name of the file holding the durable sequence, in the store folder.
inline constexpr const char* kDurableFile = "PARLEY-DURABLE";

// The writer's lock on a store folder, held until destroyed.
class FolderLock {
 public:
  // Locks folder `dir` (which must exist) for writing; kBusy if another process holds it.
  static Status Acquire(const std::string& dir, std::unique_ptr<FolderLock>* lock);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  explicit FolderLock(int fd) : fd_(fd) {}
  int fd_;
};

// What PARLEY-DURABLE says: the sequence the store had reached when it was last closed cleanly
// (a lower bound for every later open), and whether it is closed now. A writer marks the store
// open before RocksDB changes any file; at a clean close it records the MANIFEST it left, which
// nobody changes until the next writer marks the store open again.
struct DurableRecord {
  uint64_t sequence = 0;
  bool closed = false;
  std::string manifest;        // closed only: CURRENT's content at the close
  int64_t manifest_size = -1;  // closed only: that MANIFEST's size
  bool operator==(const DurableRecord&) const = default;
};

// Reads the record of the store in `dir`; `*found` is false if there is none (a store made
// by an older build, or never opened for writing by this one).
Status ReadDurable(const std::string& dir, DurableRecord* record, bool* found);

// Replaces the record of the store in `dir`: written to a temporary file, synced, renamed over
// the old one and the folder synced, so that a crash leaves the old record or the new one.
Status WriteDurable(const std::string& dir, const DurableRecord& record);

// CURRENT's content and the size of the MANIFEST it names, as read at one moment.
struct Fingerprint {
  std::string current;
  int64_t manifest_size = -1;
  bool operator==(const Fingerprint&) const = default;
};

// The fingerprint of the store in `dir` now (empty fields where a file is missing).
Fingerprint TakeFingerprint(const std::string& dir);

// RocksDB's diagnostic log for the store in `dir`. A writer's goes to DIR/LOG (appended to,
// started afresh once past 4 MB); a reader's goes nowhere, so that readers leave the folder as
// they found it. A write that fails (a full disk) ends the log quietly: RocksDB's own log
// asserts on the next line after a failed write, which aborts the process.
std::shared_ptr<rocksdb::Logger> NewInfoLog(const std::string& dir, bool writer);

}  // namespace parley::store_files
