// Ingest in process (graph/ingest.h): the fingerprint of an extraction, the article writer and
// the ordered extract-then-write loop.
#include "graph/ingest.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "graph/near_duplicate_index.h"
#include "util/data_path.h"
#include "util/hash.h"
#include "util/ordered_pool.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

// The Article node property that records what an article's stored facts were extracted
// from: ArticleKey() of the article and of the extraction fingerprint.
constexpr const char* kExtractedWith = "extracted_with";

}  // namespace

void IngestTally::Add(const IngestedArticle& a) {
  switch (a.outcome) {
    case ArticleOutcome::kAdded:
      ++added;
      break;
    case ArticleOutcome::kReplaced:
      ++replaced;
      break;
    case ArticleOutcome::kUnchanged:
      ++unchanged;
      break;
  }
  if (a.reused) ++reused;
  dropped += a.dropped;
}

std::string ExtractionFingerprint(const std::string& program, const std::string& actors_file,
                                  bool all_sentences) {
  std::string all, content;
  if (!ReadFile(program, &content).ok()) return "";
  all += HashHex(content);
  const fs::path data = DataPath("");
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(data, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it.depth() == 0 && it->is_directory(ec) &&
        (name == "view" || name == "samples" || name == "tools")) {
      it.disable_recursion_pending();
      continue;
    }
    if (name.rfind("README", 0) == 0 || name.rfind("LICENSE", 0) == 0) continue;
    if (it->is_regular_file(ec)) files.push_back(it->path().lexically_relative(data).string());
  }
  if (ec) return "";
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    if (!ReadFile((data / f).string(), &content).ok()) return "";
    all += "\n" + f + " " + HashHex(content);
  }
  if (!actors_file.empty()) {
    if (!ReadFile(actors_file, &content).ok()) return "";
    all += "\n--actors " + HashHex(content);
  }
  all += all_sentences ? "\nall-sentences" : "\nselective";
  return HashHex(all);
}

std::string ArticleKey(const std::string& fingerprint, const Document& d) {
  std::string all = fingerprint;
  for (const std::string* f : {&d.id, &d.title, &d.date, &d.source, &d.text}) {
    all += '\0' + std::to_string(f->size()) + ':' + *f;
  }
  return HashHex(all);
}

std::string ExtractedWith(const Node& article) {
  return StringProperty(article.properties, kExtractedWith);
}

void RecordExtractedWith(const std::string& doc, const std::string& key, GraphBatch* batch) {
  batch->SetNodeProperty(IdFor("Article:" + doc), kExtractedWith, key);
}

Status ArticleWriter::Open(GraphStore* store, const Options& options,
                           std::unique_ptr<ArticleWriter>* out) {
  std::unique_ptr<ArticleWriter> w(new ArticleWriter(store));
  PARLEY_RETURN_IF_ERROR(GraphModel::LoadDefault(&w->model_));
  if (options.check_event_key_version)
    PARLEY_RETURN_IF_ERROR(CheckEventKeyVersion(store, w->model_.keys));
  PARLEY_RETURN_IF_ERROR(PrepareNearDuplicateIndex(store));
  PARLEY_RETURN_IF_ERROR(Curation::Load(*store, &w->curation_));
  std::vector<HandEdit> hand_edits;
  PARLEY_RETURN_IF_ERROR(LoadEdits(*store, &hand_edits));
  w->edits_ = IndexEdits(hand_edits);
  *out = std::move(w);
  return Status::OK();
}

bool ArticleWriter::StoredWith(const std::string& id, const std::string& key) const {
  Node article;
  if (!store_->GetNode(IdFor("Article:" + id), &article).ok()) return false;
  return ExtractedWith(article) == key;
}

Status ArticleWriter::Compose(const DocumentFacts& extracted, const std::string& key,
                              const EarlierArticles& earlier, ArticleRecord* article,
                              GraphBatch* batch, int* dropped) const {
  DocumentFacts curated;
  if (!curation_.empty()) {
    curated = extracted;
    curation_.Apply(&curated);
  }
  const DocumentFacts& facts = curation_.empty() ? extracted : curated;
  PARLEY_RETURN_IF_ERROR(FactsToGraph(facts, model_, article, batch, dropped));
  PARLEY_RETURN_IF_ERROR(LinkNearDuplicates(earlier, model_.duplicates, facts, batch));
  if (!key.empty()) RecordExtractedWith(facts.doc, key, batch);
  return Status::OK();
}

Status ArticleWriter::Write(const DocumentFacts& facts, const std::string& key,
                            IngestedArticle* result) {
  *result = IngestedArticle();
  result->id = facts.doc;
  result->text_bytes = facts.text.size();
  ArticleRecord article;
  GraphBatch batch;
  PARLEY_RETURN_IF_ERROR(
      Compose(facts, key, StoredArticles(*store_), &article, &batch, &result->dropped));
  PARLEY_RETURN_IF_ERROR(
      store_->WriteArticle(article, batch, &result->outcome).WithContext("article " + facts.doc));
  if (result->outcome == ArticleOutcome::kUnchanged && !key.empty() &&
      !StoredWith(facts.doc, key)) {
    // The same facts from another extraction (new data that changed nothing here): record it,
    // so that the next run skips the article. A crash before this only costs a re-extraction.
    GraphBatch mark;
    RecordExtractedWith(facts.doc, key, &mark);
    PARLEY_RETURN_IF_ERROR(store_->Apply(mark).WithContext("article " + facts.doc));
  }
  // Also when unchanged: a run stopped between the two writes is made good by the next.
  return ReapplyEdits(store_, edits_, batch).WithContext("article " + facts.doc);
}

Status IngestDocuments(ArticleWriter* writer, const Extractor& extractor,
                       const IngestOptions& options,
                       const std::function<Status(Document*, bool*)>& next,
                       const std::function<void(const IngestedArticle&)>& on_stored) {
  struct Item {
    Document doc;
    std::string key;
    bool reused = false;
  };
  struct Extracted {
    DocumentFacts facts;
    std::string key;
    IngestedArticle reused;  // when the article is not extracted again
    bool is_reused = false;
  };
  Status write_status;
  // Extraction runs on the pool's threads; writes happen here, in input order, one article
  // each. A reused article goes through the pool too, unextracted, to keep that order.
  auto write = [&](Extracted& e) {
    if (!write_status.ok()) return;
    IngestedArticle result;
    if (e.is_reused) {
      result = std::move(e.reused);
    } else {
      write_status = writer->Write(e.facts, e.key, &result);
      if (!write_status.ok()) return;
    }
    if (on_stored) on_stored(result);
  };
  OrderedPool<Item, Extracted> pool(options.jobs, static_cast<size_t>(options.jobs) * 4,
                                    [&](const Item& item, Extracted* e) {
                                      e->key = item.key;
                                      if (item.reused) {
                                        e->is_reused = true;
                                        e->reused.id = item.doc.id;
                                        e->reused.reused = true;
                                        e->reused.text_bytes = item.doc.text.size();
                                        return;
                                      }
                                      extractor.Extract(item.doc, &e->facts);
                                    });
  for (;;) {
    Item item;
    bool done = false;
    PARLEY_RETURN_IF_ERROR(next(&item.doc, &done));
    if (done || !write_status.ok()) break;
    if (!options.fingerprint.empty()) {
      item.key = ArticleKey(options.fingerprint, item.doc);
      item.reused = options.skip_stored && writer->StoredWith(item.doc.id, item.key);
    }
    pool.Push(std::move(item), write);
  }
  pool.Finish(write);
  return write_status;
}

Status IngestArticles(GraphStore* store, const Extractor& extractor, const IngestOptions& options,
                      std::vector<Document> docs, std::vector<IngestedArticle>* results) {
  results->clear();
  std::unique_ptr<ArticleWriter> writer;
  PARLEY_RETURN_IF_ERROR(ArticleWriter::Open(store, ArticleWriter::Options(), &writer));
  size_t i = 0;
  return IngestDocuments(
      writer.get(), extractor, options,
      [&](Document* d, bool* done) {
        *done = i == docs.size();
        if (!*done) *d = std::move(docs[i++]);
        return Status::OK();
      },
      [&](const IngestedArticle& a) { results->push_back(a); });
}

}  // namespace parley
