// Linker: cross-document coreference of given event and entity mentions — which mentions in a
// set of news documents refer to the same event (or the same participant, place, time).
//
// What it promises:
//   - Every mention gets exactly one cluster; a mention coreferent with nothing is a singleton.
//   - The result depends only on the documents and mentions given, never on their order: inputs
//     are sorted (documents by id, mentions by document, offsets, type) before anything is
//     computed, and every tie is broken by that order. Document ids are used only for sorting.
//   - Mentions of different types (event, entity) never share a cluster.
//
// The algorithm, in two steps:
//   1. Documents are grouped by what they report (ClusterDocuments). Each document becomes a
//      TF-IDF vector of its name-like words — capitalised words and numbers, lower-cased, minus
//      stop words — with sublinear term frequency (1 + ln tf) and idf = ln(N / df) over the
//      documents given (words in every document weigh nothing). Average-linkage agglomerative
//      clustering over their cosine similarities merges the two most similar groups while that
//      similarity exceeds `doc_threshold`. Names, places and dates separate two look-alike
//      events (two earthquakes, two shootings) better than the common vocabulary, which they
//      share.
//   2. Within each document group, mentions are clustered by their head word (ClusterMentions):
//      two mentions corefer when they have the same type and the same head lemma (WordNet:
//      events read as verbs when WordNet knows the verb, "attacked"/"attacks" -> "attack", else
//      as nouns; entities as nouns) and, if `match_tag`, the same tag. Mentions whose tag is
//      in `document_only_tags` (reporting events such as "said": each article's own) only
//      corefer within their document; mentions whose tag is in `singleton_tags` corefer with
//      nothing. Events with different head lemmas also corefer (same
//      group and tag) when WordNet relates the lemmas: a shared synset, a derivational link or a
//      cause or entailment link among their first senses ("earthquake"/"quake",
//      "issue"/"release", "kill" causes "die"). Heads lose non-word characters at either end
//      and a possessive "'s" ("#Oscars", "Nixon's").
//
// The thresholds and word lists are data: data/linker.json (tuned on the ECB+ training split,
// see bench/linking/README.md).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "util/status.h"

namespace parley {

// A document to link: its id and text (date optional, kept for callers; not used yet).
struct LinkDocument {
  std::string id;
  std::string text;
  std::string date;
};

// A mention in one of the documents. `start`/`end` identify it (any consistent unit: the
// command line passes character offsets); `head` is its head word (the last word of `text`
// when empty).
struct LinkMention {
  int doc = 0;  // index into the documents vector
  int64_t start = 0;
  int64_t end = 0;
  std::string type;  // "event" or "entity" (any other type clusters only with its own kind)
  std::string tag;   // fine-grained class, e.g. ECB+'s ACTION_OCCURRENCE, HUMAN_PART_PER
  std::string head;
  std::string text;
};

struct LinkerOptions {
  double doc_threshold = 0.175;  // average-linkage cosine above which document groups merge
  bool entity_features = true;   // entity-mention head lemmas are document features
  bool event_features = false;   // event-mention head lemmas (but document-only tags') too
  std::map<std::string, std::string> event_lemmas;  // event head word (lower case) -> its lemma
  bool match_tag = true;                            // mentions must share their tag to corefer
  // Events with different head lemmas also corefer (same group, same tag) when WordNet relates
  // the lemmas, looking at the first N senses of each as noun, verb and adjective (0: off):
  int synonym_senses = 0;     // a shared synset
  int derivation_senses = 0;  // a derivational link between their synsets
  int hypernym_senses = 0;    // one's synset a direct hypernym of the other's
  int cause_senses = 0;       // one's synset causes or entails the other's ("kill" -> "die")
  std::set<std::string> document_only_tags;  // tags whose mentions corefer only within a document
  // Tags whose mentions corefer with nothing: each is its own event. A reporting verb ("said",
  // "told") is mostly the article's own attribution, a separate speech act each time; a negated
  // event did not happen, so two reports rarely deny the same one.
  std::set<std::string> singleton_tags;
  std::set<std::string> stopwords;  // lower-case words that are never document features
  std::set<std::string> pronouns;   // entity heads that are not document features
};

class Linker {
 public:
  // Loads the options from a JSON file such as data/linker.json; the error names the file.
  static Status Load(const std::string& path, Linker* out);
  // Loads data/linker.json from the data folder.
  static Status LoadDefault(Linker* out);

  Linker() = default;
  explicit Linker(LinkerOptions options) : options_(std::move(options)) {}
  const LinkerOptions& options() const { return options_; }

  // The group of each document (same order as `docs`): groups are numbered 0, 1, ... in the
  // order of their smallest document id. Entity mentions, when given, add their heads to their
  // documents' features.
  std::vector<int> ClusterDocuments(const std::vector<LinkDocument>& docs,
                                    const std::vector<LinkMention>& mentions = {}) const;

  // The cluster of each mention (same order as `mentions`), given the document groups from
  // ClusterDocuments: clusters are numbered 0, 1, ... in the order of their first mention
  // (by document id, start, end, type).
  std::vector<int> ClusterMentions(const std::vector<LinkDocument>& docs,
                                   const std::vector<int>& doc_groups,
                                   const std::vector<LinkMention>& mentions) const;

  // The head word of a mention: `head`, else the last word of `text`.
  static std::string HeadWord(const LinkMention& m);
  // The head lemma a mention is compared by (exposed for tests and tools): entities' heads read
  // as nouns; events' as verbs when WordNet knows the verb, else as nouns mapped to the verb
  // they derive from in their first sense ("death" -> "die", "election" -> "elect").
  std::string HeadLemma(const LinkMention& m) const;

 private:
  LinkerOptions options_;
};

}  // namespace parley
