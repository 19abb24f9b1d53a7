// The HTTP/1.1 JSON interface of `parley serve` over one open store: the endpoints, who may
// call them (the bearer token), the bounds on each request, and how errors are answered.
//
//   POST /query     {"query": "...", "params": {...}}: what `parley query --format json`
//                   prints; with `Accept: application/x-ndjson`, one row a line as
//                   `--format jsonl` prints, streamed
//   POST /ingest    articles (JSON lines, or ?format=text / text/plain: one text) or facts
//                   (?format=facts), stored by one writer (cli/ingest_queue.h); the answer says
//                   per article what was added, replaced or unchanged
//   GET  /stats     what `parley stats --format json` prints
//   GET  /demands   ?by=&of=&about=&since=: what `parley demands --format json` prints
//   GET  /export    ?format=&around=&hops=&query=&since=&title=: what `parley export` prints
//                   (not neo4j-csv, a folder), bounded by max_export_bytes
//   GET  /          the graph view as a live page: search, an actor's neighbourhood and a
//                   Cypher box, fetched from this server (data/view/live.js)
//   GET  /health    {"status":"ok"}
//
// Every error is {"error": "..."} with a status saying its kind. No part of a request names a
// file: the server reads the store it was given and nothing else.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "query/limits.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley::cli {

struct ServeOptions {
  std::string host = "127.0.0.1";  // an IP address (no brackets for IPv6)
  int port = 7474;                 // 0: any free port
  // False: the server listens beyond this machine, and every request needs the token.
  bool loopback = true;
  // What `Authorization: Bearer ...` must carry; empty: no token, so writes are refused.
  std::string token;
  bool read_only = false;  // refuse every write
  size_t max_body_bytes = 1 << 20;
  size_t max_export_bytes = 64 << 20;  // the largest answer of GET /export
  uint64_t max_rows = 10000;           // rows a reading query may answer; 0: no bound
  query::QueryLimits limits;           // --timeout and --max-memory, per query
  std::string db_dir;                  // never shown: error messages name it "DB"
  int threads = 8;                     // requests doing their work at once (FairGate)
  int connections = 64;                // connections served at once, a thread each
};

class HttpServer {
 public:
  // Serves `store` (which must outlive the server) as `options` say.
  HttpServer(GraphStore* store, ServeOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket; `*port` is the port bound (a free one if options.port is 0).
  Status Bind(int* port);
  // Serves until Stop(); returns once the requests in flight have been answered.
  Status Run();
  // Stops accepting requests; callable from any thread, any number of times, before or
  // during Run().
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::cli
