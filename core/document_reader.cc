#include "core/document_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/facts.h"
#include "util/hash.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

bool HasArticleExtension(const fs::path& p) {
  std::string ext = Lower(p.extension().string());
  return ext == ".txt" || ext == ".md" || ext == ".jsonl" || ext == ".text" || ext == ".markdown";
}

bool IsJsonl(const std::string& path) {
  return path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0;
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// `s` without a UTF-8 byte order mark at its start (editors on Windows write one).
void DropBom(std::string* s) {
  if (s->compare(0, kBom.size(), kBom) == 0) s->erase(0, kBom.size());
}

// The id and name of the article file `path`: the path relative to the working folder if
// the file is in it, else absolute, with ".", ".." and symbolic links resolved, so that
// `a.txt`, `./x/../a.txt` and `$PWD/a.txt` are one article.
std::string ArticlePath(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(path, ec);
  if (ec) return fs::path(path).lexically_normal().string();
  fs::path cwd = fs::weakly_canonical(fs::current_path(ec), ec);
  if (!ec) {
    fs::path rel = abs.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.string();
  }
  return abs.string();
}

// Adds the article files under folder `dir` to `found`, in any order; a subfolder that
// cannot be read is reported through `warn` and left out.
void FindArticles(const fs::path& dir, const DocumentReader::WarningFn& warn,
                  std::vector<std::string>* found) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    warn(ArticlePath(dir.string()) + ": cannot read folder (" + ec.message() + "); skipped");
    return;
  }
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code e2;
    fs::file_status link = it->symlink_status(e2);
    // Symbolic links to folders are not followed (no loops); links to files are read.
    if (fs::is_directory(link)) {
      FindArticles(it->path(), warn, found);
      continue;
    }
    // A folder's README describes the folder; it is not one of its articles.
    bool readme = it->path().stem().string().rfind("README", 0) == 0;
    if (it->is_regular_file(e2) && HasArticleExtension(it->path()) && !readme) {
      found->push_back(ArticlePath(it->path().string()));
    }
  }
  if (ec)
    warn(ArticlePath(dir.string()) + ": cannot read folder (" + ec.message() + "); partly skipped");
}

// Why `text` is not usable as an article, or "" if it is.
std::string TextProblem(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return "binary data (NUL bytes)";
  size_t bad;
  if (!IsValidUtf8(text, &bad)) return "invalid UTF-8 at byte " + std::to_string(bad);
  return "";
}

}  // namespace

void ParseArticleHeader(Document* doc) {
  // Looks only at the first few lines; the text itself is never changed.
  size_t pos = 0;
  std::vector<std::string> lines;
  while (lines.size() < 4 && pos < doc->text.size()) {
    size_t nl = doc->text.find('\n', pos);
    if (nl == std::string::npos) nl = doc->text.size();
    lines.emplace_back(Trim(std::string_view(doc->text).substr(pos, nl - pos)));
    pos = nl + 1;
  }
  if (lines.empty()) return;
  std::string title = lines[0];
  while (!title.empty() && title[0] == '#') title.erase(0, 1);
  title = std::string(Trim(title));
  // A first line that is a whole paragraph is not a title.
  if (doc->title.empty() && title.size() <= 200 && lines.size() > 1) doc->title = title;
  static const std::regex kDate(R"((\d{4}-\d{2}-\d{2}))");
  static const std::regex kBy(R"(^[Bb]y\s+([^|]+?)\s*(\||$))");
  for (size_t i = 1; i < lines.size(); ++i) {
    std::smatch m;
    if (doc->date.empty() && std::regex_search(lines[i], m, kDate)) doc->date = m[1];
    if (std::regex_search(lines[i], m, kBy) && doc->source.empty())
      doc->source = std::string(Trim(m[1].str()));
  }
}

Status DocumentReader::Open(const std::vector<std::string>& paths, const Options& options,
                            WarningFn warn, std::unique_ptr<DocumentReader>* out) {
  std::unique_ptr<DocumentReader> r(new DocumentReader());
  r->options_ = options;
  r->warn_ = warn ? std::move(warn) : [](const std::string&) {};
  if (paths.empty()) return Status::Usage("no input named (give files, folders, or - for stdin)");
  for (const std::string& p : paths) {
    if (p == "-") {
      r->files_.push_back(p);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return Status::NotFound("no such file or folder: " + p);
    if (fs::is_directory(st)) {
      std::error_code open_ec;
      fs::directory_iterator probe(p, open_ec);
      if (open_ec) return Status::IOError("cannot read folder " + p + ": " + open_ec.message());
      std::vector<std::string> found;
      FindArticles(p, r->warn_, &found);
      if (found.empty()) {
        return Status::InvalidInput(p + ": nothing to read (no .txt, .md or .jsonl files)");
      }
      std::sort(found.begin(), found.end());
      r->files_.insert(r->files_.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(st)) {
      r->files_.push_back(ArticlePath(p));
    } else {
      r->files_.push_back(fs::path(p).lexically_normal().string());  // a pipe, FIFO or device
    }
  }
  for (const auto& f : r->files_) {
    std::error_code ec;
    if (f != "-") r->bytes_total_ += fs::file_size(f, ec);
  }
  *out = std::move(r);
  return Status::OK();
}

DocumentReader::~DocumentReader() {
  if (in_ && in_ != stdin) std::fclose(in_);
}

Status DocumentReader::OpenNextFile(bool* done) {
  if (in_ && in_ != stdin) std::fclose(in_);
  in_ = nullptr;
  while (next_file_ < files_.size()) {
    current_ = files_[next_file_++];
    if (current_ == "-") {
      in_ = stdin;
    } else {
      in_ = std::fopen(current_.c_str(), "rb");
      if (!in_) {
        warn_(current_ + ": " + std::strerror(errno) + "; skipped");
        ++skipped_;
        continue;
      }
    }
    line_no_ = 0;
    // Standard input, a pipe or a FIFO has no name to tell JSONL by: its first character does.
    struct stat st;
    bool sniff = current_ == "-" || (::fstat(::fileno(in_), &st) == 0 && !S_ISREG(st.st_mode));
    if (options_.lines) {
      mode_ = Mode::kLines;
    } else if (sniff && !IsJsonl(current_)) {
      int c = std::fgetc(in_);
      while (c == ' ' || c == '\n' || c == '\r' || c == '\t') c = std::fgetc(in_);
      // A byte order mark before the '{' is dropped. Bytes read that are not one cannot all be
      // pushed back: they start the text of a whole article (only '{' starts JSONL).
      if (c == 0xEF) {
        int c2 = std::fgetc(in_), c3 = c2 == 0xBB ? std::fgetc(in_) : EOF;
        if (c2 == 0xBB && c3 == 0xBF) {
          c = std::fgetc(in_);
        } else {
          prefix_ = "\xEF";
          for (int b : {c2, c3}) {
            if (b != EOF) prefix_.push_back(static_cast<char>(b));
          }
          c = EOF;
        }
      }
      if (c != EOF) std::ungetc(c, in_);
      mode_ = c == '{' ? Mode::kJsonl : Mode::kWhole;
    } else {
      mode_ = IsJsonl(current_) ? Mode::kJsonl : Mode::kWhole;
    }
    *done = false;
    return Status::OK();
  }
  *done = true;
  return Status::OK();
}

bool DocumentReader::ReadLine(std::string* line) {
  // Byte by byte, so that NUL bytes are kept (binary data is seen and reported, not cut short)
  // and a line longer than the limit is not held: one byte past it is enough to say so.
  line->clear();
  const size_t keep = options_.max_document_bytes + 1;
  bool any = false;
  int c;
  while ((c = getc_unlocked(in_)) != EOF) {
    any = true;
    ++bytes_read_;
    if (c == '\n') break;
    if (line->size() < keep) line->push_back(static_cast<char>(c));
  }
  if (!any) return false;
  if (!line->empty() && line->back() == '\r' && line->size() < keep) line->pop_back();
  return true;
}

Status DocumentReader::NextFromLine(Document* doc, bool* got) {
  *got = false;
  // A loop, not recursion: a file of a million blank or bad lines must not exhaust the stack.
  for (;;) {
    std::string line;
    if (!ReadLine(&line)) return Status::OK();
    ++line_no_;
    if (line_no_ == 1) DropBom(&line);
    std::string where = current_ + ":" + std::to_string(line_no_);
    if (mode_ == Mode::kLines) {
      *doc = Document();
      doc->id = std::to_string(line_no_);
      doc->source = current_;
      std::string problem =
          line.size() > options_.max_document_bytes ? "line too long" : TextProblem(line);
      if (!problem.empty()) {
        warn_(where + ": " + problem + "; read as empty");
        ++skipped_;
      } else {
        doc->text = std::move(line);
      }
      *got = true;
      return Status::OK();
    }
    if (Trim(line).empty()) continue;
    if (line.size() > options_.max_document_bytes) {
      warn_(where + ": line longer than " + std::to_string(options_.max_document_bytes) +
            " bytes; skipped");
      ++skipped_;
      continue;
    }
    Status s = ParseArticleLine(line, where, doc);
    if (!s.ok()) {
      warn_(where + ": " + s.message() + "; skipped");
      ++skipped_;
      continue;
    }
    *got = true;
    return Status::OK();
  }
}

Status DocumentReader::Next(Document* doc, bool* done) {
  for (;;) {
    if (!in_) {
      PARLEY_RETURN_IF_ERROR(OpenNextFile(done));
      if (*done) return Status::OK();
    }
    if (mode_ != Mode::kWhole) {
      bool got;
      PARLEY_RETURN_IF_ERROR(NextFromLine(doc, &got));
      if (got) {
        *done = false;
        return Status::OK();
      }
      if (in_ != stdin) std::fclose(in_);
      in_ = nullptr;
      continue;
    }
    std::string text = std::move(prefix_);
    prefix_.clear();
    char buf[65536];
    size_t n;
    bool too_big = false;
    while ((n = std::fread(buf, 1, sizeof buf, in_)) > 0) {
      bytes_read_ += n;
      if (text.size() + n > options_.max_document_bytes) {
        too_big = true;
        continue;  // keep reading to count progress, but do not keep it
      }
      text.append(buf, n);
    }
    if (in_ != stdin) std::fclose(in_);
    in_ = nullptr;
    std::string problem =
        too_big ? "larger than " + std::to_string(options_.max_document_bytes) + " bytes"
                : TextProblem(text);
    DropBom(&text);
    if (problem.empty() && Trim(text).empty()) problem = "empty";
    if (!problem.empty()) {
      warn_(current_ + ": " + problem + "; skipped");
      ++skipped_;
      continue;
    }
    if (current_ == "-") {
      *doc = ArticleFromText(std::move(text), "stdin");
    } else {
      *doc = Document();
      doc->id = doc->source = current_;
      doc->text = std::move(text);
      ParseArticleHeader(doc);
    }
    *done = false;
    return Status::OK();
  }
}

Status ParseArticleLine(const std::string& line, const std::string& where, Document* doc) {
  auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    std::string problem = TextProblem(line);
    return Status::InvalidInput(problem.empty() ? "not a JSON object" : problem);
  }
  *doc = Document();
  auto str = [&](const char* k) -> std::string {
    auto it = j.find(k);
    if (it == j.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
    return "";
  };
  doc->id = str("id");
  if (doc->id.empty()) doc->id = where;
  doc->title = str("title");
  doc->date = str("date");
  doc->source = str("source");
  doc->text = str("text");
  if (doc->text.empty()) doc->text = str("body");
  DropBom(&doc->title);
  DropBom(&doc->text);
  if (Trim(doc->text).empty())
    return Status::InvalidInput("article " + doc->id + " has no text (\"text\" or \"body\")");
  return Status::OK();
}

Document ArticleFromText(std::string text, const std::string& origin) {
  Document doc;
  DropBom(&text);
  doc.id = origin + ":" + HashHex(text).substr(0, 16);
  doc.source = origin;
  doc.text = std::move(text);
  ParseArticleHeader(&doc);
  return doc;
}

}  // namespace parley
