// Extractor: the text-to-facts pipeline for one document.
//
//   sentences -> actor mentions, resolved to canonical actors with in-document coreference
//   (pronouns, surnames, roles: core/mentions.h) -> per sentence: parse (Link Grammar, cached,
//   bounded) -> clauses -> open triples -> typed events (demands and other stances) with
//   policies, negation, modality and conditions
//
// A sentence is parsed only when it can hold a fact of interest (Options::selective_parsing);
// one that is not still gives the demands its words state, read off its tokens, and carries
// the speaker and an open quotation on to the next.
//
// One Extractor is built once (it loads the dictionaries and the parser) and is then used
// from any number of threads: Extract() keeps no state between documents beyond a bounded
// cache of parses.
#pragma once

#include <memory>
#include <string>

#include "core/document.h"
#include "core/facts.h"
#include "core/link_parser.h"
#include "util/status.h"

namespace parley {

class Extractor {
 public:
  struct Options {
    std::string actors_file;       // the user's own actor dictionary, added to the built-in one
    bool single_sentence = false;  // every document is one sentence (extract --lines)
    LinkParser::Options parser;
    size_t parse_cache_entries = 20000;
    // Parse only sentences that can hold a fact of interest (an actor and a word of the
    // predicate lexicon); others yield no triples. Off: every sentence is parsed.
    bool selective_parsing = true;
    // With selective parsing, a sentence of more words than this is parsed only when it states
    // a demand or names two actors: such sentences cost several times an ordinary one, and one
    // naming a single actor rarely yields an event with a target. 0: no such rule.
    size_t long_sentence_words = 20;
    // Sentences longer than this (bytes) are not parsed: such "sentences" are tables, lists or
    // junk, and parsing cost grows steeply with length.
    size_t max_sentence_bytes = 1500;
  };

  static Status Create(const Options& options, std::unique_ptr<Extractor>* out);
  ~Extractor();

  // Extracts the facts of `doc`. Never fails on content: text it cannot analyse yields fewer
  // facts, not an error.
  void Extract(const Document& doc, DocumentFacts* facts) const;

  // Sentences parsed and found in the parse cache so far.
  size_t parses() const;
  size_t cache_hits() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley
