#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

// The temporary file being written, removed by the signal handler if the user interrupts.
char g_temp[4096];
volatile sig_atomic_t g_temp_set = 0;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_old[3];

extern "C" void RemoveTempAndDie(int sig) {
  if (g_temp_set) ::unlink(g_temp);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void GuardTemp(const std::string& temp) {
  if (temp.size() >= sizeof g_temp) return;
  std::memcpy(g_temp, temp.c_str(), temp.size() + 1);
  g_temp_set = 1;
  struct sigaction sa {};
  sa.sa_handler = RemoveTempAndDie;
  sigemptyset(&sa.sa_mask);
  for (int i = 0; i < 3; ++i) ::sigaction(kSignals[i], &sa, &g_old[i]);
}

void UnguardTemp() {
  if (!g_temp_set) return;
  for (int i = 0; i < 3; ++i) ::sigaction(kSignals[i], &g_old[i], nullptr);
  g_temp_set = 0;
}

// Writes all of `data`, retrying short writes and EINTR; false with errno set on failure.
bool WriteAll(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

// fsyncs folder `dir` so that a rename in it survives a crash; file systems that cannot
// fsync a folder are not an error.
void SyncFolder(const std::string& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// What `st` is, for a path -o cannot replace with a file; "" when it can.
std::string Refusal(const struct stat& st) {
  if (S_ISDIR(st.st_mode)) return "a folder";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "a device";
  if (S_ISFIFO(st.st_mode)) return "a FIFO";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  return "";
}

// `path` with its symbolic links followed to the end (a dangling link: to where it points).
Status FollowLinks(const std::string& path, std::string* target) {
  fs::path p = path;
  for (int hops = 0;; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(p, ec))) break;
    if (hops == 40) return Status::InvalidInput("-o " + path + ": too many symbolic links");
    fs::path next = fs::read_symlink(p, ec);
    if (ec) return Status::IOError("-o " + path + ": " + ec.message());
    p = next.is_absolute() ? next : p.parent_path() / next;
  }
  *target = p.string();
  return Status::OK();
}

int Umask() {
  mode_t m = ::umask(0);
  ::umask(m);
  return static_cast<int>(m);
}

std::string Parent(const std::string& path) {
  std::string dir = fs::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

FdBuffer* g_stdout = nullptr;

Status StdoutError(int err) {
  return Status::IOError(std::string("cannot write standard output: ") +
                         (err ? std::strerror(err) : "write failed"));
}

}  // namespace

FdBuffer::FdBuffer(int fd) : fd_(fd) {
  setp(buffer_, buffer_ + sizeof buffer_);
}

FdBuffer::~FdBuffer() {
  Drain();
}

bool FdBuffer::Drain() {
  size_t n = static_cast<size_t>(pptr() - pbase());
  setp(buffer_, buffer_ + sizeof buffer_);
  if (error_) return false;
  if (n > 0 && !WriteAll(fd_, buffer_, n)) {
    error_ = errno ? errno : EIO;
    return false;
  }
  return true;
}

FdBuffer::int_type FdBuffer::overflow(int_type c) {
  if (!Drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize FdBuffer::xsputn(const char* s, std::streamsize n) {
  if (error_) return 0;
  std::streamsize room = epptr() - pptr();
  if (n <= room) {
    std::memcpy(pptr(), s, static_cast<size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  if (!Drain()) return 0;
  if (n < static_cast<std::streamsize>(sizeof buffer_)) {
    std::memcpy(pptr(), s, static_cast<size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  if (!WriteAll(fd_, s, static_cast<size_t>(n))) {
    error_ = errno ? errno : EIO;
    return 0;
  }
  return n;
}

int FdBuffer::sync() {
  return Drain() ? 0 : -1;
}

OutputFile::OutputFile(std::string path, std::string target, std::string temp, int fd, int mode)
    : path_(std::move(path)),
      target_(std::move(target)),
      temp_(std::move(temp)),
      fd_(fd),
      mode_(mode),
      buffer_(fd),
      stream_(&buffer_) {}

Status OutputFile::Create(const std::string& path, std::unique_ptr<OutputFile>* out) {
  if (path.empty()) return Status::Usage("-o needs a file name");
  std::string target;
  PARLEY_RETURN_IF_ERROR(FollowLinks(path, &target));
  int mode = 0666 & ~Umask();
  struct stat st;
  if (::stat(target.c_str(), &st) == 0) {
    std::string what = Refusal(st);
    if (what == "a folder")
      return Status::InvalidInput("-o " + path + " is a folder; give a file name");
    if (!what.empty()) {
      return Status::InvalidInput("-o " + path + " is " + what + "; -o writes regular files (> " +
                                  path + " writes into it)");
    }
    mode = static_cast<int>(st.st_mode & 07777);
  } else if (errno != ENOENT) {
    return Status::IOError("cannot write " + path + ": " + std::strerror(errno));
  }
  std::string dir = Parent(target);
  std::string name = fs::path(target).filename().string();
  std::string temp = dir + "/." + name + ".parley-XXXXXX";
  std::vector<char> tmpl(temp.begin(), temp.end());
  tmpl.push_back('\0');
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return Status::IOError("cannot write " + path + ": " + std::strerror(errno));
  temp.assign(tmpl.data());
  GuardTemp(temp);
  out->reset(new OutputFile(path, target, temp, fd, mode));
  return Status::OK();
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_.c_str());
  UnguardTemp();
}

Status OutputFile::WriteError() const {
  if (!buffer_.error()) return Status::OK();
  return Status::IOError("cannot write " + path_ + ": " + std::strerror(buffer_.error()));
}

Status OutputFile::Commit() {
  stream_.flush();
  PARLEY_RETURN_IF_ERROR(WriteError());
  auto fail = [&](const char* step) {
    return Status::IOError("cannot write " + path_ + ": " + step + std::strerror(errno));
  };
  if (::fchmod(fd_, static_cast<mode_t>(mode_)) != 0) return fail("");
  if (::fsync(fd_) != 0) return fail("");
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return fail("");
  if (::rename(temp_.c_str(), target_.c_str()) != 0) return fail("rename: ");
  committed_ = true;
  SyncFolder(Parent(target_));
  return Status::OK();
}

Status WriteFolder(const std::string& path, const std::function<Status(const std::string&)>& fill) {
  if (path.empty()) return Status::Usage("-o needs a folder name");
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0) return Status::InvalidInput(path + " exists already");
  std::string dir = Parent(path);
  std::string name = fs::path(path).filename().string();
  std::string temp = dir + "/." + name + ".parley-XXXXXX";
  std::vector<char> tmpl(temp.begin(), temp.end());
  tmpl.push_back('\0');
  if (!::mkdtemp(tmpl.data()))
    return Status::IOError("cannot write " + path + ": " + std::strerror(errno));
  temp.assign(tmpl.data());
  Status s = fill(temp);
  std::error_code ec;
  if (s.ok()) {
    // Every file in the folder reaches the disk before the folder takes its name.
    for (const auto& entry : fs::directory_iterator(temp, ec)) {
      int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0 || ::fsync(fd) != 0) {
        s = Status::IOError("cannot write " + path + "/" + entry.path().filename().string() + ": " +
                            std::strerror(errno));
      }
      if (fd >= 0) ::close(fd);
      if (!s.ok()) break;
    }
    if (ec && s.ok()) s = Status::IOError("cannot write " + path + ": " + ec.message());
  }
  if (s.ok()) {
    SyncFolder(temp);
    if (::rename(temp.c_str(), path.c_str()) != 0) {
      s = Status::IOError("cannot write " + path + ": rename: " + std::strerror(errno));
    }
  }
  if (!s.ok()) {
    fs::remove_all(temp, ec);
    return s;
  }
  SyncFolder(dir);
  return Status::OK();
}

void CheckStdoutWrites(bool prompt) {
  if (::isatty(STDOUT_FILENO)) return;
  // Never destroyed: std::cout is flushed once more after static objects are gone.
  g_stdout = new FdBuffer(STDOUT_FILENO);
  std::cout.rdbuf(g_stdout);
  // A prompt (readline writes to stdio) shares the descriptor: keep the two in order.
  if (prompt && ::isatty(STDIN_FILENO)) std::cout.setf(std::ios::unitbuf);
}

Status StdoutStatus() {
  if (g_stdout) return g_stdout->error() ? StdoutError(g_stdout->error()) : Status::OK();
  if (!std::cout.good() || std::ferror(stdout)) return StdoutError(errno);
  return Status::OK();
}

Status FinishStdout() {
  std::cout.flush();
  errno = 0;
  if (std::fflush(stdout) != 0) return StdoutError(errno);
  return StdoutStatus();
}

}  // namespace parley::cli
