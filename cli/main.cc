// parley: the command-line entry point. Dispatches to a subcommand and turns its Status into
// an exit code: 0 success, 1 a user error (one line on stderr), 2 bad usage. Output that
// cannot be written (a full disk) and anything thrown (memory exhausted) are user errors too:
// one line, exit 1.
#include <clocale>
#include <cstring>
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <new>

#include "cli/commands.h"
#include "cli/output_file.h"

namespace {

using parley::Status;
using parley::cli::Args;

struct Command {
  std::function<Status(const Args&)> run;
  std::set<std::string> value_flags;
  std::set<std::string> switches;
  const char* usage;
};

const std::map<std::string, Command>& Commands() {
  static const std::map<std::string, Command> kCommands = {
      {"ingest",
       {parley::cli::Ingest,
        {"--db", "--facts", "--actors", "--jobs"},
        {"--skip-bad", "--all-sentences", "--no-text-index", "--bulk"},
        "parley ingest [--db DIR] [--actors FILE] [--jobs N] PATH...  extract and store articles "
        "(.txt, .md, .jsonl, folders, - for stdin)\n"
        "parley ingest [--db DIR] [--skip-bad] [--bulk] --facts FILE...  store facts printed by "
        "`parley extract`\n"
        "              --bulk: fill an empty store through sorted table files (a first load of "
        "many shards; the same store, faster)\n"
        "              --no-text-index: do not keep the full-text index (faster); the store has "
        "none until `parley reindex` or the next ingest builds it"}},
      {"actor",
       {parley::cli::Actor,
        {"--db", "--alias", "--id", "--format"},
        {},
        "parley actor alias|merge|split|list [--db DIR] ...  curate actors, kept by later "
        "ingests:\n"
        "              alias ACTOR NAME | merge ACTOR INTO | split ACTOR --alias NAME [--id "
        "NEW_ID] | list [--format table|json|jsonl|csv]"}},
      {"analyze",
       {parley::cli::Analyze,
        {"--db", "--types", "--since", "--until", "--top", "--path", "--path-from", "--path-to",
         "--format"},
        {},
        "parley analyze [--db DIR] [--types T,...] [--since DATE] [--until DATE] [--top N] [--path "
        "FROM TO] [--format table|json]  actor graph: degree, PageRank, betweenness, components, "
        "shortest paths"}},
      {"demands",
       {parley::cli::Demands,
        {"--db", "--by", "--of", "--about", "--since", "--format"},
        {"--timeline"},
        "parley demands [--db DIR] [--by ACTOR] [--of ACTOR] [--about POLICY] [--since DATE] "
        "[--timeline] [--format table|json|jsonl|csv]  who demands what of whom; --timeline: "
        "demands and stances between actors over time"}},
      {"export",
       {parley::cli::Export,
        {"--db", "--format", "-o", "--query", "--params", "--timeout", "--max-memory", "--around",
         "--hops", "--since", "--title"},
        {},
        "parley export [--db DIR] --format "
        "graphml|gexf|dot|ntriples|turtle|cytoscape|json|neo4j-csv|html|gdelt|plover [-o PATH]\n"
        "              [--query 'MATCH ... RETURN ...' [--timeout S] [--max-memory MB] | --around "
        "ACTOR [--hops N]] [--since DATE] [--title TEXT]  the graph, or a part, for Gephi, "
        "networkx, Graphviz, RDF stores, Cytoscape, Neo4j, a browser; the events for GDELT "
        "and POLECAT tools"}},
      {"extract",
       {parley::cli::Extract,
        {"--actors", "--format", "--jobs"},
        {"--lines", "--all-sentences", "--record-key"},
        "parley extract [--actors FILE] [--lines] [--all-sentences] [--record-key] "
        "[--format jsonl] [--jobs N] PATH...  facts per document as JSONL, no store\n"
        "              --record-key: each record carries its article's extraction key "
        "(extracted_with), which `ingest --facts` stores as `ingest` of the article would"}},
      {"link",
       {parley::cli::Link,
        {"--format"},
        {},
        "parley link [--format jsonl] DOCS.jsonl  cluster given event and entity mentions across "
        "documents (coreference)"}},
      {"rekey",
       {parley::cli::Rekey,
        {"--db", "--actors", "--jobs"},
        {"--all-sentences"},
        "parley rekey [--db DIR] [--actors FILE] [--all-sentences] [--jobs N]  key the stored "
        "events by this parley's event key version (extracts every stored article again; "
        "ingest asks for it when the versions differ)"}},
      {"query",
       {parley::cli::Query,
        {"--db", "--format", "--params", "-f", "--timeout", "--max-memory", "--user"},
        {},
        "parley query [--db DIR] [--format table|json|jsonl|csv] [--params JSON] [--timeout S] "
        "[--max-memory MB] [--user NAME] 'QUERY' | -f FILE  openCypher; a prompt on a terminal "
        "with no query; --user names the author of hand edits (default $USER)"}},
      {"edits",
       {parley::cli::Edits,
        {"--db", "--format", "--drop"},
        {},
        "parley edits [--db DIR] [--format table|json|jsonl|csv] [--drop SEQ]  the changes "
        "made by query to extracted facts (kept by later ingests): who, what, when; --drop "
        "forgets one"}},
      {"reindex",
       {parley::cli::Reindex,
        {"--db"},
        {},
        "parley reindex [--db DIR]  build the full-text index again from the stored graph"}},
      {"search",
       {parley::cli::Search,
        {"--db", "--limit", "--format"},
        {},
        "parley search [--db DIR] [--limit N] [--format table|json|jsonl|csv] TEXT...  demands, "
        "quotes, names and titles holding the words or \"phrases\", ranked (BM25)"}},
      {"timeline",
       {parley::cli::Timeline,
        {"--db", "--step", "--plot", "--format"},
        {},
        "parley timeline [--db DIR] [--step week|month] [--plot FILE.svg] [--format "
        "table|json|jsonl|csv] ACTOR ACTOR  conflict-cooperation between two actors by week or "
        "month: events, Goldstein sum, QuadClass counts; --plot draws it as SVG"}},
      {"serve",
       {parley::cli::Serve,
        {"--db", "--listen", "--token-file", "--timeout", "--max-memory", "--max-rows",
         "--max-body", "--max-export"},
        {"--read-only"},
        "parley serve [--db DIR] [--listen 127.0.0.1:7474] [--token-file FILE] [--read-only] "
        "[--timeout S] [--max-memory MB] [--max-rows N] [--max-body BYTES] [--max-export BYTES]  "
        "the store over HTTP/JSON: GET / (the live graph view), POST /query, POST /ingest, GET "
        "/stats, GET /demands, GET /export, GET /health; writes (and every "
        "request off loopback) need Authorization: Bearer TOKEN from --token-file"}},
      {"stats",
       {parley::cli::Stats,
        {"--db", "--format"},
        {},
        "parley stats [--db DIR] [--format table|json|jsonl|csv]   counts per label and "
        "relationship type"}},
  };
  return kCommands;
}

void PrintUsage(std::ostream& out) {
  out << "parley: who demands what of whom, from news, as a knowledge graph\n\nUsage:\n";
  for (const auto& [name, cmd] : Commands()) out << "  " << cmd.usage << "\n";
  out << "\nThe database is --db DIR, else $PARLEY_DB, else ./parley.db.\n"
         "parley COMMAND --help prints that command's usage.\n";
}

// Runs the command named by argv[1]; returns the exit status.
int Run(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    PrintUsage(argc < 2 ? std::cerr : std::cout);
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::cout << "parley " << PARLEY_VERSION << "\n";
    return 0;
  }
  auto it = Commands().find(argv[1]);
  if (it == Commands().end()) {
    std::cerr << "parley: unknown command '" << argv[1] << "' (see parley --help)\n";
    return 2;
  }
  Args args;
  Status s = Args::Parse(argc, argv, 2, it->second.value_flags, it->second.switches, &args);
  if (s.ok() && args.help()) {
    std::cout << "usage: " << it->second.usage << "\n";
    return 0;
  }
  if (s.ok()) {
    try {
      s = it->second.run(args);
    } catch (const std::bad_alloc&) {
      // What was stored is safe: every write is one atomic batch, and this one never landed.
      s = Status::IOError("out of memory");
    }
  }
  if (s.ok()) return 0;
  std::cerr << "parley: " << s.message() << "\n";
  if (s.code() == Status::Code::kUsage) {
    std::cerr << "usage: " << it->second.usage << "\n";
    return 2;
  }
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "C.UTF-8");
  // `parley query` with no query opens a prompt when standard input is a terminal.
  parley::cli::CheckStdoutWrites(/*prompt=*/argc >= 2 && !std::strcmp(argv[1], "query"));
  int code;
  try {
    code = Run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "parley: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "parley: internal error: " << e.what() << "\n";
    return 1;
  } catch (...) {
    std::cerr << "parley: internal error\n";
    return 1;
  }
  // Everything printed must have arrived: a full disk or a lost terminal is an error.
  Status out = parley::cli::FinishStdout();
  if (!out.ok()) {
    if (code == 0) std::cerr << "parley: " << out.message() << "\n";
    return code == 0 ? 1 : code;
  }
  return code;
}
