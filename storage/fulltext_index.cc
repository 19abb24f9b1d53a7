#include "storage/fulltext_index.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

#include "storage/codec.h"
#include "util/utf8.h"
#include "util/words.h"

namespace parley::fulltext {
namespace {

using ElementKey = std::pair<char, uint64_t>;

struct ElementKeyHash {
  size_t operator()(const ElementKey& k) const {
    return std::hash<uint64_t>()(k.second) ^ static_cast<size_t>(k.first);
  }
};

// Appends the words of `text` to `words` at positions from `*next` on.
void AddText(std::string_view text, uint32_t* next,
             std::map<std::string, std::vector<uint32_t>>* words, uint32_t* length) {
  for (std::string& w : Tokens(text)) {
    (*words)[std::move(w)].push_back((*next)++);
    ++*length;
  }
  // A position no word has: a phrase never runs from one value into the next.
  ++*next;
}

// BM25 weight of a term with frequency `tf` in a document of `length` words.
double Weight(double idf, double tf, double length, double average) {
  return idf * tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * length / average));
}

}  // namespace

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view w : Words(text)) out.push_back(ToLowerUtf8(w));
  return out;
}

bool IsTextProperty(std::string_view key) {
  for (const char* p : kTextProperties) {
    if (key == p) return true;
  }
  return false;
}

Document DocumentOf(const PropertyMap& properties) {
  std::map<std::string, std::vector<uint32_t>> words;
  Document doc;
  uint32_t next = 0;
  for (const char* name : kTextProperties) {
    auto it = properties.find(name);
    if (it == properties.end()) continue;
    const Value& v = it->second;
    if (v.is_string()) {
      AddText(v.as_string(), &next, &words, &doc.length);
    } else if (v.is_list()) {
      for (const Value& item : v.as_list()) {
        if (item.is_string()) AddText(item.as_string(), &next, &words, &doc.length);
      }
    }
  }
  doc.words.assign(std::make_move_iterator(words.begin()), std::make_move_iterator(words.end()));
  return doc;
}

std::string WordPrefix(std::string_view word) {
  std::string k(word);
  k.push_back('\0');
  return k;
}

std::string PostingKey(std::string_view word, char kind, uint64_t id) {
  std::string k = WordPrefix(word);
  k.push_back(kind);
  codec::PutBE64(&k, id);
  return k;
}

std::string LengthKey(char kind, uint64_t id) {
  std::string k(kLengthPrefix);
  k.push_back(kind);
  codec::PutBE64(&k, id);
  return k;
}

std::string EncodePosting(const std::vector<uint32_t>& positions) {
  std::string v;
  uint32_t last = 0;
  for (uint32_t p : positions) {
    codec::PutVarint(&v, p - last);
    last = p;
  }
  return v;
}

Status DecodePosting(std::string_view key, size_t prefix_size, std::string_view value,
                     Posting* out) {
  if (key.size() != prefix_size + 9) return Status::Corruption("bad full-text index key");
  out->kind = key[prefix_size];
  out->id = codec::GetBE64(key.data() + prefix_size + 1);
  out->positions.clear();
  if (value.empty()) return Status::Corruption("bad full-text index entry");
  uint64_t at = 0;
  while (!value.empty()) {
    uint64_t delta;
    if (!codec::GetVarint(&value, &delta)) return Status::Corruption("bad full-text index entry");
    at += delta;
    out->positions.push_back(static_cast<uint32_t>(at));
  }
  return Status::OK();
}

std::string EncodeLength(uint32_t length) {
  std::string v;
  codec::PutVarint(&v, length);
  return v;
}

Status DecodeLength(std::string_view value, uint32_t* length) {
  uint64_t n = 0;
  if (!codec::GetVarint(&value, &n) || !value.empty() || n == 0 || n > UINT32_MAX) {
    return Status::Corruption("bad full-text document length");
  }
  *length = static_cast<uint32_t>(n);
  return Status::OK();
}

void DiffDocuments(
    const Document& old, const Document& now,
    const std::function<void(const std::string& word, const std::vector<uint32_t>& positions)>& put,
    const std::function<void(const std::string& word)>& drop) {
  // Both lists are sorted by word: walk them together.
  auto o = old.words.begin();
  for (const auto& [word, positions] : now.words) {
    for (; o != old.words.end() && o->first < word; ++o) drop(o->first);
    if (o != old.words.end() && o->first == word) {
      bool same = o->second == positions;
      ++o;
      if (same) continue;
    }
    put(word, positions);
  }
  for (; o != old.words.end(); ++o) drop(o->first);
}

Status ParseQuery(std::string_view text, Query* out) {
  out->parts.clear();
  std::set<std::vector<std::string>> seen;
  auto add = [&](std::vector<std::string> part) {
    if (!part.empty() && seen.insert(part).second) out->parts.push_back(std::move(part));
  };
  size_t at = 0;
  while (at < text.size()) {
    size_t quote = text.find('"', at);
    std::string_view plain =
        text.substr(at, quote == std::string_view::npos ? text.npos : quote - at);
    for (std::string& w : Tokens(plain)) add({std::move(w)});
    if (quote == std::string_view::npos) break;
    size_t close = text.find('"', quote + 1);
    if (close == std::string_view::npos) {
      return Status::InvalidInput("search text: the quote at character " +
                                  std::to_string(quote + 1) + " is not closed");
    }
    add(Tokens(text.substr(quote + 1, close - quote - 1)));
    at = close + 1;
  }
  if (out->parts.empty()) return Status::InvalidInput("search text has no word to look for");
  return Status::OK();
}

Status Rank(const Query& query, const CollectionStats& stats, const PostingReader& read,
            const LengthReader& length_of, size_t limit, std::vector<Hit>* hits) {
  hits->clear();
  if (stats.documents <= 0) return Status::OK();
  const double n = static_cast<double>(stats.documents);
  const double average = std::max(1.0, static_cast<double>(stats.words) / n);
  std::unordered_map<ElementKey, double, ElementKeyHash> scores;
  std::unordered_map<ElementKey, uint32_t, ElementKeyHash> lengths;
  for (const auto& part : query.parts) {
    // The elements holding the part, in (kind, id) order: their length and the positions
    // where it starts. Postings come in that order, so each word is merged in one pass.
    std::vector<Posting> matches;
    for (size_t i = 0; i < part.size(); ++i) {
      std::vector<Posting> next;
      size_t at = 0;
      PARLEY_RETURN_IF_ERROR(read(part[i], [&](Posting&& p) {
        if (i == 0) {
          next.push_back(std::move(p));
          return Status::OK();
        }
        const ElementKey key{p.kind, p.id};
        while (at < matches.size() && ElementKey{matches[at].kind, matches[at].id} < key) ++at;
        if (at == matches.size() || ElementKey{matches[at].kind, matches[at].id} != key) {
          return Status::OK();
        }
        // Keep the starts whose i-th following word is this one.
        Posting& kept = matches[at];
        size_t out = 0;
        for (uint32_t s : kept.positions) {
          if (std::binary_search(p.positions.begin(), p.positions.end(), s + i))
            kept.positions[out++] = s;
        }
        if (out > 0) {
          kept.positions.resize(out);
          next.push_back(std::move(kept));
        }
        return Status::OK();
      }));
      matches = std::move(next);
      if (matches.empty()) break;
    }
    if (matches.empty()) continue;
    const double df = static_cast<double>(matches.size());
    const double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
    for (const Posting& p : matches) {
      const ElementKey key{p.kind, p.id};
      auto [at, added] = lengths.try_emplace(key, 0);
      if (added) PARLEY_RETURN_IF_ERROR(length_of(p.kind, p.id, &at->second));
      scores[key] += Weight(idf, static_cast<double>(p.positions.size()),
                            static_cast<double>(at->second), average);
    }
  }
  hits->reserve(scores.size());
  for (const auto& [key, score] : scores) hits->push_back({key.first, key.second, score});
  auto better = [](const Hit& a, const Hit& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.id < b.id;
  };
  if (limit > 0 && hits->size() > limit) {
    std::partial_sort(hits->begin(), hits->begin() + static_cast<long>(limit), hits->end(), better);
    hits->resize(limit);
  } else {
    std::sort(hits->begin(), hits->end(), better);
  }
  return Status::OK();
}

}  // namespace parley::fulltext
