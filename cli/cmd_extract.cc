// parley extract: facts per document as JSONL on stdout, without a store. Reads files,
// folders, JSONL articles or stdin; with --lines every input line is a one-sentence document
// whose id is its line number. Output order is input order whatever --jobs is.
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "core/document_reader.h"
#include "core/extractor.h"
#include "graph/ingest.h"
#include "util/ordered_pool.h"

namespace parley::cli {

int JobsFrom(const Args& args, Status* s) {
  std::string v = args.Get("--jobs", "");
  if (v.empty()) return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  try {
    int n = std::stoi(v);
    if (n >= 1 && n <= 256) return n;
  } catch (...) {
  }
  *s = Status::Usage("--jobs takes a number from 1 to 256");
  return 1;
}

Status MakeExtractor(const Args& args, bool lines, std::unique_ptr<Extractor>* out) {
  Extractor::Options opt;
  opt.actors_file = args.Get("--actors", "");
  opt.single_sentence = lines;
  // A one-sentence document is there to be analysed whole (Open IE benchmarks, say).
  opt.selective_parsing = !lines && !args.Has("--all-sentences");
  if (!opt.selective_parsing) opt.parser = LinkParser::Options::Thorough();
  return Extractor::Create(opt, out);
}

Status Extract(const Args& args) {
  std::string format = args.Get("--format", "jsonl");
  if (format != "jsonl") return Status::Usage("extract prints --format jsonl only");
  Status s;
  int jobs = JobsFrom(args, &s);
  PARLEY_RETURN_IF_ERROR(s);
  bool lines = args.Has("--lines");
  DocumentReader::Options ropt;
  ropt.lines = lines;
  std::unique_ptr<DocumentReader> reader;
  auto warn = [](const std::string& m) { std::cerr << "parley: warning: " << m << "\n"; };
  PARLEY_RETURN_IF_ERROR(DocumentReader::Open(args.positional(), ropt, warn, &reader));
  std::unique_ptr<Extractor> extractor;
  PARLEY_RETURN_IF_ERROR(MakeExtractor(args, lines, &extractor));

  // --record-key: each record carries its article's extraction key, as `ingest` records it.
  const std::string fingerprint =
      args.Has("--record-key") && !lines
          ? ExtractionFingerprint("/proc/self/exe", args.Get("--actors", ""),
                                  args.Has("--all-sentences"))
          : "";
  Progress progress("docs", reader->bytes_total());
  size_t emitted = 0;
  Status written;  // the first write error: no use extracting what cannot be written
  auto emit = [&](std::string& line) {
    std::cout << line << '\n';
    ++emitted;
    if (written.ok() && !std::cout) written = StdoutStatus();
    progress.Update(reader->bytes_read(), emitted);
  };
  {
    OrderedPool<Document, std::string> pool(jobs, static_cast<size_t>(jobs) * 8,
                                            [&](const Document& d, std::string* out) {
                                              DocumentFacts facts;
                                              extractor->Extract(d, &facts);
                                              if (lines) facts.text.clear();
                                              if (!fingerprint.empty())
                                                facts.extracted_with = ArticleKey(fingerprint, d);
                                              *out = FactsToJson(facts, /*numeric_doc_id=*/lines);
                                            });
    for (;;) {
      Document doc;
      bool done;
      PARLEY_RETURN_IF_ERROR(reader->Next(&doc, &done));
      if (done || !written.ok()) break;
      pool.Push(std::move(doc), emit);
    }
    pool.Finish(emit);
  }
  progress.Finish();
  PARLEY_RETURN_IF_ERROR(written);
  return FinishStdout();
}

}  // namespace parley::cli
