// Ingest in process: articles into an open store, the way `parley ingest` stores them.
//
// Each article is extracted (unless the store holds it from the same text, program and data
// already), the curator's decisions (parley actor) are applied to its facts, its facts are
// written in one atomic write that replaces what the article stored before, and the hand edits
// of the elements it put are made to hold again. `parley ingest`, `parley rekey`, the C++ API
// (api/) and whatever else stores articles go through here, so that they store alike.
//
// Use: ArticleWriter::Open on a store opened for writing, then IngestDocuments (extraction and
// writing) or ArticleWriter::Write (facts extracted elsewhere). For documents in hand,
// IngestArticles does both and returns one IngestedArticle per document.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/extractor.h"
#include "core/facts.h"
#include "graph/curation.h"
#include "graph/graph_model.h"
#include "graph/hand_edits.h"
#include "graph/near_duplicate_index.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

// What became of one article.
struct IngestedArticle {
  std::string id;
  ArticleOutcome outcome = ArticleOutcome::kUnchanged;
  // Unchanged because the store holds it from the same text, program and data: not extracted
  // again (so that an interrupted ingest resumes where it stopped).
  bool reused = false;
  int dropped = 0;        // facts the graph model had no place for (FactsToGraph)
  size_t text_bytes = 0;  // the size of the article's text, for progress
};

// Counts over a run of articles.
struct IngestTally {
  int added = 0, replaced = 0, unchanged = 0, reused = 0, dropped = 0;
  void Add(const IngestedArticle& a);
  int articles() const { return added + replaced + unchanged; }
};

// What extraction results depend on besides the article: the program file `program` (the
// binary or library holding the extractor), the files of the data folder (all of them,
// subfolders included, but the HTML view, the samples, the tools that build data and the
// READMEs and licences), the user's actor file (if any) and whether every sentence is parsed.
// "" when a file cannot be read: then every article is extracted.
std::string ExtractionFingerprint(const std::string& program, const std::string& actors_file,
                                  bool all_sentences);

// The key of one article's extraction: the fingerprint and everything of the document the
// facts are made from.
std::string ArticleKey(const std::string& fingerprint, const Document& d);

// The key (ArticleKey) an Article node records its facts were extracted with; "" for an article
// stored from given facts (ingest --facts), which cannot be extracted again.
std::string ExtractedWith(const Node& article);

// Adds to `batch` the recording of key `key` on article `doc`'s node, which ExtractedWith reads.
void RecordExtractedWith(const std::string& doc, const std::string& key, GraphBatch* batch);

// Writes articles' facts into one store. Not thread-safe: one writer, used from one thread at
// a time, per store.
class ArticleWriter {
 public:
  struct Options {
    // Refuse a store whose events are keyed by another event key version (CheckEventKeyVersion,
    // which records the version in a store that has none). Off for parley rekey, which re-keys.
    bool check_event_key_version = true;
  };

  // Readies `store` (open for writing; it must outlive the writer) for articles: checks its
  // event key version, makes the near-duplicate index if it lacks one, reads the curator's
  // decisions and the hand edits, loads the graph model from the data folder.
  static Status Open(GraphStore* store, const Options& options,
                     std::unique_ptr<ArticleWriter>* out);

  // True if the store holds article `id` extracted with `key` (ArticleKey).
  bool StoredWith(const std::string& id, const std::string& key) const;

  // The article record and the write Write makes for `facts`: the curator's decisions applied,
  // the graph model's nodes and relationships, the links to the near-duplicates among
  // `earlier`, `key` (if not empty) on the article's node. `*dropped` counts the facts the
  // graph model had no place for.
  Status Compose(const DocumentFacts& facts, const std::string& key, const EarlierArticles& earlier,
                 ArticleRecord* article, GraphBatch* batch, int* dropped) const;

  // Stores one article's facts, after the curator's decisions are applied to them, in one
  // atomic write; `key`, if not empty, is recorded with the article in the same write. Then
  // the hand edits of the elements the article put are made to hold again. Fills `*result`
  // (outcome, dropped facts; id and text size from `facts`).
  Status Write(const DocumentFacts& facts, const std::string& key, IngestedArticle* result);

  GraphStore* store() const { return store_; }

 private:
  explicit ArticleWriter(GraphStore* store) : store_(store) {}
  GraphStore* store_;
  GraphModel model_;
  Curation curation_;
  EditIndex edits_;
};

struct IngestOptions {
  int jobs = 1;  // extraction threads
  // ExtractionFingerprint(...) of the extractor used; "": every article is extracted and no key
  // is recorded.
  std::string fingerprint;
  // Skip extracting an article the store holds under the same key (reused). Off for parley
  // rekey, which must extract every article again.
  bool skip_stored = true;
};

// Extracts and stores the documents `next` yields (it sets `*done` at the end of the input),
// one atomic write each, in input order; extraction runs on options.jobs threads, `next`,
// the writes and `on_stored` (optional, called after each article, in input order) on the
// caller's thread. Stops at the first error of `next` or of a write, which it returns;
// articles stored before it stay stored. `extractor` may be shared with other threads.
Status IngestDocuments(ArticleWriter* writer, const Extractor& extractor,
                       const IngestOptions& options,
                       const std::function<Status(Document*, bool*)>& next,
                       const std::function<void(const IngestedArticle&)>& on_stored);

// Opens an ArticleWriter on `store` and ingests `docs`: `*results` gets one entry per document,
// in their order. On error, `*results` holds the articles stored before it.
Status IngestArticles(GraphStore* store, const Extractor& extractor, const IngestOptions& options,
                      std::vector<Document> docs, std::vector<IngestedArticle>* results);

}  // namespace parley
