// What the exporters share: walking the chosen part of the graph, and turning untrusted text
// and property values into text each format can carry. Internal to graph/export*.cc.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/export.h"
#include "util/utf8.h"

namespace parley::exporting {

// Calls `fn(code_point, bytes)` per UTF-8 character of `s` (stored text is valid UTF-8; a byte
// that is not is left out, so that every format gets UTF-8).
template <typename Fn>
void ForEachChar(std::string_view s, Fn&& fn) {
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    int32_t cp = NextCodePoint(s, &i);
    if (cp != kNotUtf8) fn(static_cast<uint32_t>(cp), s.substr(at, i - at));
  }
}

// XML 1.0 character data: markup characters escaped, characters XML cannot hold dropped.
std::string Xml(std::string_view s);
// A quoted string for DOT and N-Triples: backslash escapes; control characters as \uXXXX with
// `unicode_escapes`, else dropped.
std::string Quoted(std::string_view s, bool unicode_escapes);
// A property value as plain text: strings as they are, lists as [a, b], numbers in their
// shortest exact decimal form (ShortestDouble).
std::string Text(const Value& v);
// A property value as text in a column declared `type`: an integer in a "double" (or
// "double[]") column is written as a double, anything else as Text().
std::string TextAs(const Value& v, std::string_view type);
// ":Label1:Label2".
std::string Labels(const Node& n);
// A readable caption for a node: its name, else its title, else its text, else its labels.
std::string Caption(const Node& n);
// The attribute name property `key` is written under in a format that keeps attributes of its
// own (`reserved`: the node labels, the relationship type, Cytoscape's id and source...)
// beside the properties: "property_" + key where the two would clash, else the key.
std::string AttributeName(std::string_view key, std::initializer_list<std::string_view> reserved);
// A property value as JSON (NaN and infinities, which JSON lacks, as strings).
nlohmann::json ToJson(const Value& v);
// Compact JSON text without terminal controls (JsonText); bytes that are not UTF-8 are
// replaced rather than thrown on.
std::string Dump(const nlohmann::json& j);

inline Status WriteStatus(const std::ostream& out) {
  return out ? Status::OK() : Status::IOError("writing the export failed");
}

// The error a walk ends with once ExportOptions::stop is set.
inline Status Stopped(const ExportOptions& opt) {
  if (opt.stop && opt.stop->load(std::memory_order_relaxed))
    return Status::IOError("the export was stopped");
  return Status::OK();
}

// Reads the chosen nodes in ascending id order, calling `on_node` with each.
template <typename NodeFn>
Status WalkNodes(const GraphStore& store, const ExportOptions& opt, NodeFn&& on_node) {
  auto visit = [&](const Node& n) -> Status {
    PARLEY_RETURN_IF_ERROR(Stopped(opt));
    return on_node(n);
  };
  if (opt.scope == nullptr || opt.scope->whole) return store.ForEachNode(visit, opt.snap);
  for (NodeId id : opt.scope->nodes) {
    Node n;
    PARLEY_RETURN_IF_ERROR(store.GetNode(id, &n, opt.snap));
    PARLEY_RETURN_IF_ERROR(visit(n));
  }
  return Status::OK();
}

// Reads the chosen relationships in ascending id order, calling `on_rel` with each.
template <typename RelFn>
Status WalkRelationships(const GraphStore& store, const ExportOptions& opt, RelFn&& on_rel) {
  auto visit = [&](const Relationship& r) -> Status {
    PARLEY_RETURN_IF_ERROR(Stopped(opt));
    return on_rel(r);
  };
  if (opt.scope == nullptr || opt.scope->whole) return store.ForEachRelationship(visit, opt.snap);
  for (RelId id : opt.scope->relationships) {
    Relationship r;
    PARLEY_RETURN_IF_ERROR(store.GetRelationship(id, &r, opt.snap));
    PARLEY_RETURN_IF_ERROR(visit(r));
  }
  return Status::OK();
}

// Reads the chosen nodes, then the chosen relationships.
template <typename NodeFn, typename RelFn>
Status Walk(const GraphStore& store, const ExportOptions& opt, NodeFn&& on_node, RelFn&& on_rel) {
  PARLEY_RETURN_IF_ERROR(WalkNodes(store, opt, on_node));
  return WalkRelationships(store, opt, on_rel);
}

// The writers, one a format (export_xml.cc, export_rdf.cc, export_json.cc, export_html.cc).
Status WriteGraphML(const GraphStore& store, std::ostream& out, const ExportOptions& opt);
Status WriteGexf(const GraphStore& store, std::ostream& out, const ExportOptions& opt);
Status WriteDot(const GraphStore& store, std::ostream& out, const ExportOptions& opt);
Status WriteTriples(const GraphStore& store, std::ostream& out, const ExportOptions& opt,
                    bool turtle);
// Cytoscape.js elements, or with `plain` Parley's own JSON. With `html_safe`, '<', '>', '&'
// and the JavaScript line separators are written as \u escapes so that the text can sit
// inside an HTML <script> element without ending it.
Status WriteJson(const GraphStore& store, std::ostream& out, const ExportOptions& opt, bool plain,
                 bool html_safe = false);
Status WriteHtml(const GraphStore& store, std::ostream& out, const ExportOptions& opt);
// The event-data tables (export_gdelt.cc, export_plover.cc): the events, not the graph.
Status WriteGdelt(const GraphStore& store, std::ostream& out, const ExportOptions& opt);
Status WritePlover(const GraphStore& store, std::ostream& out, const ExportOptions& opt);

}  // namespace parley::exporting
