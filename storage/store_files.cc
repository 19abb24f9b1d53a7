#include "storage/store_files.h"

#include <fcntl.h>
#include <rocksdb/env.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <mutex>
#include <sstream>

namespace parley::store_files {
namespace {

std::string Errno() {
  return std::strerror(errno);
}

// Writes all of `data` to `fd`; false on an error (errno set).
bool WriteAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Lines to a FILE (none if null), each stamped with the UTC time; the first failed write ends it.
class FileLogger final : public rocksdb::Logger {
 public:
  explicit FileLogger(std::FILE* file)
      : rocksdb::Logger(rocksdb::InfoLogLevel::INFO_LEVEL), file_(file) {}
  ~FileLogger() override {
    if (file_) std::fclose(file_);
  }
  void Logv(const char* format, va_list ap) override {
    Logv(rocksdb::InfoLogLevel::INFO_LEVEL, format, ap);
  }
  void Logv(const rocksdb::InfoLogLevel level, const char* format, va_list ap) override {
    if (!file_ || level < GetInfoLogLevel()) return;
    char line[4096];
    va_list copy;
    va_copy(copy, ap);
    int n = std::vsnprintf(line, sizeof line, format, copy);
    va_end(copy);
    if (n < 0) return;
    struct timespec now;
    ::clock_gettime(CLOCK_REALTIME, &now);
    struct tm tm;
    ::gmtime_r(&now.tv_sec, &tm);
    char stamp[40];
    std::strftime(stamp, sizeof stamp, "%Y/%m/%d-%H:%M:%S", &tm);
    std::lock_guard lock(mu_);
    if (failed_) return;
    if (std::fprintf(file_, "%s.%06ld %s\n", stamp, now.tv_nsec / 1000, line) < 0 ||
        std::fflush(file_) != 0) {
      failed_ = true;
    }
  }

 protected:
  rocksdb::Status CloseImpl() override { return rocksdb::Status::OK(); }

 private:
  std::FILE* file_;
  std::mutex mu_;
  bool failed_ = false;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> NewInfoLog(const std::string& dir, bool writer) {
  std::FILE* file = nullptr;
  if (writer) {
    std::string path = dir + "/LOG";
    struct stat st;
    bool big = ::stat(path.c_str(), &st) == 0 && st.st_size > (4 << 20);
    file = std::fopen(path.c_str(), big ? "we" : "ae");  // a log that cannot open is no error
  }
  return std::make_shared<FileLogger>(file);
}

Status FolderLock::Acquire(const std::string& dir, std::unique_ptr<FolderLock>* lock) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::IOError("cannot open database folder " + dir + ": " + Errno());
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return Status::Busy("database " + dir +
                          " is in use by another process (try again when it finishes, or query "
                          "it read-only)");
    }
    return Status::IOError("cannot lock database folder " + dir + ": " + std::strerror(err));
  }
  lock->reset(new FolderLock(fd));
  return Status::OK();
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

Status ReadDurable(const std::string& dir, DurableRecord* record, bool* found) {
  *record = DurableRecord();
  *found = false;
  std::string path = dir + "/" + kDurableFile;
  std::ifstream in(path);
  if (!in) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 && errno == ENOENT) return Status::OK();
    return Status::IOError("cannot read " + path + ": " + Errno());
  }
  // "sequence N", "state open|closed", and when closed "manifest NAME SIZE".
  std::string word, state;
  bool ok = static_cast<bool>(in >> word >> record->sequence) && word == "sequence" &&
            static_cast<bool>(in >> word >> state) && word == "state" &&
            (state == "open" || state == "closed");
  record->closed = state == "closed";
  if (ok && record->closed) {
    ok = static_cast<bool>(in >> word >> record->manifest >> record->manifest_size) &&
         word == "manifest";
    record->manifest += "\n";  // CURRENT ends with one
  }
  if (!ok) return Status::Corruption(path + " is damaged (expected 'sequence N', 'state ...')");
  *found = true;
  return Status::OK();
}

Status WriteDurable(const std::string& dir, const DurableRecord& record) {
  std::string path = dir + "/" + kDurableFile;
  std::string tmp = path + ".tmp";
  std::string text = "sequence " + std::to_string(record.sequence) + "\nstate " +
                     (record.closed ? "closed" : "open") + "\n";
  if (record.closed) {
    std::string name = record.manifest;
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.pop_back();
    text += "manifest " + name + " " + std::to_string(record.manifest_size) + "\n";
  }
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError("cannot write " + tmp + ": " + Errno());
  bool ok = WriteAll(fd, text) && ::fsync(fd) == 0;
  std::string err = ok ? "" : Errno();
  ::close(fd);
  if (!ok) {
    ::unlink(tmp.c_str());
    return Status::IOError("cannot write " + tmp + ": " + err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    err = Errno();
    ::unlink(tmp.c_str());
    return Status::IOError("cannot write " + path + ": " + err);
  }
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return Status::IOError("cannot sync folder " + dir + ": " + Errno());
  ok = ::fsync(dfd) == 0;
  err = ok ? "" : Errno();
  ::close(dfd);
  if (!ok) return Status::IOError("cannot sync folder " + dir + ": " + err);
  return Status::OK();
}

Fingerprint TakeFingerprint(const std::string& dir) {
  Fingerprint f;
  std::ifstream in(dir + "/CURRENT", std::ios::binary);
  if (!in) return f;
  std::ostringstream ss;
  ss << in.rdbuf();
  f.current = ss.str();
  std::string name = f.current;
  while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.pop_back();
  struct stat st;
  if (!name.empty() && name.find('/') == std::string::npos &&
      ::stat((dir + "/" + name).c_str(), &st) == 0) {
    f.manifest_size = static_cast<int64_t>(st.st_size);
  }
  return f;
}

}  // namespace parley::store_files
