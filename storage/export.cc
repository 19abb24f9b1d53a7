#include "storage/export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace parley {
namespace {

// ---------------------------------------------------------------------------- text helpers

// Calls `fn(code_point, bytes)` per UTF-8 character of `s` (stored text is valid UTF-8).
template <typename Fn>
void ForEachChar(std::string_view s, Fn&& fn) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (i + len > s.size()) len = s.size() - i;
    uint32_t cp = len == 1 ? c : c & (0xff >> (len + 1));
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    fn(cp, s.substr(i, len));
    i += len;
  }
}

// XML 1.0 character data: markup characters escaped, characters XML cannot hold dropped.
std::string Xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachChar(s, [&](uint32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '"': out += "&quot;"; return;
      case '\'': out += "&apos;"; return;
      default: break;
    }
    bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                   (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (allowed) out.append(bytes);
  });
  return out;
}

// A quoted string for DOT and N-Triples: backslash escapes, control characters as \n or
// dropped.
std::string Quoted(std::string_view s, bool unicode_escapes) {
  std::string out = "\"";
  ForEachChar(s, [&](uint32_t cp, std::string_view bytes) {
    switch (cp) {
      case '"': out += "\\\""; return;
      case '\\': out += "\\\\"; return;
      case '\n': out += "\\n"; return;
      case '\r': out += "\\r"; return;
      case '\t': out += unicode_escapes ? "\\t" : " "; return;
      default: break;
    }
    if (cp < 0x20 || cp == 0x7f) {
      if (unicode_escapes) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04X", cp);
        out += buf;
      }
      return;
    }
    out.append(bytes);
  });
  return out + "\"";
}

std::string Number(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}

// A property value as plain text: strings as they are, lists as [a, b], numbers in decimal.
std::string Text(const Value& v) {
  switch (v.type()) {
    case Value::Type::kString: return v.as_string();
    case Value::Type::kBool: return v.as_bool() ? "true" : "false";
    case Value::Type::kInt: return std::to_string(v.as_int());
    case Value::Type::kFloat: return Number(v.as_float());
    case Value::Type::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.as_list().size(); ++i) {
        out += (i ? ", " : "") + Text(v.as_list()[i]);
      }
      return out + "]";
    }
    default: return v.DebugString();
  }
}

std::string Labels(const Node& n) {
  std::string out;
  for (const auto& l : n.labels) out += ":" + l;
  return out;
}

// A readable caption for a node: its name, else its title, else its text, else its labels.
std::string Caption(const Node& n) {
  for (const char* key : {"name", "title", "text"}) {
    auto it = n.properties.find(key);
    if (it != n.properties.end() && it->second.is_string()) return it->second.as_string();
  }
  return Labels(n);
}

// Reads every node, then every relationship, calling the visitors.
template <typename NodeFn, typename RelFn>
Status Walk(const GraphStore& store, const Snapshot* snap, NodeFn&& on_node, RelFn&& on_rel) {
  auto nodes = store.ScanNodes(snap);
  for (; nodes->Valid(); nodes->Next()) {
    Node n;
    PARLEY_RETURN_IF_ERROR(store.GetNode(nodes->id(), &n, snap));
    PARLEY_RETURN_IF_ERROR(on_node(n));
  }
  PARLEY_RETURN_IF_ERROR(nodes->status());
  auto rels = store.ScanRelationships(snap);
  for (; rels->Valid(); rels->Next()) {
    Relationship r;
    PARLEY_RETURN_IF_ERROR(store.GetRelationship(rels->id(), &r, snap));
    PARLEY_RETURN_IF_ERROR(on_rel(r));
  }
  return rels->status();
}

// ---------------------------------------------------------------------------- GraphML

// The GraphML type of a property: long and double widen to double; anything mixed, and
// lists, are strings.
std::string MergeType(const std::string& have, const Value& v) {
  std::string t = v.is_bool() ? "boolean" : v.is_int() ? "long" : v.is_float() ? "double" : "string";
  if (have.empty() || have == t) return t;
  if ((have == "long" && t == "double") || (have == "double" && t == "long")) return "double";
  return "string";
}

Status ExportGraphML(const GraphStore& store, std::ostream& out, const Snapshot* snap) {
  // Pass 1: property names and types (GraphML declares its keys before the graph).
  std::map<std::string, std::string> node_keys, edge_keys;
  PARLEY_RETURN_IF_ERROR(Walk(
      store, snap,
      [&](const Node& n) {
        for (const auto& [k, v] : n.properties) node_keys[k] = MergeType(node_keys[k], v);
        return Status::OK();
      },
      [&](const Relationship& r) {
        for (const auto& [k, v] : r.properties) edge_keys[k] = MergeType(edge_keys[k], v);
        return Status::OK();
      }));
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
         "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n";
  std::map<std::string, std::string> node_ids, edge_ids;
  int k = 0;
  for (const auto& [name, type] : node_keys) {
    node_ids[name] = "n" + std::to_string(k++);
    out << "  <key id=\"" << node_ids[name] << "\" for=\"node\" attr.name=\"" << Xml(name)
        << "\" attr.type=\"" << type << "\"/>\n";
  }
  for (const auto& [name, type] : edge_keys) {
    edge_ids[name] = "e" + std::to_string(k++);
    out << "  <key id=\"" << edge_ids[name] << "\" for=\"edge\" attr.name=\"" << Xml(name)
        << "\" attr.type=\"" << type << "\"/>\n";
  }
  out << "  <graph id=\"parley\" edgedefault=\"directed\">\n";
  auto data = [&](const std::map<std::string, std::string>& ids,
                  const std::map<std::string, std::string>& types, const PropertyMap& props) {
    for (const auto& [name, v] : props) {
      std::string text = types.at(name) == "double" && v.is_int()
                             ? Number(static_cast<double>(v.as_int()))
                             : Text(v);
      out << "      <data key=\"" << ids.at(name) << "\">" << Xml(text) << "</data>\n";
    }
  };
  PARLEY_RETURN_IF_ERROR(Walk(
      store, snap,
      [&](const Node& n) {
        out << "    <node id=\"n" << n.id << "\">\n      <data key=\"labels\">" << Xml(Labels(n))
            << "</data>\n";
        data(node_ids, node_keys, n.properties);
        out << "    </node>\n";
        return out ? Status::OK() : Status::IOError("writing the export failed");
      },
      [&](const Relationship& r) {
        out << "    <edge id=\"e" << r.id << "\" source=\"n" << r.start << "\" target=\"n" << r.end
            << "\">\n      <data key=\"type\">" << Xml(r.type) << "</data>\n";
        data(edge_ids, edge_keys, r.properties);
        out << "    </edge>\n";
        return out ? Status::OK() : Status::IOError("writing the export failed");
      }));
  out << "  </graph>\n</graphml>\n";
  return out ? Status::OK() : Status::IOError("writing the export failed");
}

// ---------------------------------------------------------------------------- DOT

Status ExportDot(const GraphStore& store, std::ostream& out, const Snapshot* snap) {
  out << "digraph parley {\n  node [shape=box, style=rounded];\n";
  PARLEY_RETURN_IF_ERROR(Walk(
      store, snap,
      [&](const Node& n) {
        out << "  n" << n.id << " [label=" << Quoted(Caption(n), false)
            << ", labels=" << Quoted(Labels(n), false);
        for (const auto& [k, v] : n.properties) {
          out << ", " << Quoted("p_" + k, false) << "=" << Quoted(Text(v), false);
        }
        out << "];\n";
        return out ? Status::OK() : Status::IOError("writing the export failed");
      },
      [&](const Relationship& r) {
        out << "  n" << r.start << " -> n" << r.end << " [label=" << Quoted(r.type, false);
        for (const auto& [k, v] : r.properties) {
          out << ", " << Quoted("p_" + k, false) << "=" << Quoted(Text(v), false);
        }
        out << "];\n";
        return out ? Status::OK() : Status::IOError("writing the export failed");
      }));
  out << "}\n";
  return out ? Status::OK() : Status::IOError("writing the export failed");
}

// ---------------------------------------------------------------------------- N-Triples

// An IRI-safe name: letters, digits, '_' and '-' kept, anything else percent-encoded.
std::string IriName(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '_' || c == '-') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string Iri(std::string_view prefix, std::string_view rest) {
  return "<" + std::string(prefix) + std::string(rest) + ">";
}

// One literal with its XML Schema datatype.
std::string Literal(const Value& v) {
  const std::string xsd = "^^<http://www.w3.org/2001/XMLSchema#";
  switch (v.type()) {
    case Value::Type::kBool: return Quoted(v.as_bool() ? "true" : "false", true) + xsd + "boolean>";
    case Value::Type::kInt: return Quoted(std::to_string(v.as_int()), true) + xsd + "integer>";
    case Value::Type::kFloat: {
      double d = v.as_float();
      std::string text = std::isnan(d) ? "NaN" : std::isinf(d) ? (d > 0 ? "INF" : "-INF") : Number(d);
      return Quoted(text, true) + xsd + "double>";
    }
    default: return Quoted(Text(v), true);
  }
}

// N-Triples, or with `turtle` Turtle: the same triples (N-Triples is a subset of Turtle)
// after prefix declarations, so that a Turtle reader and a person see the vocabulary.
Status ExportTriples(const GraphStore& store, std::ostream& out, const Snapshot* snap,
                     bool turtle) {
  if (turtle) {
    out << "@prefix parley: <" << kVocabIri << "> .\n"
        << "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        << "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n";
  }
  const std::string rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
  auto properties = [&](const std::string& subject, const PropertyMap& props) {
    for (const auto& [k, v] : props) {
      // A list becomes one triple per item.
      if (v.is_list()) {
        for (const Value& item : v.as_list()) {
          out << subject << " " << Iri(kVocabIri, IriName(k)) << " " << Literal(item) << " .\n";
        }
      } else {
        out << subject << " " << Iri(kVocabIri, IriName(k)) << " " << Literal(v) << " .\n";
      }
    }
  };
  return Walk(
      store, snap,
      [&](const Node& n) {
        std::string s = Iri(kNodeIri, std::to_string(n.id));
        for (const auto& l : n.labels) out << s << " " << rdf_type << " " << Iri(kVocabIri, IriName(l)) << " .\n";
        properties(s, n.properties);
        return out ? Status::OK() : Status::IOError("writing the export failed");
      },
      [&](const Relationship& r) {
        // The relationship as one direct triple, and as a resource carrying its properties.
        std::string s = Iri(kNodeIri, std::to_string(r.start));
        std::string o = Iri(kNodeIri, std::to_string(r.end));
        std::string rel = Iri(kRelIri, std::to_string(r.id));
        out << s << " " << Iri(kVocabIri, IriName(r.type)) << " " << o << " .\n";
        out << rel << " " << rdf_type << " " << Iri(kVocabIri, IriName(r.type)) << " .\n";
        out << rel << " " << Iri(kVocabIri, "start") << " " << s << " .\n";
        out << rel << " " << Iri(kVocabIri, "end") << " " << o << " .\n";
        properties(rel, r.properties);
        return out ? Status::OK() : Status::IOError("writing the export failed");
      });
}

// ---------------------------------------------------------------------------- JSON

nlohmann::json ToJson(const Value& v) {
  switch (v.type()) {
    case Value::Type::kBool: return v.as_bool();
    case Value::Type::kInt: return v.as_int();
    case Value::Type::kFloat: {
      double d = v.as_float();
      return std::isfinite(d) ? nlohmann::json(d) : nlohmann::json(Number(d));  // JSON has no NaN
    }
    case Value::Type::kString: return v.as_string();
    case Value::Type::kList: {
      nlohmann::json a = nlohmann::json::array();
      for (const Value& x : v.as_list()) a.push_back(ToJson(x));
      return a;
    }
    case Value::Type::kMap: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto& [k, x] : v.as_map()) o[k] = ToJson(x);
      return o;
    }
    case Value::Type::kNull: return nullptr;
    default: return v.DebugString();
  }
}

std::string Dump(const nlohmann::json& j) {
  // Stored text is valid UTF-8; should a byte not be, it is replaced rather than thrown on.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Cytoscape.js elements (`{"elements": {"nodes": [{"data": {...}}], "edges": [...]}}`), or
// with `plain` Parley's own JSON (`{"nodes": [{id, labels, properties}], "relationships":
// [{id, type, start, end, properties}]}`). Written one element at a time.
Status ExportJson(const GraphStore& store, std::ostream& out, const Snapshot* snap, bool plain) {
  out << (plain ? "{\"nodes\":[\n" : "{\"elements\":{\"nodes\":[\n");
  bool first = true;
  bool in_nodes = true;
  // Cytoscape keeps id, source, target and parent for itself: properties of those names are
  // prefixed.
  auto emit = [&](const nlohmann::json& e) {
    out << (first ? "" : ",\n") << Dump(e);
    first = false;
    return out ? Status::OK() : Status::IOError("writing the export failed");
  };
  auto properties = [](const PropertyMap& props) {
    nlohmann::json o = nlohmann::json::object();
    for (const auto& [k, v] : props) o[k] = ToJson(v);
    return o;
  };
  auto flat = [](nlohmann::json* data, const PropertyMap& props) {
    for (const auto& [k, v] : props) {
      bool reserved = k == "id" || k == "source" || k == "target" || k == "parent";
      (*data)[reserved ? "property_" + k : k] = ToJson(v);
    }
  };
  PARLEY_RETURN_IF_ERROR(Walk(
      store, snap,
      [&](const Node& n) {
        nlohmann::json e;
        if (plain) {
          e["id"] = n.id;
          e["labels"] = n.labels;
          e["properties"] = properties(n.properties);
        } else {
          nlohmann::json data;
          data["id"] = "n" + std::to_string(n.id);
          data["labels"] = n.labels;
          flat(&data, n.properties);
          data["label"] = Caption(n);
          e["data"] = std::move(data);
        }
        return emit(e);
      },
      [&](const Relationship& r) {
        if (in_nodes) {
          out << (plain ? "\n],\"relationships\":[\n" : "\n],\"edges\":[\n");
          in_nodes = false;
          first = true;
        }
        nlohmann::json e;
        if (plain) {
          e["id"] = r.id;
          e["type"] = r.type;
          e["start"] = r.start;
          e["end"] = r.end;
          e["properties"] = properties(r.properties);
        } else {
          nlohmann::json data;
          flat(&data, r.properties);
          data["id"] = "e" + std::to_string(r.id);
          data["source"] = "n" + std::to_string(r.start);
          data["target"] = "n" + std::to_string(r.end);
          data["type"] = r.type;
          e["data"] = std::move(data);
        }
        return emit(e);
      }));
  if (in_nodes) out << (plain ? "\n],\"relationships\":[\n" : "\n],\"edges\":[\n");
  out << (plain ? "\n]}\n" : "\n]}}\n");
  return out ? Status::OK() : Status::IOError("writing the export failed");
}

// ---------------------------------------------------------------------------- Neo4j CSV

// The Neo4j import type of a property: long and double widen to double, mixed types become
// string; lists take their items' type with "[]".
std::string Neo4jType(const std::string& have, const Value& v) {
  const Value* item = &v;
  bool list = v.is_list();
  if (list) {
    if (v.as_list().empty()) return have.empty() ? "string[]" : have;
    item = &v.as_list()[0];
  }
  std::string t = item->is_bool() ? "boolean" : item->is_int() ? "long" : item->is_float() ? "double" : "string";
  if (list) {
    for (const Value& x : v.as_list()) {
      std::string xt = x.is_bool() ? "boolean" : x.is_int() ? "long" : x.is_float() ? "double" : "string";
      if (xt != t) t = (xt == "double" && t == "long") || (xt == "long" && t == "double") ? "double" : "string";
    }
    t += "[]";
  }
  if (have.empty() || have == t) return t;
  if ((have == "long" && t == "double") || (have == "double" && t == "long")) return "double";
  bool have_list = have.ends_with("[]");
  return have_list || list ? "string[]" : "string";
}

// One CSV field (RFC 4180: quoted when it holds a comma, quote or line break).
std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A property as a field of a column of type `type`.
std::string Neo4jField(const Value& v, const std::string& type) {
  auto scalar = [&](const Value& x) {
    std::string text = type.starts_with("double") && x.is_int() ? Number(static_cast<double>(x.as_int())) : Text(x);
    // ';' separates array items; inside an item it would split it.
    if (type.ends_with("[]")) std::replace(text.begin(), text.end(), ';', ',');
    std::string clean;
    ForEachChar(text, [&](uint32_t cp, std::string_view bytes) {
      if (cp >= 0x20 || cp == '\n' || cp == '\t') clean.append(bytes);  // no control characters
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

Status ExportNeo4jCsv(const GraphStore& store, const std::string& dir, const Snapshot* snap) {
  std::map<std::string, std::string> node_keys, rel_keys;
  PARLEY_RETURN_IF_ERROR(Walk(
      store, snap,
      [&](const Node& n) {
        for (const auto& [k, v] : n.properties) node_keys[k] = Neo4jType(node_keys[k], v);
        return Status::OK();
      },
      [&](const Relationship& r) {
        for (const auto& [k, v] : r.properties) rel_keys[k] = Neo4jType(rel_keys[k], v);
        return Status::OK();
      }));
  std::ofstream nodes(dir + "/nodes.csv", std::ios::binary | std::ios::trunc);
  std::ofstream rels(dir + "/relationships.csv", std::ios::binary | std::ios::trunc);
  if (!nodes || !rels) return Status::IOError("cannot write the CSV files in " + dir);
  nodes << ":ID,:LABEL";
  for (const auto& [k, t] : node_keys) nodes << "," << CsvField(Neo4jName(k) + ":" + t);
  nodes << "\n";
  rels << ":START_ID,:END_ID,:TYPE";
  for (const auto& [k, t] : rel_keys) rels << "," << CsvField(Neo4jName(k) + ":" + t);
  rels << "\n";
  auto fields = [](std::ostream& out, const std::map<std::string, std::string>& keys,
                   const PropertyMap& props) {
    for (const auto& [k, t] : keys) {
      auto it = props.find(k);
      out << ",";
      if (it != props.end()) out << Neo4jField(it->second, t);
    }
    out << "\n";
  };
  PARLEY_RETURN_IF_ERROR(Walk(
      store, snap,
      [&](const Node& n) {
        std::string labels;
        for (const auto& l : n.labels) labels += (labels.empty() ? "" : ";") + l;
        nodes << n.id << "," << CsvField(labels);
        fields(nodes, node_keys, n.properties);
        return nodes ? Status::OK() : Status::IOError("writing nodes.csv failed");
      },
      [&](const Relationship& r) {
        rels << r.start << "," << r.end << "," << CsvField(r.type);
        fields(rels, rel_keys, r.properties);
        return rels ? Status::OK() : Status::IOError("writing relationships.csv failed");
      }));
  nodes.close();
  rels.close();
  if (!nodes || !rels) return Status::IOError("writing the CSV files in " + dir + " failed");
  return Status::OK();
}

Status ParseExportFormat(std::string_view name, ExportFormat* format) {
  if (name == "graphml") {
    *format = ExportFormat::kGraphML;
  } else if (name == "dot") {
    *format = ExportFormat::kDot;
  } else if (name == "ntriples") {
    *format = ExportFormat::kNTriples;
  } else if (name == "turtle") {
    *format = ExportFormat::kTurtle;
  } else if (name == "cytoscape") {
    *format = ExportFormat::kCytoscape;
  } else if (name == "json") {
    *format = ExportFormat::kJson;
  } else if (name == "neo4j-csv") {
    *format = ExportFormat::kNeo4jCsv;
  } else {
    return Status::Usage("unknown export format '" + std::string(name) +
                         "' (graphml, dot, ntriples, turtle, cytoscape, json or neo4j-csv)");
  }
  return Status::OK();
}

Status ExportGraph(const GraphStore& store, ExportFormat format, std::ostream& out,
                   const Snapshot* snap) {
  switch (format) {
    case ExportFormat::kGraphML: return ExportGraphML(store, out, snap);
    case ExportFormat::kDot: return ExportDot(store, out, snap);
    case ExportFormat::kNTriples: return ExportTriples(store, out, snap, /*turtle=*/false);
    case ExportFormat::kTurtle: return ExportTriples(store, out, snap, /*turtle=*/true);
    case ExportFormat::kCytoscape: return ExportJson(store, out, snap, /*plain=*/false);
    case ExportFormat::kJson: return ExportJson(store, out, snap, /*plain=*/true);
    case ExportFormat::kNeo4jCsv: break;
  }
  return Status::Usage("neo4j-csv writes a folder of CSV files: give -o DIR");
}

}  // namespace parley
