// Status: the outcome of an operation that can fail, carried as a value.
//
// Parley's libraries never throw across their interfaces: every fallible call returns a Status
// (or fills an out-parameter and returns one). A Status is either OK or carries a code and a
// one-line message meant for the user ("facts.jsonl:12: expected ':' at column 7").
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace parley {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,      // the thing asked for does not exist
    kInvalidInput,  // the user's input is malformed (file, JSON, query)
    kIOError,       // the file system or database failed
    kBusy,          // the database is held by another writer
    kIncompatible,  // the database was written by another schema version
    kCorruption,    // stored bytes do not decode
    kUsage,         // the command line is wrong
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status InvalidInput(std::string msg) {
    return Status(Code::kInvalidInput, std::move(msg));
  }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Busy(std::string msg) { return Status(Code::kBusy, std::move(msg)); }
  static Status Incompatible(std::string msg) {
    return Status(Code::kIncompatible, std::move(msg));
  }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Usage(std::string msg) { return Status(Code::kUsage, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  Code code() const { return code_; }
  // The one-line message; empty for OK.
  const std::string& message() const { return message_; }
  // The same status with `context` put in front of its message ("file.jsonl:3: ...").
  Status WithContext(std::string_view context) const {
    if (ok()) return *this;
    return Status(code_, std::string(context) + ": " + message_);
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Evaluates `expr` (a Status) and returns it from the calling function if it is not OK.
#define PARLEY_RETURN_IF_ERROR(expr)       \
  do {                                     \
    ::parley::Status _parley_s = (expr);   \
    if (!_parley_s.ok()) return _parley_s; \
  } while (0)

}  // namespace parley
