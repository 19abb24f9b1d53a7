// The one writer of articles in `parley serve` (POST /ingest): a thread that takes ingest jobs
// from a queue, one at a time, and stores them through graph/ingest.h as `parley ingest` does,
// while reading queries go on on their snapshots. The handler of a request hands its articles
// over and waits for what became of each.
//
// Stopping (SIGTERM) refuses new jobs and finishes the job in hand and those waiting (at most
// `max_waiting`), each article stored whole in one write; a job cut short by an error, or by
// a kill, is sent again to store the rest (what it stored already is unchanged, not extracted
// again).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/document.h"
#include "core/extractor.h"
#include "core/facts.h"
#include "graph/ingest.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley::cli {

struct IngestJob {
  // Articles to extract and store, or (facts_given) facts extracted elsewhere to store as
  // `parley ingest --facts` does.
  std::vector<Document> documents;
  std::vector<DocumentFacts> facts;
  bool facts_given = false;
};

struct IngestResult {
  std::vector<IngestedArticle> articles;  // those stored, in the job's order
  bool complete = false;                  // false: cut short by an error before the end
};

class IngestQueue {
 public:
  // Writes into `store` holding `write_mu` (the lock of the server's writing queries) for
  // each job; at most `max_waiting` jobs wait beside the one being written.
  IngestQueue(GraphStore* store, std::mutex* write_mu, size_t max_waiting);
  ~IngestQueue();  // Stop(), then waits for the writer
  IngestQueue(const IngestQueue&) = delete;
  IngestQueue& operator=(const IngestQueue&) = delete;

  // Runs `job` on the writer thread and waits for it. kBusy (nothing stored) if max_waiting
  // jobs wait already or the queue is stopping; an error of the store or the extractor
  // otherwise, `*result` then holding the articles stored before it.
  Status Run(IngestJob job, IngestResult* result);

  // Refuses jobs from now on; the writer finishes the job in hand and those waiting, then
  // ends. Returns at once.
  void Stop();

 private:
  struct Pending;
  void Loop();
  Status Write(IngestJob& job, IngestResult* result);

  GraphStore* store_;
  std::mutex* write_mu_;
  size_t max_waiting_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending*> waiting_;
  bool stopping_ = false;
  // Made on the first job that needs extraction: loading the parser takes seconds.
  std::unique_ptr<Extractor> extractor_;
  std::string fingerprint_;
  std::thread thread_;
};

}  // namespace parley::cli
