#include "core/extractor.h"

#include "core/clauses.h"
#include "core/parse_cache.h"
#include "core/segmenter.h"
#include "core/triples.h"

namespace parley {

struct Extractor::Impl {
  Options options;
  std::unique_ptr<LinkParser> parser;
  mutable ParseCache cache{0};
  explicit Impl(const Options& o) : options(o), cache(o.parse_cache_entries) {}
};

namespace {

// The sentence as handed to the parser: the same length as the original, so that the
// parser's byte offsets are the document's. Treebank-style quotes (`` and '') become '"'.
std::string ParserInput(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '`' && out[i + 1] == '`') {
      out[i] = '"';
      out[i + 1] = ' ';
    } else if (out[i] == '\'' && out[i + 1] == '\'') {
      out[i] = ' ';
      out[i + 1] = '"';
    }
  }
  return out;
}

}  // namespace

Status Extractor::Create(const Options& options, std::unique_ptr<Extractor>* out) {
  auto impl = std::make_unique<Impl>(options);
  PARLEY_RETURN_IF_ERROR(LinkParser::Create(options.parser, &impl->parser));
  out->reset(new Extractor(std::move(impl)));
  return Status::OK();
}

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

size_t Extractor::parses() const { return impl_->cache.misses(); }
size_t Extractor::cache_hits() const { return impl_->cache.hits(); }

void Extractor::Extract(const Document& doc, DocumentFacts* facts) const {
  *facts = DocumentFacts();
  facts->doc = doc.id;
  facts->title = doc.title;
  facts->date = doc.date;
  facts->source = doc.source;
  facts->text = doc.text;
  std::vector<Sentence> sentences;
  if (impl_->options.single_sentence) {
    Sentence s;
    s.start = 0;
    s.end = static_cast<int32_t>(doc.text.size());
    sentences.push_back(s);
  } else {
    sentences = SplitSentences(doc.text);
  }
  std::string_view text = doc.text;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    std::string input = ParserInput(text.substr(s.start, s.end - s.start));
    if (input.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    ParseTree tree = impl_->cache.Parse(*impl_->parser, input);
    std::vector<Clause> clauses = ExtractClauses(tree);
    ClausesToTriples(tree, clauses, text, s.start, static_cast<int>(i), &facts->triples);
  }
}

}  // namespace parley
