// The writer thread of `parley serve` (cli/ingest_queue.h).
#include "cli/ingest_queue.h"

#include <atomic>
#include <utility>

namespace parley::cli {

struct IngestQueue::Pending {
  IngestJob job;
  IngestResult* result;
  Status status;
  bool done = false;
};

IngestQueue::IngestQueue(GraphStore* store, std::mutex* write_mu, size_t max_waiting)
    : store_(store), write_mu_(write_mu), max_waiting_(max_waiting) {
  thread_ = std::thread([this] { Loop(); });
}

IngestQueue::~IngestQueue() {
  Stop();
  thread_.join();
}

void IngestQueue::Stop() {
  std::lock_guard<std::mutex> lock(mu_);
  stopping_ = true;
  cv_.notify_all();
}

Status IngestQueue::Run(IngestJob job, IngestResult* result) {
  *result = IngestResult();
  Pending p{std::move(job), result, Status::OK()};
  std::unique_lock<std::mutex> lock(mu_);
  if (stopping_) return Status::Busy("the server is stopping: send the articles again later");
  if (waiting_.size() > max_waiting_) {
    return Status::Busy(std::to_string(waiting_.size()) +
                        " ingests are waiting already: send the articles again later");
  }
  waiting_.push_back(&p);
  cv_.notify_all();
  cv_.wait(lock, [&] { return p.done; });
  return p.status;
}

void IngestQueue::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
    if (waiting_.empty()) return;  // stopping, nothing left
    Pending* p = waiting_.front();
    lock.unlock();
    Status s = Write(p->job, p->result);
    lock.lock();
    waiting_.pop_front();
    p->status = s;
    p->done = true;
    cv_.notify_all();
  }
}

Status IngestQueue::Write(IngestJob& job, IngestResult* result) {
  // One writer at a time in the store: a job and the server's writing queries take turns.
  std::lock_guard<std::mutex> write(*write_mu_);
  std::unique_ptr<ArticleWriter> writer;
  // Opened for each job, so that the curator's decisions and hand edits made through writing
  // queries since the last one are applied.
  PARLEY_RETURN_IF_ERROR(ArticleWriter::Open(store_, ArticleWriter::Options(), &writer));
  if (job.facts_given) {
    for (const DocumentFacts& facts : job.facts) {
      IngestedArticle stored;
      PARLEY_RETURN_IF_ERROR(writer->Write(facts, /*key=*/"", &stored));
      result->articles.push_back(std::move(stored));
    }
    result->complete = true;
    return Status::OK();
  }
  if (!extractor_) {
    Extractor::Options opt;
    opt.selective_parsing = true;  // as `parley ingest` without --all-sentences
    PARLEY_RETURN_IF_ERROR(Extractor::Create(opt, &extractor_));
    fingerprint_ = ExtractionFingerprint("/proc/self/exe", "", /*all_sentences=*/false);
  }
  IngestOptions options;
  options.jobs = 1;  // the other core answers the reads
  options.fingerprint = fingerprint_;
  size_t next = 0;
  PARLEY_RETURN_IF_ERROR(IngestDocuments(
      writer.get(), *extractor_, options,
      [&](Document* doc, bool* done) {
        *done = next == job.documents.size();
        if (!*done) *doc = std::move(job.documents[next++]);
        return Status::OK();
      },
      [&](const IngestedArticle& a) { result->articles.push_back(a); }));
  result->complete = true;
  return Status::OK();
}

}  // namespace parley::cli
