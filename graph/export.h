// Exporters: the stored graph written in the formats other tools read (GraphML for networkx
// and yEd, GEXF 1.3 for Gephi, Graphviz DOT, N-Triples and Turtle for RDF stores, Cytoscape.js
// JSON, plain JSON, Neo4j's admin-import CSV) and a self-contained HTML view; and the events
// alone as the tables event-data tools read (GDELT 2.0 events, POLECAT-style PLOVER lines).
//
// Each exporter walks the chosen nodes, then the chosen relationships, in id order on one
// snapshot and writes as it goes: a whole-graph export holds nothing in memory however large
// the graph; a part (ExportScope) holds only the ids of its elements. Formats that declare
// their attributes first (GraphML, GEXF, Neo4j CSV) make one extra pass that collects only
// property names and types. Text from articles is untrusted: every writer escapes it for its
// format and drops characters the format cannot carry.
#pragma once

#include <atomic>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

enum class ExportFormat {
  kGraphML,
  kGexf,
  kDot,
  kNTriples,
  kTurtle,
  kCytoscape,
  kJson,
  kNeo4jCsv,
  kHtml,
  kGdelt,  // the GDELT 2.0 events table (the events, not the graph)
  kPlover  // POLECAT-style JSON lines (the events)
};

// Parses "graphml", "gexf", "dot", "ntriples", "turtle", "cytoscape", "json", "neo4j-csv",
// "html", "gdelt" or "plover".
Status ParseExportFormat(std::string_view name, ExportFormat* format);

// The part of the graph an export writes.
struct ExportScope {
  // True: every node and relationship, streamed from the store's scans.
  bool whole = true;
  // Otherwise these, ascending and unique; every relationship's ends are among `nodes`.
  std::vector<NodeId> nodes;
  std::vector<RelId> relationships;
};

struct ExportOptions {
  const Snapshot* snap = nullptr;      // the read view (null: now)
  const ExportScope* scope = nullptr;  // null: the whole graph
  // For the HTML view: its title, and the folder holding view.html, view.css, view.js and
  // node_modules/cytoscape (default: DataPath("view")).
  std::string title = "Parley graph";
  std::string view_dir;
  // For the HTML view: the live page of `parley serve`, which also inlines live.js and may
  // fetch from the server it came from (its own address only).
  bool live = false;
  // When it becomes true (set by another thread, or by the stream's buffer when it will take no
  // more), the walk over the store ends with an error instead of going on to no use.
  const std::atomic<bool>* stop = nullptr;
};

// Writes the chosen nodes and relationships of `store` to `out` in `format` (not kNeo4jCsv,
// which writes a folder: ExportNeo4jCsv).
Status ExportGraph(const GraphStore& store, ExportFormat format, std::ostream& out,
                   const ExportOptions& options = {});

// Writes the graph as the CSV files of `neo4j-admin database import`: `nodes.csv`
// (`:ID,:LABEL,name:type,...`) and `relationships.csv` (`:START_ID,:END_ID,:TYPE,...`) in
// folder `dir`, which must exist. Typed columns: `long`, `double`, `boolean`, `string`, and
// `string[]` etc. for lists, whose items are joined by ';' (the tool's default array
// delimiter; a ';' inside an item is replaced by ','). Labels are joined by ';' too.
Status ExportNeo4jCsv(const GraphStore& store, const std::string& dir,
                      const ExportOptions& options = {});

// The IRI prefixes of the RDF export: nodes are <kNodeIri + id>, relationships
// <kRelIri + id>, labels, types and property names <kVocabIri + name>.
inline constexpr std::string_view kNodeIri = "https://parley.dev/node/";
inline constexpr std::string_view kRelIri = "https://parley.dev/rel/";
inline constexpr std::string_view kVocabIri = "https://parley.dev/ns#";

}  // namespace parley
