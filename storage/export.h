// Exporters: the stored graph written in the formats other tools read (GraphML for Gephi and
// networkx, Graphviz DOT, N-Triples and Turtle for RDF stores, Cytoscape.js JSON, plain JSON,
// Neo4j's admin-import CSV).
//
// Each exporter walks the store's nodes, then its relationships, in id order on one snapshot
// and writes as it goes: memory stays bounded however large the graph. Formats that declare
// their attributes first (GraphML) make one extra pass that collects only property names and
// types. Text from articles is untrusted: every writer escapes it for its format and drops
// characters the format cannot carry.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"
#include "storage/graph_store.h"

namespace parley {

enum class ExportFormat { kGraphML, kDot, kNTriples, kTurtle, kCytoscape, kJson, kNeo4jCsv };

// Parses "graphml", "dot", "ntriples", "turtle", "cytoscape", "json" or "neo4j-csv".
Status ParseExportFormat(std::string_view name, ExportFormat* format);

// Writes every node and relationship of `store` (as of `snap`, or now) to `out` in `format`
// (not kNeo4jCsv, which writes a folder: ExportNeo4jCsv).
Status ExportGraph(const GraphStore& store, ExportFormat format, std::ostream& out,
                   const Snapshot* snap = nullptr);

// Writes the graph as the CSV files of `neo4j-admin database import`: `nodes.csv`
// (`:ID,:LABEL,name:type,...`) and `relationships.csv` (`:START_ID,:END_ID,:TYPE,...`) in
// folder `dir`, which must exist. Typed columns: `long`, `double`, `boolean`, `string`, and
// `string[]` etc. for lists, whose items are joined by ';' (the tool's default array
// delimiter; a ';' inside an item is replaced by ','). Labels are joined by ';' too.
Status ExportNeo4jCsv(const GraphStore& store, const std::string& dir,
                      const Snapshot* snap = nullptr);

// The IRI prefixes of the RDF export: nodes are <kNodeIri + id>, relationships
// <kRelIri + id>, labels, types and property names <kVocabIri + name>.
inline constexpr std::string_view kNodeIri = "https://parley.dev/node/";
inline constexpr std::string_view kRelIri = "https://parley.dev/rel/";
inline constexpr std::string_view kVocabIri = "https://parley.dev/ns#";

}  // namespace parley
