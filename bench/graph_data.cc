// See graph_data.h.
#include "bench/graph_data.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "storage/temporal_value.h"
#include "util/hash.h"

namespace parley::bench {

namespace fs = std::filesystem;

void Die(const std::string& msg) {
  std::fprintf(stderr, "%s: %s\n", g_program.c_str(), msg.c_str());
  std::exit(1);
}

void Check(const Status& s, const std::string& what) {
  if (!s.ok()) Die(what + ": " + s.message());
}

// ---------------------------------------------------------------------------- CSV

CsvReader::CsvReader(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) Die("cannot open " + path + ": " + std::strerror(errno));
  buf_.resize(size_t{4} << 20);
}

CsvReader::~CsvReader() {
  ::close(fd_);
}

// Reads the next record; false at the end of the file.
bool CsvReader::Next(std::vector<Field>* fields) {
  fields->clear();
  size_t end;  // index of the record's terminating '\n' (or of the file's end)
  for (;;) {
    if (FindRecordEnd(&end)) break;
    if (eof_) {
      if (begin_ == len_) return false;
      end = len_;  // last record without a newline
      break;
    }
    Refill();
  }
  ++line_;
  char* p = buf_.data() + begin_;
  char* stop = buf_.data() + end;
  if (stop > p && stop[-1] == '\r') --stop;
  begin_ = end < len_ ? end + 1 : end;
  // Split into fields; a quoted field is unescaped in place (it only gets shorter).
  for (;;) {
    Field f;
    if (p < stop && *p == '"') {
      f.quoted = true;
      char* out = ++p;
      char* start = out;
      while (p < stop) {
        if (*p == '"') {
          if (p + 1 < stop && p[1] == '"') {
            *out++ = '"';
            p += 2;
            continue;
          }
          ++p;  // closing quote
          break;
        }
        *out++ = *p++;
      }
      f.text = std::string_view(start, static_cast<size_t>(out - start));
      // Anything between the closing quote and the comma is kept out (malformed input).
      while (p < stop && *p != ',') ++p;
    } else {
      char* start = p;
      char* comma = static_cast<char*>(std::memchr(p, ',', static_cast<size_t>(stop - p)));
      p = comma ? comma : stop;
      f.text = std::string_view(start, static_cast<size_t>(p - start));
    }
    fields->push_back(f);
    if (p >= stop) break;
    ++p;  // the comma
  }
  return true;
}

// Finds the record end from begin_: a '\n' outside quotes. Lines without quotes (most) take
// the memchr fast path.
bool CsvReader::FindRecordEnd(size_t* end) {
  const char* base = buf_.data();
  const char* nl = static_cast<const char*>(std::memchr(base + begin_, '\n', len_ - begin_));
  if (!nl) return false;
  if (!std::memchr(base + begin_, '"', static_cast<size_t>(nl - (base + begin_)))) {
    *end = static_cast<size_t>(nl - base);
    return true;
  }
  bool in_quotes = false;
  for (size_t i = begin_; i < len_; ++i) {
    char c = base[i];
    if (c == '"') {
      in_quotes = !in_quotes;  // "" toggles twice
    } else if (c == '\n' && !in_quotes) {
      *end = i;
      return true;
    }
  }
  return false;
}

void CsvReader::Refill() {
  std::memmove(buf_.data(), buf_.data() + begin_, len_ - begin_);
  len_ -= begin_;
  begin_ = 0;
  if (len_ == buf_.size()) buf_.resize(buf_.size() * 2);  // a record longer than the buffer
  while (len_ < buf_.size()) {
    ssize_t r = ::read(fd_, buf_.data() + len_, buf_.size() - len_);
    if (r < 0) {
      if (errno == EINTR) continue;
      Die("reading " + path_ + ": " + std::strerror(errno));
    }
    if (r == 0) {
      eof_ = true;
      break;
    }
    len_ += static_cast<size_t>(r);
  }
}

// An unquoted field that is a whole decimal integer is an int; one that is a calendar day
// (YYYY-MM-DD) a Date, as Parley stores dates; an empty unquoted one is null (absent); anything
// else is a string.
Value FieldValue(const CsvReader::Field& f) {
  if (!f.quoted) {
    if (f.text.empty()) return Value();
    int64_t v;
    auto [ptr, ec] = std::from_chars(f.text.data(), f.text.data() + f.text.size(), v);
    if (ec == std::errc() && ptr == f.text.data() + f.text.size()) return Value(v);
    int64_t day;
    if (temporal::ParseIsoDay(f.text, &day)) {
      auto t = std::make_shared<Temporal>();
      t->kind = Temporal::Kind::kDate;
      t->epoch_day = day;
      return Value(std::shared_ptr<const Temporal>(std::move(t)));
    }
  }
  return Value(f.text);
}

// ---------------------------------------------------------------------------- the graph

const EdgeKind kEdgeKinds[4] = {
    {"MAKES", "DEMANDS", "Actor", "Demand"},
    {"TARGETS", "OF", "Demand", "Actor"},
    {"CONCERNS", "ABOUT", "Demand", "Policy"},
    {"REPORTED_IN", "REPORTED_IN", "Demand", "Article"},
};

GraphFiles FindFiles(const std::string& data_dir) {
  GraphFiles g;
  fs::path csv = fs::path(data_dir) / "csv";
  std::error_code ec;
  if (!fs::is_directory(csv, ec)) Die(csv.string() + " is not a folder (run gen.py first)");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(csv)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::string name = p.filename().string();
    if (!name.ends_with(".csv")) continue;
    std::string stem = name.substr(0, name.size() - 4);
    if (stem.starts_with("nodes_")) {
      g.nodes.emplace_back(stem.substr(6), p.string());
    } else if (stem.starts_with("edges_")) {
      std::string t = stem.substr(6);
      const EdgeKind* kind = nullptr;
      for (const auto& k : kEdgeKinds) {
        if (t == k.file_type) kind = &k;
      }
      if (!kind) Die("no mapping for edge file " + name);
      g.edges.emplace_back(kind, p.string());
    }
  }
  if (g.nodes.empty() || g.edges.empty()) Die("no nodes_*.csv / edges_*.csv in " + csv.string());
  return g;
}

// IdFor("<prefix>:<number text>") without a heap allocation.
uint64_t IdOf(std::string_view prefix, std::string_view number) {
  char buf[128];
  if (prefix.size() + 1 + number.size() > sizeof buf) {
    return parley::IdFor(std::string(prefix) + ":" + std::string(number));
  }
  std::memcpy(buf, prefix.data(), prefix.size());
  buf[prefix.size()] = ':';
  std::memcpy(buf + prefix.size() + 1, number.data(), number.size());
  return parley::IdFor(std::string_view(buf, prefix.size() + 1 + number.size()));
}

uint64_t IdOf(std::string_view prefix, uint64_t n) {
  char num[24];
  auto [end, ec] = std::to_chars(num, num + sizeof num, n);
  (void)ec;
  return IdOf(prefix, std::string_view(num, static_cast<size_t>(end - num)));
}

uint64_t LabelIds::Get(std::string_view csv_id) {
  int64_t n;
  auto [ptr, ec] = std::from_chars(csv_id.data(), csv_id.data() + csv_id.size(), n);
  if (ec != std::errc() || ptr != csv_id.data() + csv_id.size() || n < 0 || n >= kMax) {
    return IdOf(label_, csv_id);
  }
  size_t i = static_cast<size_t>(n);
  if (i >= ids_.size()) ids_.resize(std::max(i + 1, ids_.size() * 2), 0);
  if (ids_[i] == 0) ids_[i] = IdOf(label_, csv_id);  // IdFor never returns 0
  return ids_[i];
}

LabelIds* IdCache::For(const std::string& label) {
  auto it = by_label_.find(label);
  if (it == by_label_.end()) it = by_label_.emplace(label, std::make_unique<LabelIds>(label)).first;
  return it->second.get();
}

namespace {

int64_t ParseInt(std::string_view s, const CsvReader& r, const std::string& path) {
  int64_t v;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) {
    Die(path + ":" + std::to_string(r.line()) + ": not an integer id: '" + std::string(s) + "'");
  }
  return v;
}

}  // namespace

void ReadNodes(const std::string& label, const std::string& path, const Subset* subset,
               GraphSink* sink, ReadCounts* counts, IdCache* ids) {
  CsvReader r(path);
  std::vector<CsvReader::Field> f;
  if (!r.Next(&f) || f.empty()) Die(path + ": no header");
  std::vector<std::string> columns;
  for (const auto& c : f) columns.emplace_back(c.text);
  // One map reused for every row: its entries stay, only their values change.
  PropertyMap props;
  std::vector<Value*> slots;
  for (const auto& c : columns) slots.push_back(&props[c]);
  std::vector<std::string> labels{label};
  LabelIds* node_ids = ids->For(label);
  while (r.Next(&f)) {
    if (f.size() != columns.size()) {
      Die(path + ":" + std::to_string(r.line()) + ": " + std::to_string(f.size()) +
          " fields, header has " + std::to_string(columns.size()));
    }
    if (subset && !subset->node(label, ParseInt(f[0].text, r, path))) continue;
    for (size_t i = 0; i < f.size(); ++i) *slots[i] = FieldValue(f[i]);
    sink->Node(node_ids->Get(f[0].text), labels, props);
    ++counts->labels[label];
    ++counts->nodes;
  }
}

void ReadEdges(const EdgeKind& kind, const std::string& path, const Subset* subset, GraphSink* sink,
               ReadCounts* counts, IdCache* ids) {
  LabelIds* from = ids->For(kind.from);
  LabelIds* to = ids->For(kind.to);
  CsvReader r(path);
  std::vector<CsvReader::Field> f;
  if (!r.Next(&f) || f.size() < 2) Die(path + ": no from,to header");
  uint64_t row = 0;
  int64_t n = 0;
  const PropertyMap no_props;
  while (r.Next(&f)) {
    if (f.size() < 2) Die(path + ":" + std::to_string(r.line()) + ": expected from,to");
    uint64_t this_row = row++;
    if (subset && !subset->edge(kind, ParseInt(f[0].text, r, path), ParseInt(f[1].text, r, path))) {
      continue;
    }
    sink->Rel(IdOf(kind.type, this_row), kind.type, from->Get(f[0].text), to->Get(f[1].text),
              no_props);
    ++n;
  }
  counts->types[kind.type] += n;
  counts->rels += n;
}

ReadCounts ReadGraph(const GraphFiles& g, const Subset* subset, GraphSink* sink) {
  ReadCounts c;
  IdCache ids;
  for (const auto& [label, path] : g.nodes) ReadNodes(label, path, subset, sink, &c, &ids);
  for (const auto& [kind, path] : g.edges) ReadEdges(*kind, path, subset, sink, &c, &ids);
  return c;
}

// ---------------------------------------------------------------------------- sinks

void BulkSink::Node(uint64_t id, const std::vector<std::string>& labels, const PropertyMap& p) {
  Check(loader->AddNode(id, labels, p), "bulk AddNode");
}

void BulkSink::Rel(uint64_t id, const char* type, uint64_t start, uint64_t end,
                   const PropertyMap& p) {
  Check(loader->AddRelationship(id, type, start, end, p), "bulk AddRelationship");
}

}  // namespace parley::bench
