// Cytoscape.js elements and Parley's plain JSON.
#include <string>

#include "graph/export_writer.h"

namespace parley::exporting {
namespace {

// JSON text that can sit inside an HTML <script> element: '<', '>' and '&' (which could end
// the element or open a comment) and U+2028/U+2029 as \u escapes. They occur only inside
// strings, where the escapes mean the same characters.
std::string HtmlSafe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xe2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xa8' || json[i + 2] == '\xa9')) {
      out += json[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

// Cytoscape.js elements (`{"elements": {"nodes": [{"data": {...}}], "edges": [...]}}`), or
// with `plain` Parley's own JSON (`{"nodes": [{id, labels, properties}], "relationships":
// [{id, type, start, end, properties}]}`). Written one element at a time.
Status WriteJson(const GraphStore& store, std::ostream& out, const ExportOptions& opt, bool plain,
                 bool html_safe) {
  out << (plain ? "{\"nodes\":[\n" : "{\"elements\":{\"nodes\":[\n");
  bool first = true;
  bool in_nodes = true;
  auto emit = [&](const nlohmann::json& e) {
    out << (first ? "" : ",\n") << (html_safe ? HtmlSafe(Dump(e)) : Dump(e));
    first = false;
    return WriteStatus(out);
  };
  auto properties = [](const PropertyMap& props) {
    nlohmann::json o = nlohmann::json::object();
    for (const auto& [k, v] : props) o[k] = ToJson(v);
    return o;
  };
  auto flat = [](nlohmann::json* data, const PropertyMap& props) {
    for (const auto& [k, v] : props) {
      (*data)[AttributeName(k, {"id", "source", "target", "parent", "labels", "type", "label"})] =
          ToJson(v);
    }
  };
  PARLEY_RETURN_IF_ERROR(Walk(
      store, opt,
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
  return WriteStatus(out);
}

}  // namespace parley::exporting
