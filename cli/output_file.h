// Writing a command's output to `-o PATH` so that PATH holds either what it held before or the
// whole new output, never a part, and so that nothing else is touched:
//
// - the output goes to a temporary file (or folder) with a unique name made by mkstemp
//   (mkdtemp) in PATH's own folder, is flushed and fsynced, then renamed onto PATH and the
//   folder fsynced;
// - PATH may be missing or a regular file (replaced; its permission bits are kept); a symbolic
//   link is followed and its target replaced, so the link stays; a folder, device, FIFO or
//   socket is refused with one line;
// - on any error, or on SIGINT/SIGTERM/SIGHUP while writing, the temporary is removed, and
//   only it: nothing that was there before is deleted;
// - an error names PATH and the reason ("cannot write out.gexf: No space left on device").
//
// And standard output: write errors (a full disk, an I/O error) are found and turned into one
// line, so that `parley extract ... > /dev/full` does not exit 0.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include "util/status.h"

namespace parley::cli {

// A stream buffer over a file descriptor that remembers the first write error (its errno).
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd);
  ~FdBuffer() override;
  // 0, or the errno of the first write that failed.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool Drain();
  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

// A regular file written in full or not at all (see the file comment).
class OutputFile {
 public:
  // Checks `path` and creates the temporary file beside it; errors: the path is a folder, a
  // device, FIFO or socket, or its folder cannot be written.
  static Status Create(const std::string& path, std::unique_ptr<OutputFile>* out);
  // Removes the temporary file unless Commit succeeded.
  ~OutputFile();

  std::ostream& stream() { return stream_; }
  // OK, or the first write error ("cannot write PATH: No space left on device").
  Status WriteError() const;
  // Flushes, fsyncs, closes and renames the temporary onto the path; on error removes the
  // temporary and says why, naming the path.
  Status Commit();

 private:
  OutputFile(std::string path, std::string target, std::string temp, int fd, int mode);
  std::string path_;    // as the user gave it, for messages
  std::string target_;  // what is replaced: the path, or the end of its symbolic links
  std::string temp_;
  int fd_;
  int mode_;  // permission bits the file gets
  bool committed_ = false;
  FdBuffer buffer_;
  std::ostream stream_;
};

// Makes folder `path` (which must not exist) through `fill(temp_folder)`: a folder made with
// mkdtemp beside it, each file in it fsynced once `fill` succeeds, then renamed onto `path`.
// On error the temporary folder, which only this made, is removed with what is in it.
Status WriteFolder(const std::string& path, const std::function<Status(const std::string&)>& fill);

// Sends std::cout through an FdBuffer on descriptor 1 when standard output is not a terminal
// (on a terminal std::cout stays as it is), so that the reason of a failed write is known.
// With `prompt` (a command that may read statements at a prompt on standard input) and a
// terminal on standard input, every output operation is flushed, to stay in step with what
// the prompt writes through stdio. Called once, first thing in main.
void CheckStdoutWrites(bool prompt);

// Flushes standard output and says whether everything written to it arrived: OK, or an
// IOError "cannot write standard output: <reason>".
Status FinishStdout();

// OK while standard output accepts writes; the same error as FinishStdout otherwise. For
// long commands to stop early.
Status StdoutStatus();

}  // namespace parley::cli
