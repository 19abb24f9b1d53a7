// Neo4j's admin-import CSV: nodes.csv and relationships.csv with typed headers.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <future>
#include <map>
#include <string>

#include "graph/export.h"
#include "graph/export_writer.h"
#include "util/strings.h"

namespace parley {
namespace {

using namespace exporting;

// The Neo4j import type of a property: long and double widen to double, mixed types become
// string; lists take their items' type with "[]".
std::string Neo4jType(const std::string& have, const Value& v) {
  const Value* item = &v;
  bool list = v.is_list();
  if (list) {
    if (v.as_list().empty()) return have.empty() ? "string[]" : have;
    item = &v.as_list()[0];
  }
  std::string t = item->is_bool()    ? "boolean"
                  : item->is_int()   ? "long"
                  : item->is_float() ? "double"
                                     : "string";
  if (list) {
    for (const Value& x : v.as_list()) {
      std::string xt = x.is_bool()    ? "boolean"
                       : x.is_int()   ? "long"
                       : x.is_float() ? "double"
                                      : "string";
      if (xt != t)
        t = (xt == "double" && t == "long") || (xt == "long" && t == "double") ? "double"
                                                                               : "string";
    }
    t += "[]";
  }
  if (have.empty() || have == t) return t;
  if ((have == "long" && t == "double") || (have == "double" && t == "long")) return "double";
  bool have_list = have.ends_with("[]");
  return have_list || list ? "string[]" : "string";
}

// A property as a field of a column of type `type`.
std::string Neo4jField(const Value& v, const std::string& type) {
  auto scalar = [&](const Value& x) {
    std::string text = TextAs(x, type);
    // ';' separates array items; inside an item it would split it.
    if (type.ends_with("[]")) std::replace(text.begin(), text.end(), ';', ',');
    std::string clean;
    ForEachChar(text, [&](uint32_t cp, std::string_view bytes) {
      // No control characters (C0, DEL, C1) but line breaks and tabs.
      if ((cp >= 0x20 && cp < 0x7f) || cp > 0x9f || cp == '\n' || cp == '\t') clean.append(bytes);
    });
    return clean;
  };
  if (!type.ends_with("[]")) return CsvField(scalar(v));
  std::string joined;
  const ValueList items = v.is_list() ? v.as_list() : ValueList{v};
  for (size_t i = 0; i < items.size(); ++i) joined += (i ? ";" : "") + scalar(items[i]);
  return CsvField(joined);
}

std::string Neo4jName(const std::string& key) {
  std::string out;
  for (char c : key) out.push_back(c == ':' || c == ',' || c == '"' ? '_' : c);
  return out;
}

}  // namespace

namespace {

// One of the two files: a pass for the property columns and their types, then the header
// and a row per element. `walk(visit)` walks the elements; `row(out, element)` writes the
// fixed fields of one.
template <typename Element, typename WalkFn, typename RowFn>
Status WriteCsvFile(const std::string& path, const char* fixed_header, WalkFn&& walk, RowFn&& row) {
  std::map<std::string, std::string> keys;
  PARLEY_RETURN_IF_ERROR(walk([&](const Element& e) {
    for (const auto& [k, v] : e.properties) keys[k] = Neo4jType(keys[k], v);
    return Status::OK();
  }));
  // The file's name and why writing failed (errno of the write that failed, read at once).
  auto failed = [&] {
    std::string name = path.substr(path.find_last_of('/') + 1);
    return Status::IOError("cannot write " + name + ": " +
                           (errno ? std::strerror(errno) : "write failed"));
  };
  errno = 0;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return failed();
  out << fixed_header;
  for (const auto& [k, t] : keys) out << "," << CsvField(Neo4jName(k) + ":" + t);
  out << "\n";
  PARLEY_RETURN_IF_ERROR(walk([&](const Element& e) {
    row(out, e);
    for (const auto& [k, t] : keys) {
      auto it = e.properties.find(k);
      out << ",";
      if (it != e.properties.end()) out << Neo4jField(it->second, t);
    }
    out << "\n";
    return out ? Status::OK() : failed();
  }));
  out.close();
  return out ? Status::OK() : failed();
}

}  // namespace

Status ExportNeo4jCsv(const GraphStore& store, const std::string& dir, const ExportOptions& opt) {
  // The two files share nothing: relationships are written on a second thread.
  auto rels = std::async(std::launch::async, [&] {
    return WriteCsvFile<Relationship>(
        dir + "/relationships.csv", ":START_ID,:END_ID,:TYPE",
        [&](auto&& visit) { return WalkRelationships(store, opt, visit); },
        [](std::ostream& out, const Relationship& r) {
          out << r.start << "," << r.end << "," << CsvField(r.type);
        });
  });
  Status nodes = WriteCsvFile<Node>(
      dir + "/nodes.csv", ":ID,:LABEL", [&](auto&& visit) { return WalkNodes(store, opt, visit); },
      [](std::ostream& out, const Node& n) {
        std::string labels;
        for (const auto& l : n.labels) labels += (labels.empty() ? "" : ";") + l;
        out << n.id << "," << CsvField(labels);
      });
  Status r = rels.get();
  return nodes.ok() ? r : nodes;
}

}  // namespace parley
