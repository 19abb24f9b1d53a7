// GraphML (networkx, yEd, Gephi), GEXF 1.3 (Gephi) and Graphviz DOT.
#include <map>
#include <string>

#include "graph/export_writer.h"

namespace parley::exporting {
namespace {

// The GraphML type of a property: long and double widen to double; anything mixed, and
// lists, are strings.
std::string MergeType(const std::string& have, const Value& v) {
  std::string t = v.is_bool()    ? "boolean"
                  : v.is_int()   ? "long"
                  : v.is_float() ? "double"
                                 : "string";
  if (have.empty() || have == t) return t;
  if ((have == "long" && t == "double") || (have == "double" && t == "long")) return "double";
  return "string";
}

}  // namespace

Status WriteGraphML(const GraphStore& store, std::ostream& out, const ExportOptions& opt) {
  // Pass 1: property names and types (GraphML declares its keys before the graph).
  std::map<std::string, std::string> node_keys, edge_keys;
  PARLEY_RETURN_IF_ERROR(Walk(
      store, opt,
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
    out << "  <key id=\"" << node_ids[name] << "\" for=\"node\" attr.name=\""
        << Xml(AttributeName(name, {"labels", "type", "label"})) << "\" attr.type=\"" << type
        << "\"/>\n";
  }
  for (const auto& [name, type] : edge_keys) {
    edge_ids[name] = "e" + std::to_string(k++);
    out << "  <key id=\"" << edge_ids[name] << "\" for=\"edge\" attr.name=\""
        << Xml(AttributeName(name, {"labels", "type", "label"})) << "\" attr.type=\"" << type
        << "\"/>\n";
  }
  out << "  <graph id=\"parley\" edgedefault=\"directed\">\n";
  auto data = [&](const std::map<std::string, std::string>& ids,
                  const std::map<std::string, std::string>& types, const PropertyMap& props) {
    for (const auto& [name, v] : props) {
      std::string text = TextAs(v, types.at(name));
      out << "      <data key=\"" << ids.at(name) << "\">" << Xml(text) << "</data>\n";
    }
  };
  PARLEY_RETURN_IF_ERROR(Walk(
      store, opt,
      [&](const Node& n) {
        out << "    <node id=\"n" << n.id << "\">\n      <data key=\"labels\">" << Xml(Labels(n))
            << "</data>\n";
        data(node_ids, node_keys, n.properties);
        out << "    </node>\n";
        return WriteStatus(out);
      },
      [&](const Relationship& r) {
        out << "    <edge id=\"e" << r.id << "\" source=\"n" << r.start << "\" target=\"n" << r.end
            << "\">\n      <data key=\"type\">" << Xml(r.type) << "</data>\n";
        data(edge_ids, edge_keys, r.properties);
        out << "    </edge>\n";
        return WriteStatus(out);
      }));
  out << "  </graph>\n</graphml>\n";
  return WriteStatus(out);
}

// ---------------------------------------------------------------------------- GEXF

namespace {

// The GEXF 1.3 type of a property: as MergeType, but lists are liststring (items written as
// [a, b]) unless mixed with scalars.
std::string GexfType(const std::string& have, const Value& v) {
  if (v.is_list()) return have.empty() || have == "liststring" ? "liststring" : "string";
  if (have == "liststring") return "string";
  return MergeType(have, v);
}

// The attribute declarations of one class; fills `ids` (title -> attribute id) from `next_id`.
void DeclareGexfAttributes(std::ostream& out, const char* cls, const char* fixed,
                           const std::map<std::string, std::string>& types,
                           std::map<std::string, std::string>* ids, int* next_id) {
  out << "    <attributes class=\"" << cls << "\">\n      " << fixed << "\n";
  for (const auto& [name, type] : types) {
    (*ids)[name] = std::to_string((*next_id)++);
    out << "      <attribute id=\"" << (*ids)[name] << "\" title=\""
        << Xml(AttributeName(name, {"labels", "type", "label"})) << "\" type=\"" << type
        << "\"/>\n";
  }
  out << "    </attributes>\n";
}

}  // namespace

Status WriteGexf(const GraphStore& store, std::ostream& out, const ExportOptions& opt) {
  // Pass 1: attribute titles and types (GEXF declares them before the nodes).
  std::map<std::string, std::string> node_types, edge_types;
  PARLEY_RETURN_IF_ERROR(Walk(
      store, opt,
      [&](const Node& n) {
        for (const auto& [k, v] : n.properties) node_types[k] = GexfType(node_types[k], v);
        return Status::OK();
      },
      [&](const Relationship& r) {
        for (const auto& [k, v] : r.properties) edge_types[k] = GexfType(edge_types[k], v);
        return Status::OK();
      }));
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
         "version=\"1.3\">\n"
         "  <meta>\n    <creator>Parley</creator>\n    <description>"
      << Xml(opt.title) << "</description>\n  </meta>\n"
      << "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
  std::map<std::string, std::string> node_ids, edge_ids;
  int next_id = 0;
  DeclareGexfAttributes(out, "node",
                        "<attribute id=\"labels\" title=\"labels\" type=\"liststring\"/>",
                        node_types, &node_ids, &next_id);
  DeclareGexfAttributes(out, "edge", "<attribute id=\"type\" title=\"type\" type=\"string\"/>",
                        edge_types, &edge_ids, &next_id);
  out << "    <nodes>\n";
  auto values = [&](const std::map<std::string, std::string>& ids,
                    const std::map<std::string, std::string>& types, const PropertyMap& props) {
    for (const auto& [name, v] : props) {
      std::string text = TextAs(v, types.at(name));
      out << "          <attvalue for=\"" << ids.at(name) << "\" value=\"" << Xml(text) << "\"/>\n";
    }
  };
  bool in_nodes = true;
  PARLEY_RETURN_IF_ERROR(Walk(
      store, opt,
      [&](const Node& n) {
        std::string labels;
        for (const auto& l : n.labels) labels += (labels.empty() ? "" : ", ") + l;
        out << "      <node id=\"n" << n.id << "\" label=\"" << Xml(Caption(n))
            << "\">\n        <attvalues>\n          <attvalue for=\"labels\" value=\"["
            << Xml(labels) << "]\"/>\n";
        values(node_ids, node_types, n.properties);
        out << "        </attvalues>\n      </node>\n";
        return WriteStatus(out);
      },
      [&](const Relationship& r) {
        if (in_nodes) {
          out << "    </nodes>\n    <edges>\n";
          in_nodes = false;
        }
        // `kind` keeps parallel edges of different types apart in Gephi's multigraphs.
        out << "      <edge id=\"e" << r.id << "\" source=\"n" << r.start << "\" target=\"n"
            << r.end << "\" label=\"" << Xml(r.type) << "\" kind=\"" << Xml(r.type)
            << "\">\n        <attvalues>\n          <attvalue for=\"type\" value=\"" << Xml(r.type)
            << "\"/>\n";
        values(edge_ids, edge_types, r.properties);
        out << "        </attvalues>\n      </edge>\n";
        return WriteStatus(out);
      }));
  if (in_nodes) out << "    </nodes>\n    <edges>\n";
  out << "    </edges>\n  </graph>\n</gexf>\n";
  return WriteStatus(out);
}

// ---------------------------------------------------------------------------- DOT

Status WriteDot(const GraphStore& store, std::ostream& out, const ExportOptions& opt) {
  out << "digraph parley {\n  node [shape=box, style=rounded];\n";
  PARLEY_RETURN_IF_ERROR(Walk(
      store, opt,
      [&](const Node& n) {
        out << "  n" << n.id << " [label=" << Quoted(Caption(n), false)
            << ", labels=" << Quoted(Labels(n), false);
        for (const auto& [k, v] : n.properties) {
          out << ", " << Quoted("p_" + k, false) << "=" << Quoted(Text(v), false);
        }
        out << "];\n";
        return WriteStatus(out);
      },
      [&](const Relationship& r) {
        out << "  n" << r.start << " -> n" << r.end << " [label=" << Quoted(r.type, false);
        for (const auto& [k, v] : r.properties) {
          out << ", " << Quoted("p_" + k, false) << "=" << Quoted(Text(v), false);
        }
        out << "];\n";
        return WriteStatus(out);
      }));
  out << "}\n";
  return WriteStatus(out);
}

}  // namespace parley::exporting
