// DocumentReader: reads articles from the paths a user names, one at a time.
//
// A .txt or .md file is one article (title from its first line, a date from its byline if it
// has one); a .jsonl file holds one article a line ({"id","title","date","source","text"});
// a folder is read recursively in name order (README files left out); "-" is standard input,
// and a pipe or FIFO is read like it (JSONL if its first character is '{', else one article).
// With `lines`, every input line is one article whose id is its 1-based line number.
//
// A file's article id is its path relative to the working folder (absolute if outside it),
// with ".", ".." and symbolic links resolved, so one file is one article however it is named.
// A UTF-8 byte order mark at the start of a file, a title or a text is dropped.
// Input that cannot be read as UTF-8 text, a JSONL article with no text and a subfolder that
// cannot be read are skipped with a warning naming the file (and line); the rest is read.
#pragma once

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "util/status.h"

namespace parley {

class DocumentReader {
 public:
  struct Options {
    bool lines = false;
    // Longest JSONL line or file accepted, in bytes; longer ones are skipped with a warning.
    size_t max_document_bytes = 64u << 20;
  };
  using WarningFn = std::function<void(const std::string&)>;

  // Checks that every path exists and that folders hold something to read; the error names
  // the first path that does not. Nothing is read yet.
  static Status Open(const std::vector<std::string>& paths, const Options& options, WarningFn warn,
                     std::unique_ptr<DocumentReader>* reader);

  ~DocumentReader();

  // Reads the next document into `doc`; `*done` is set at the end of the input.
  Status Next(Document* doc, bool* done);

  // Bytes of input consumed so far and in all (0 when unknown, e.g. stdin), for progress.
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t bytes_total() const { return bytes_total_; }
  // Documents skipped because they were not valid text.
  int skipped() const { return skipped_; }

 private:
  DocumentReader() = default;
  Status OpenNextFile(bool* done);
  bool ReadLine(std::string* line);
  Status NextFromLine(Document* doc, bool* got);

  Options options_;
  WarningFn warn_;
  std::vector<std::string> files_;  // "-" for stdin
  size_t next_file_ = 0;
  std::FILE* in_ = nullptr;
  std::string current_;
  std::string prefix_;  // bytes read to tell the kind of input, to go before the rest
  enum class Mode { kWhole, kJsonl, kLines } mode_ = Mode::kWhole;
  int64_t line_no_ = 0;
  uint64_t bytes_read_ = 0, bytes_total_ = 0;
  int skipped_ = 0;
};

// Splits a plain-text article into title, date and source from its first lines, as news
// files commonly start: a title line, then an optional byline such as "By A. Writer | 2026-03-14".
void ParseArticleHeader(Document* doc);

// One JSONL article line ({"id","title","date","source","text" or "body"}) as a document; an
// article without an id gets `where` (file:line). kInvalidInput, saying what is wrong (not
// JSON, not text, no text), for a line that is not an article; `where` is not in the message.
Status ParseArticleLine(const std::string& line, const std::string& where, Document* doc);

// A plain-text article that came without a name (standard input, a request): its id is
// `origin` + ":" + the start of its text's hash, so the same text is the same article; title,
// date are read from its first lines as for a file (ParseArticleHeader); its source is `origin`.
Document ArticleFromText(std::string text, const std::string& origin);

}  // namespace parley
