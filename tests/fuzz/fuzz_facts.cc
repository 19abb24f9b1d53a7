// libFuzzer target for the facts reader: any bytes are one line of `parley ingest --facts`
// input. ParseFacts must answer with facts or an error; facts it accepts must serialise and
// read back to the same text, and turn into the graph changes ingest would write (offsets,
// ids and policies as the bytes have them). No crash, hang or sanitizer report on any input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/facts.h"
#include "graph/graph_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  static GraphModel model = [] {
    GraphModel m;
    if (!GraphModel::LoadDefault(&m).ok()) std::abort();
    return m;
  }();
  std::string_view line(reinterpret_cast<const char*>(data), size);
  DocumentFacts facts;
  if (!ParseFacts(line, &facts).ok()) return 0;
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
  (void)FactsToGraph(facts, model, &article, &batch, &dropped);
  return 0;
}
