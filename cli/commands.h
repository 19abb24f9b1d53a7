// The parley subcommands. Each takes its parsed arguments and returns a Status: OK (exit 0),
// kUsage (exit 2) or any other error (exit 1, its message printed on one line).
#pragma once

#include <memory>

#include "cli/args.h"
#include "util/status.h"

namespace parley {
class Extractor;
}

namespace parley::cli {

// parley ingest [--db DIR] [--skip-bad] PATH...        articles (.txt, .md, .jsonl, folders, -)
// parley ingest [--db DIR] [--skip-bad] --facts FILE... facts as `parley extract` prints them
Status Ingest(const Args& args);

// parley rekey [--db DIR] [--actors FILE] [--all-sentences] [--jobs N]: every stored article
// extracted again from its stored text and written as ingest writes it, its events keyed by this
// build's event key version, which the store then records.
Status Rekey(const Args& args);

// parley extract [--actors FILE] [--lines] [--format jsonl] [--jobs N] PATH...
Status Extract(const Args& args);

// Shared by the commands that extract: --jobs (default: all cores) and the extractor.
int JobsFrom(const Args& args, Status* s);
Status MakeExtractor(const Args& args, bool lines, std::unique_ptr<Extractor>* out);

// parley actor alias ACTOR NAME | merge ACTOR INTO | split ACTOR --alias NAME [--id NEW_ID] | list
//              [--db DIR] [--format F]: curation decisions, recorded for later ingests
Status Actor(const Args& args);

// parley analyze [--db DIR] [--types T,...] [--since DATE] [--until DATE] [--top N]
//                [--path FROM TO | --path-from FROM --path-to TO] [--format table|json]
Status Analyze(const Args& args);

// parley demands [--db DIR] [--by ACTOR] [--of ACTOR] [--about POLICY] [--since DATE]
//                [--timeline] [--format F]
Status Demands(const Args& args);

// parley export [--db DIR] --format FORMAT [-o PATH] [--query Q [--params JSON] | --around ACTOR
//               [--hops N]] [--since DATE] [--title TEXT]
Status Export(const Args& args);

// parley link [--format jsonl] DOCS.jsonl: documents with given mentions in, coreference clusters
// of the mentions out (JSONL).
Status Link(const Args& args);

// parley query [--db DIR] [--format F] [--params JSON] ('QUERY' | -f FILE); a prompt when
// started on a terminal with no query.
Status Query(const Args& args);

// parley edits [--db DIR] [--format F] [--drop SEQ]: the hand edits queries made to elements
// built from extracted facts, which later ingests apply again; --drop forgets one.
Status Edits(const Args& args);

// parley search [--db DIR] [--limit N] [--format F] TEXT...: nodes and relationships whose text
// holds the words or "phrases", ranked by BM25 (storage/fulltext_index.h).
Status Search(const Args& args);

// parley reindex [--db DIR]: the full-text index built again from the stored graph.
Status Reindex(const Args& args);

// parley stats [--db DIR] [--format table|json|jsonl|csv]
// parley timeline A B [--step week|month] [--plot FILE.svg]: the conflict-cooperation line
// between two actors.
Status Timeline(const Args& args);

Status Stats(const Args& args);

// parley serve [--db DIR] [--listen HOST:PORT] [--token-file F] [--read-only] [--timeout S]
//              [--max-memory MB] [--max-rows N] [--max-body BYTES]: the store over HTTP/JSON
//              (cli/http_server.h) until SIGTERM or SIGINT.
Status Serve(const Args& args);

}  // namespace parley::cli
