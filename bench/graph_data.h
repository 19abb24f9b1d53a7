// The synthetic news graph of ../shared/bench/graph/gen.py, read from its CSV files and handed
// to a sink element by element (shared by the store and query benchmarks).
//
// The synthetic model is mapped to Parley's names: MAKES -> DEMANDS, TARGETS -> OF,
// CONCERNS -> ABOUT, REPORTED_IN stays. Node ids are IdFor("<Label>:<csv id>"), relationship
// ids IdFor("<TYPE>:<row index>") with Parley's type name and the 0-based data row. Every CSV
// column becomes a property (the `id` column too): unquoted integers as integers, unquoted
// calendar days (YYYY-MM-DD) as Dates, empty unquoted fields as absent, anything else as a
// string.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/bulk_loader.h"
#include "storage/value.h"
#include "util/status.h"

namespace parley::bench {

// The program's name, which Die puts before its message.
inline std::string g_program = "parley_bench";

// Prints "<program>: <msg>" on stderr and exits with status 1.
[[noreturn]] void Die(const std::string& msg);
// Dies with "<what>: <message>" unless `s` is ok.
void Check(const Status& s, const std::string& what);

// ---------------------------------------------------------------------------- CSV
//
// RFC 4180 CSV read through a 4 MiB buffer (not mmap, so that the file does not count in the
// process's resident memory): fields separated by commas, records by \n or \r\n, a field in
// double quotes may hold commas, newlines and "" for a quote. Fields are views into the
// buffer, unescaped in place, valid until the next call.
class CsvReader {
 public:
  struct Field {
    std::string_view text;
    bool quoted = false;
  };

  explicit CsvReader(const std::string& path);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record; false at the end of the file.
  bool Next(std::vector<Field>* fields);

  size_t line() const { return line_; }

 private:
  bool FindRecordEnd(size_t* end);
  void Refill();

  std::string path_;
  int fd_ = -1;
  std::vector<char> buf_;
  size_t begin_ = 0, len_ = 0, line_ = 0;
  bool eof_ = false;
};

// An unquoted field that is a whole decimal integer is an int; an empty unquoted one is null
// (absent); anything else is a string.
Value FieldValue(const CsvReader::Field& f);

// ---------------------------------------------------------------------------- the graph

// How an edge file of the synthetic model maps onto Parley's model.
struct EdgeKind {
  const char* file_type;  // edges_<file_type>.csv
  const char* type;       // Parley's relationship type
  const char* from;       // label of the start node
  const char* to;         // label of the end node
};
extern const EdgeKind kEdgeKinds[4];

struct GraphFiles {
  std::vector<std::pair<std::string, std::string>> nodes;  // label, path (sorted by label)
  std::vector<std::pair<const EdgeKind*, std::string>> edges;
};

// The nodes_*.csv and edges_*.csv files of DATA_DIR/csv; dies if there are none or an edge
// file has no mapping.
GraphFiles FindFiles(const std::string& data_dir);

// IdFor("<prefix>:<number text>") without a heap allocation.
uint64_t IdOf(std::string_view prefix, std::string_view number);
uint64_t IdOf(std::string_view prefix, uint64_t n);

// Node ids of one label by CSV id, so that the ids of edge ends are hashed once per node
// rather than once per edge (gen.py's ids are small integers; others are hashed every time).
class LabelIds {
 public:
  explicit LabelIds(std::string label) : label_(std::move(label)) {}
  uint64_t Get(std::string_view csv_id);

 private:
  static constexpr int64_t kMax = int64_t{1} << 24;
  std::string label_;
  std::vector<uint64_t> ids_;
};

class IdCache {
 public:
  LabelIds* For(const std::string& label);

 private:
  std::map<std::string, std::unique_ptr<LabelIds>> by_label_;
};

// Receives the graph's elements.
struct GraphSink {
  virtual ~GraphSink() = default;
  virtual void Node(uint64_t id, const std::vector<std::string>& labels, const PropertyMap& p) = 0;
  virtual void Rel(uint64_t id, const char* type, uint64_t start, uint64_t end,
                   const PropertyMap& p) = 0;
};

// Filters of a subset: nodes by (label, csv id), edges by (type, from csv id, to csv id).
struct Subset {
  std::function<bool(const std::string& label, int64_t id)> node;
  std::function<bool(const EdgeKind& kind, int64_t from, int64_t to)> edge;
};

struct ReadCounts {
  std::map<std::string, int64_t> labels;  // rows per node label
  std::map<std::string, int64_t> types;   // rows per Parley type
  int64_t nodes = 0, rels = 0;
};

// One nodes_<label>.csv or edges_<type>.csv file into `sink` (`subset` may be null: all).
void ReadNodes(const std::string& label, const std::string& path, const Subset* subset,
               GraphSink* sink, ReadCounts* counts, IdCache* ids);
void ReadEdges(const EdgeKind& kind, const std::string& path, const Subset* subset, GraphSink* sink,
               ReadCounts* counts, IdCache* ids);

// Nodes first (files in name order), then edges, as Apply needs.
ReadCounts ReadGraph(const GraphFiles& g, const Subset* subset, GraphSink* sink);

// Hands every element to a BulkLoader (dies on its errors).
struct BulkSink : GraphSink {
  BulkLoader* loader;
  explicit BulkSink(BulkLoader* l) : loader(l) {}
  void Node(uint64_t id, const std::vector<std::string>& labels, const PropertyMap& p) override;
  void Rel(uint64_t id, const char* type, uint64_t start, uint64_t end,
           const PropertyMap& p) override;
};

}  // namespace parley::bench
