// The HTML view: one self-contained page (view.html from the view folder) with its style,
// Cytoscape.js and its script inlined and the graph embedded as Cytoscape.js JSON in a
// <script type="application/json"> element; and for its map layer the country outlines of
// world-atlas (TopoJSON) with topojson-client, d3-array and d3-geo, and map.js. It works
// offline from disk and fetches nothing, but for the live page (ExportOptions::live), which
// adds live.js and may fetch from the address it was loaded from.
#include <cctype>
#include <string>

#include "graph/export_writer.h"
#include "util/data_path.h"
#include "util/strings.h"

namespace parley::exporting {
namespace {

// Script text made safe to inline: "</script" would end the element early and "<!--" would
// change how the rest is read. Both occur only in strings, comments and regular expressions,
// where a backslash before '/' or '!' changes nothing.
std::string InlineScript(std::string js) {
  std::string out;
  out.reserve(js.size());
  for (size_t i = 0; i < js.size(); ++i) {
    out += js[i];
    if (js[i] != '<' || i + 1 >= js.size()) continue;
    std::string next = Lower(js.substr(i + 1, 7));
    if (next == "/script") out += '\\';
    if (next.rfind("!--", 0) == 0) out += '\\';
  }
  return out;
}

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = s->find(from, at)) != std::string::npos; at += to.size()) {
    s->replace(at, from.size(), to);
  }
}

}  // namespace

Status WriteHtml(const GraphStore& store, std::ostream& out, const ExportOptions& opt) {
  std::string dir = opt.view_dir.empty() ? DataPath("view") : opt.view_dir;
  std::string page, style, view, cytoscape;
  PARLEY_RETURN_IF_ERROR(ReadFile(dir + "/view.html", &page));
  PARLEY_RETURN_IF_ERROR(ReadFile(dir + "/view.css", &style));
  PARLEY_RETURN_IF_ERROR(ReadFile(dir + "/view.js", &view));
  std::string lib = dir + "/node_modules/cytoscape/dist/cytoscape.min.js";
  if (!ReadFile(lib, &cytoscape).ok()) {
    return Status::NotFound("the HTML view needs Cytoscape.js at " + lib + ": run `npm ci` in " +
                            dir + " (scripts/install-deps.sh does)");
  }
  // The map layer: the libraries in the order they need each other, then map.js.
  std::string map, world;
  for (const char* lib : {"d3-array/dist/d3-array.min.js", "d3-geo/dist/d3-geo.min.js",
                          "topojson-client/dist/topojson-client.min.js"}) {
    std::string path = dir + "/node_modules/" + lib, text;
    if (!ReadFile(path, &text).ok()) {
      return Status::NotFound("the HTML view's map needs " + path + ": run `npm ci` in " + dir +
                              " (scripts/install-deps.sh does)");
    }
    map += text + "\n";
  }
  std::string map_js;
  PARLEY_RETURN_IF_ERROR(ReadFile(dir + "/map.js", &map_js));
  map += map_js;
  std::string atlas = dir + "/node_modules/world-atlas/countries-110m.json";
  if (!ReadFile(atlas, &world).ok()) {
    return Status::NotFound("the HTML view's map needs " + atlas + ": run `npm ci` in " + dir +
                            " (scripts/install-deps.sh does)");
  }
  // Data, not markup: a '<' could end its element early.
  if (world.find('<') != std::string::npos)
    return Status::InvalidInput(atlas + " holds '<', which the page cannot carry");
  size_t at = page.find("{{GRAPH}}");
  if (at == std::string::npos)
    return Status::InvalidInput(dir + "/view.html has no {{GRAPH}} mark");
  std::string live;
  if (opt.live) PARLEY_RETURN_IF_ERROR(ReadFile(dir + "/live.js", &live));
  std::string head = page.substr(0, at), tail = page.substr(at + 9);
  ReplaceAll(&head, "{{CONNECT}}", opt.live ? "connect-src 'self'; " : "");
  // The title is the only text of the page written as markup: escaped as XML text.
  ReplaceAll(&head, "{{TITLE}}", Xml(opt.title));
  ReplaceAll(&head, "{{STYLE}}", style);
  // The scripts come after the graph, so their text never passes through the graph's data.
  ReplaceAll(&tail, "{{WORLD}}", world);
  ReplaceAll(&tail, "{{CYTOSCAPE}}", InlineScript(cytoscape));
  ReplaceAll(&tail, "{{MAP}}", InlineScript(map));
  ReplaceAll(&tail, "{{VIEW}}", InlineScript(view));
  ReplaceAll(&tail, "{{LIVE}}", opt.live ? "<script>\n" + InlineScript(live) + "\n</script>" : "");
  out << head;
  PARLEY_RETURN_IF_ERROR(WriteJson(store, out, opt, /*plain=*/false, /*html_safe=*/true));
  out << tail;
  return WriteStatus(out);
}

}  // namespace parley::exporting
