// libFuzzer target for the text pipeline: any bytes are an article, read the way `parley
// ingest` reads a file (through DocumentReader, as a .txt or, when the first byte is odd, a
// .jsonl file), and every document read is run through the whole Extractor; bytes the reader
// refuses (not UTF-8, NUL) go to the Extractor directly, as a library user might pass them. The
// facts must serialise, read back equal (ParseFacts of FactsToJson), and turn into graph changes.
// No crash, hang or sanitizer report on any input.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "core/document_reader.h"
#include "core/extractor.h"
#include "core/facts.h"
#include "graph/graph_model.h"
#include "util/utf8.h"

namespace {

using namespace parley;

Extractor& TheExtractor() {
  static std::unique_ptr<Extractor> extractor = [] {
    std::unique_ptr<Extractor> e;
    Extractor::Options opt;
    if (!Extractor::Create(opt, &e).ok()) std::abort();
    return e;
  }();
  return *extractor;
}

const GraphModel& TheModel() {
  static GraphModel model = [] {
    GraphModel m;
    if (!GraphModel::LoadDefault(&m).ok()) std::abort();
    return m;
  }();
  return model;
}

void Check(const Document& doc) {
  DocumentFacts facts;
  TheExtractor().Extract(doc, &facts);
  if (!IsValidUtf8(doc.text) || !IsValidUtf8(doc.title) || !IsValidUtf8(doc.id)) return;
  std::string json = FactsToJson(facts);
  DocumentFacts back;
  Status s = ParseFacts(json, &back);
  if (!s.ok() || FactsToJson(back) != json) {
    std::fprintf(stderr, "facts do not read back: %s\n", s.message().c_str());
    std::abort();
  }
  ArticleRecord article;
  GraphBatch batch;
  int dropped = 0;
  (void)FactsToGraph(back, TheModel(), &article, &batch, &dropped);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // Straight to the Extractor, bytes the reader would not pass on (not UTF-8, NUL bytes): a
  // library user may. Text the reader passes is extracted below.
  if (!IsValidUtf8(bytes) || bytes.find('\0') != std::string::npos) {
    Document raw;
    raw.id = "fuzz";
    raw.text = bytes;
    ParseArticleHeader(&raw);
    DocumentFacts ignored;
    TheExtractor().Extract(raw, &ignored);
  }

  // Through the reader, as a file.
  static const std::string dir = [] {
    const char* t = std::getenv("TMPDIR");
    return std::string(t && *t ? t : "/tmp");
  }();
  bool jsonl = size > 0 && (data[0] & 1);
  std::string path =
      dir + "/parley-fuzz-" + std::to_string(::getpid()) + (jsonl ? ".jsonl" : ".txt");
  if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
  }
  std::unique_ptr<DocumentReader> reader;
  if (DocumentReader::Open({path}, {}, nullptr, &reader).ok()) {
    for (int n = 0; n < 8; ++n) {
      Document doc;
      bool done = true;
      if (!reader->Next(&doc, &done).ok() || done) break;
      Check(doc);
    }
  }
  std::remove(path.c_str());
  return 0;
}
