// The export front door: format names and dispatch to the writers (export_*.cc).
#include "graph/export.h"

#include <map>
#include <string>

#include "graph/export_writer.h"

namespace parley {

using namespace exporting;

Status ParseExportFormat(std::string_view name, ExportFormat* format) {
  static const std::map<std::string_view, ExportFormat> kNames = {
      {"graphml", ExportFormat::kGraphML}, {"gexf", ExportFormat::kGexf},
      {"dot", ExportFormat::kDot},         {"ntriples", ExportFormat::kNTriples},
      {"turtle", ExportFormat::kTurtle},   {"cytoscape", ExportFormat::kCytoscape},
      {"json", ExportFormat::kJson},       {"neo4j-csv", ExportFormat::kNeo4jCsv},
      {"html", ExportFormat::kHtml},       {"gdelt", ExportFormat::kGdelt},
      {"plover", ExportFormat::kPlover}};
  auto it = kNames.find(name);
  if (it == kNames.end()) {
    return Status::Usage("unknown export format '" + std::string(name) +
                         "' (graphml, gexf, dot, ntriples, turtle, cytoscape, json, neo4j-csv, "
                         "html, gdelt or plover)");
  }
  *format = it->second;
  return Status::OK();
}

Status ExportGraph(const GraphStore& store, ExportFormat format, std::ostream& out,
                   const ExportOptions& opt) {
  switch (format) {
    case ExportFormat::kGraphML:
      return WriteGraphML(store, out, opt);
    case ExportFormat::kGexf:
      return WriteGexf(store, out, opt);
    case ExportFormat::kDot:
      return WriteDot(store, out, opt);
    case ExportFormat::kNTriples:
      return WriteTriples(store, out, opt, /*turtle=*/false);
    case ExportFormat::kTurtle:
      return WriteTriples(store, out, opt, /*turtle=*/true);
    case ExportFormat::kCytoscape:
      return WriteJson(store, out, opt, /*plain=*/false);
    case ExportFormat::kJson:
      return WriteJson(store, out, opt, /*plain=*/true);
    case ExportFormat::kHtml:
      return WriteHtml(store, out, opt);
    case ExportFormat::kGdelt:
      return WriteGdelt(store, out, opt);
    case ExportFormat::kPlover:
      return WritePlover(store, out, opt);
    case ExportFormat::kNeo4jCsv:
      break;
  }
  return Status::Usage("neo4j-csv writes a folder of CSV files: give -o DIR");
}

}  // namespace parley
