#include "core/linker.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <queue>

#include "core/lemmatizer.h"
#include "core/wordnet.h"
#include "util/data_path.h"
#include "util/strings.h"
#include "util/words.h"

namespace parley {
namespace {

// A name-like word: capitalised with a lower-case letter after ("Lisbon", not "NBA" or "The"
// at a headline's start only if it is a stop word), or a number ("2009", "6").
bool NameLike(std::string_view w) {
  bool digits = std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) return true;
  if (w.empty() || w[0] < 'A' || w[0] > 'Z') return false;
  return std::any_of(w.begin() + 1, w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

using Vector = std::vector<std::pair<std::string, double>>;  // sorted by term, unit length

std::vector<Vector> TfIdf(const std::vector<std::map<std::string, int>>& counts) {
  std::map<std::string, int> df;
  for (const auto& c : counts) {
    for (const auto& [term, n] : c) ++df[term];
  }
  const double n_docs = static_cast<double>(counts.size());
  std::vector<Vector> out;
  out.reserve(counts.size());
  for (const auto& c : counts) {
    Vector v;
    double norm = 0;
    for (const auto& [term, n] : c) {
      double idf = std::log(n_docs / df[term]);
      if (idf <= 0) continue;
      double w = (1 + std::log(static_cast<double>(n))) * idf;
      v.emplace_back(term, w);
      norm += w * w;
    }
    norm = std::sqrt(norm);
    for (auto& [term, w] : v) w /= norm;
    out.push_back(std::move(v));
  }
  return out;
}

double Cosine(const Vector& a, const Vector& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    int c = a[i].first.compare(b[j].first);
    if (c == 0) {
      sum += a[i++].second * b[j++].second;
    } else if (c < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  return sum;
}

// Average-linkage agglomerative clustering of `n` items with similarities `sim` (row-major
// n x n): merges the most similar pair of groups (ties: lowest indices) while their average
// similarity exceeds `threshold`. Returns each item's group representative (its lowest index).
std::vector<int> AverageLinkage(std::vector<double> sim, int n, double threshold) {
  struct Pair {
    double sim;
    int a, b;  // a < b
    int version_a, version_b;
    bool operator<(const Pair& o) const {  // priority_queue: the top is the "largest"
      if (sim != o.sim) return sim < o.sim;
      if (a != o.a) return a > o.a;
      return b > o.b;
    }
  };
  std::vector<int> size(n, 1), version(n, 0), rep(n);
  std::vector<bool> alive(n, true);
  std::iota(rep.begin(), rep.end(), 0);
  std::priority_queue<Pair> heap;
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      if (sim[i * n + j] > threshold) heap.push({sim[i * n + j], i, j, 0, 0});
    }
  }
  while (!heap.empty()) {
    Pair p = heap.top();
    heap.pop();
    if (!alive[p.a] || !alive[p.b] || version[p.a] != p.version_a || version[p.b] != p.version_b) {
      continue;
    }
    int a = p.a, b = p.b;
    alive[b] = false;
    ++version[a];
    for (int c = 0; c < n; ++c) {
      if (!alive[c] || c == a) continue;
      double s = (sim[a * n + c] * size[a] + sim[b * n + c] * size[b]) / (size[a] + size[b]);
      sim[a * n + c] = sim[c * n + a] = s;
      if (s > threshold) {
        int lo = std::min(a, c), hi = std::max(a, c);
        heap.push({s, lo, hi, version[lo], version[hi]});
      }
    }
    size[a] += size[b];
    for (int i = 0; i < n; ++i) {
      if (rep[i] == b) rep[i] = a;
    }
  }
  return rep;
}

Status ReadStrings(const nlohmann::json& j, const char* key, const std::string& path,
                   std::set<std::string>* out) {
  if (!j.contains(key)) return Status::OK();
  if (!j[key].is_array()) return Status::InvalidInput(path + ": " + key + ": expected an array");
  for (const auto& s : j[key]) {
    if (!s.is_string()) return Status::InvalidInput(path + ": " + key + ": expected strings");
    out->insert(s.get<std::string>());
  }
  return Status::OK();
}

// How two lemmas relate in WordNet, reading each as a noun, verb and adjective and taking each
// word class's first `senses` senses (0: that relation is not looked for). Only verbs have cause
// and entailment links in WordNet.
struct Relations {
  int synonym = 0;     // a synset in common
  int derivation = 0;  // a derivational link ("+", "\\") between their synsets
  int hypernym = 0;    // one's synset is a direct hypernym of the other's
  int cause = 0;       // one's synset causes or entails the other's (">", "*")
};

using SynsetId = std::pair<int, size_t>;  // part of speech (0-2: noun, verb, adjective), offset

// The first `n` senses of `lemma` as a noun, a verb and an adjective.
std::vector<SynsetId> Senses(const std::string& lemma, int n) {
  std::vector<SynsetId> out;
  for (int p = 0; p < 3; ++p) {
    const std::vector<uint32_t>* senses = WordNet::Get().Senses(lemma, static_cast<WordClass>(p));
    if (!senses) continue;
    for (size_t k = 0; k < senses->size() && static_cast<int>(k) < n; ++k) {
      out.emplace_back(p, (*senses)[k]);
    }
  }
  return out;
}

// Whether a synset among the first `n` senses of one lemma points with one of `symbols` to a
// synset among the first `n` senses of the other.
bool Linked(const std::string& a, const std::string& b, int n,
            std::initializer_list<std::string_view> symbols) {
  auto sa = Senses(a, n), sb = Senses(b, n);
  for (int round = 0; round < 2; ++round) {
    const auto& from = round == 0 ? sa : sb;
    const auto& to = round == 0 ? sb : sa;
    for (const auto& [p, offset] : from) {
      WordNet::Synset s;
      if (!WordNet::Get().ReadSynset(static_cast<WordClass>(p), offset, &s)) continue;
      for (const auto& ptr : s.pointers) {
        if (std::find(symbols.begin(), symbols.end(), ptr.symbol) == symbols.end()) continue;
        int q = ptr.pos == "n"                       ? 0
                : ptr.pos == "v"                     ? 1
                : (ptr.pos == "a" || ptr.pos == "s") ? 2
                                                     : -1;
        if (q >= 0 && std::find(to.begin(), to.end(), SynsetId(q, ptr.offset)) != to.end()) {
          return true;
        }
      }
    }
  }
  return false;
}

// Whether WordNet relates lemmas `a` and `b` in one of the ways `r` looks for.
bool Related(const std::string& a, const std::string& b, const Relations& r) {
  if (r.synonym > 0) {
    auto sa = Senses(a, r.synonym), sb = Senses(b, r.synonym);
    for (const auto& s : sa) {
      if (std::find(sb.begin(), sb.end(), s) != sb.end()) return true;
    }
  }
  if (r.derivation > 0 && Linked(a, b, r.derivation, {"+", "\\"})) return true;
  if (r.hypernym > 0 && Linked(a, b, r.hypernym, {"@", "@i"})) return true;
  if (r.cause > 0 && Linked(a, b, r.cause, {">", "*"})) return true;
  return false;
}

}  // namespace

Status Linker::Load(const std::string& path, Linker* out) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Status::InvalidInput(path + ": expected a JSON object");
  LinkerOptions o;
  if (j.contains("doc_threshold")) {
    if (!j["doc_threshold"].is_number())
      return Status::InvalidInput(path + ": doc_threshold: expected a number");
    o.doc_threshold = j["doc_threshold"].get<double>();
  }
  for (auto [key, field] : {std::pair<const char*, bool*>{"entity_features", &o.entity_features},
                            {"event_features", &o.event_features}}) {
    if (!j.contains(key)) continue;
    if (!j[key].is_boolean())
      return Status::InvalidInput(path + ": " + key + ": expected true or false");
    *field = j[key].get<bool>();
  }
  if (j.contains("event_lemmas")) {
    if (!j["event_lemmas"].is_object())
      return Status::InvalidInput(path + ": event_lemmas: expected an object");
    for (const auto& [word, lemma] : j["event_lemmas"].items()) {
      if (!lemma.is_string())
        return Status::InvalidInput(path + ": event_lemmas: expected strings");
      o.event_lemmas[Lower(word)] = lemma.get<std::string>();
    }
  }
  if (j.contains("match_tag")) {
    if (!j["match_tag"].is_boolean())
      return Status::InvalidInput(path + ": match_tag: expected true or false");
    o.match_tag = j["match_tag"].get<bool>();
  }
  for (auto [key, field] : {std::pair<const char*, int*>{"synonym_senses", &o.synonym_senses},
                            {"derivation_senses", &o.derivation_senses},
                            {"hypernym_senses", &o.hypernym_senses},
                            {"cause_senses", &o.cause_senses}}) {
    if (!j.contains(key)) continue;
    if (!j[key].is_number_integer() || j[key].get<int>() < 0)
      return Status::InvalidInput(path + ": " + key + ": expected a whole number >= 0");
    *field = j[key].get<int>();
  }
  PARLEY_RETURN_IF_ERROR(ReadStrings(j, "document_only_tags", path, &o.document_only_tags));
  PARLEY_RETURN_IF_ERROR(ReadStrings(j, "singleton_tags", path, &o.singleton_tags));
  std::set<std::string> words;
  PARLEY_RETURN_IF_ERROR(ReadStrings(j, "stopwords", path, &words));
  for (const auto& w : words) o.stopwords.insert(Lower(w));
  words.clear();
  PARLEY_RETURN_IF_ERROR(ReadStrings(j, "pronouns", path, &words));
  for (const auto& w : words) o.pronouns.insert(Lower(w));
  *out = Linker(std::move(o));
  return Status::OK();
}

Status Linker::LoadDefault(Linker* out) {
  return Load(DataPath("linker.json"), out);
}

std::string Linker::HeadWord(const LinkMention& m) {
  if (!m.head.empty()) return TrimWord(m.head);
  auto words = Words(m.text);
  return words.empty() ? "" : std::string(words.back());
}

std::string Linker::HeadLemma(const LinkMention& m) const {
  std::string head = HeadWord(m);
  if (m.type == "event") {
    auto it = options_.event_lemmas.find(Lower(head));
    if (it != options_.event_lemmas.end()) return it->second;
  }
  const Lemmatizer& lem = Lemmatizer::Get();
  std::string noun = lem.Lemma(head, WordClass::kNoun);
  if (m.type != "event") return noun;
  std::string verb = lem.Lemma(head, WordClass::kVerb);
  if (lem.Knows(verb, WordClass::kVerb)) return verb;
  verb = WordNet::Get().VerbOf(noun);
  return verb.empty() ? noun : verb;
}

std::vector<int> Linker::ClusterDocuments(const std::vector<LinkDocument>& docs,
                                          const std::vector<LinkMention>& mentions) const {
  const int n = static_cast<int>(docs.size());
  std::vector<int> order(n), rank(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return docs[a].id != docs[b].id ? docs[a].id < docs[b].id : docs[a].text < docs[b].text;
  });
  for (int k = 0; k < n; ++k) rank[order[k]] = k;
  std::vector<std::map<std::string, int>> counts(n);
  for (int k = 0; k < n; ++k) {
    for (std::string_view w : Words(docs[order[k]].text)) {
      if (w.size() < 2 || !NameLike(w)) continue;
      std::string lw = Lower(w);
      if (options_.stopwords.count(lw)) continue;
      ++counts[k][lw];
    }
  }
  // Entity mentions add their head lemmas ("E:" keeps them apart from the words).
  for (const LinkMention& m : mentions) {
    if (m.doc < 0 || m.doc >= n) continue;
    if (m.type == "event" && options_.event_features) {
      if (!options_.document_only_tags.count(m.tag)) ++counts[rank[m.doc]]["V:" + HeadLemma(m)];
      continue;
    }
    if (m.type != "entity" || !options_.entity_features) continue;
    std::string head = HeadWord(m);
    if (head.empty() || options_.pronouns.count(Lower(head))) continue;
    ++counts[rank[m.doc]]["E:" + Lemmatizer::Get().Lemma(head, WordClass::kNoun)];
  }
  std::vector<Vector> vecs = TfIdf(counts);
  std::vector<double> sim(static_cast<size_t>(n) * n, 0.0);
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) sim[i * n + j] = sim[j * n + i] = Cosine(vecs[i], vecs[j]);
  }
  std::vector<int> rep = AverageLinkage(std::move(sim), n, options_.doc_threshold);
  // Number the groups by their smallest member in sorted order (the representative is it).
  std::vector<int> number(n, -1), out(n);
  int next = 0;
  for (int k = 0; k < n; ++k) {
    if (number[rep[k]] < 0) number[rep[k]] = next++;
    out[order[k]] = number[rep[k]];
  }
  return out;
}

std::vector<int> Linker::ClusterMentions(const std::vector<LinkDocument>& docs,
                                         const std::vector<int>& doc_groups,
                                         const std::vector<LinkMention>& mentions) const {
  const size_t n = mentions.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const LinkMention& x = mentions[a];
    const LinkMention& y = mentions[b];
    if (x.doc != y.doc && docs[x.doc].id != docs[y.doc].id) return docs[x.doc].id < docs[y.doc].id;
    if (x.start != y.start) return x.start < y.start;
    if (x.end != y.end) return x.end < y.end;
    if (x.type != y.type) return x.type < y.type;
    return a < b;
  });
  std::map<std::string, int> cluster_of_key;
  std::vector<int> key_cluster(n);
  struct Head {
    int group;
    std::string type, tag, lemma;
  };
  std::vector<Head> heads;  // per key cluster
  for (size_t k : order) {
    const LinkMention& m = mentions[k];
    std::string lemma = HeadLemma(m);
    std::string key = std::to_string(doc_groups[m.doc]) + '\x1f' + m.type + '\x1f' + lemma;
    if (options_.match_tag) key += '\x1f' + m.tag;
    bool document_only = options_.document_only_tags.count(m.tag) > 0;
    if (document_only) key += '\x1f' + docs[m.doc].id;
    // A singleton tag's mention keys by its own position (document and offsets).
    bool alone = options_.singleton_tags.count(m.tag) > 0;
    if (alone) {
      key += '\x1f' + docs[m.doc].id + '\x1f' + std::to_string(m.start) + '\x1f' +
             std::to_string(m.end);
    }
    auto [it, added] = cluster_of_key.emplace(key, static_cast<int>(cluster_of_key.size()));
    if (added) {
      heads.push_back({document_only || alone ? -1 : doc_groups[m.doc], m.type, m.tag, lemma});
    }
    key_cluster[k] = it->second;
  }
  // Events with different heads join when WordNet relates their head lemmas (same group, same
  // tag; never for document-only tags).
  const int clusters = static_cast<int>(heads.size());
  std::vector<int> parent(clusters);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const LinkerOptions& o = options_;
  if (o.synonym_senses > 0 || o.derivation_senses > 0 || o.hypernym_senses > 0 ||
      o.cause_senses > 0) {
    Relations r{o.synonym_senses, o.derivation_senses, o.hypernym_senses, o.cause_senses};
    for (int a = 0; a < clusters; ++a) {
      if (heads[a].group < 0 || heads[a].type != "event") continue;
      for (int b = a + 1; b < clusters; ++b) {
        const Head& x = heads[a];
        const Head& y = heads[b];
        if (y.group != x.group || y.type != x.type || (o.match_tag && y.tag != x.tag) ||
            y.lemma == x.lemma || !Related(x.lemma, y.lemma, r)) {
          continue;
        }
        int ra = find(a), rb = find(b);
        if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
      }
    }
  }
  // Number the clusters in the order of their first mention.
  std::vector<int> number(clusters, -1), out(n);
  int next = 0;
  for (size_t k : order) {
    int root = find(key_cluster[k]);
    if (number[root] < 0) number[root] = next++;
    out[k] = number[root];
  }
  return out;
}

}  // namespace parley
