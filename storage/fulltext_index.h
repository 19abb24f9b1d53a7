// The full-text index: which words the text of a node or relationship holds, where, and how a
// query's words and phrases rank the elements that hold them (BM25).
//
// What is indexed: the string (and list-of-string) properties named in kTextProperties of
// every node and relationship, whatever its label or type: a demand's text, the quote of the
// relationship that reports it, an actor's or policy's name and aliases, an article's title.
// Each element with at least one word is one document; its words are the words of those
// properties (util/words.h, lower-cased by the Unicode database, util/utf8.h), numbered in
// property order, with a gap between two properties or list items so that no phrase spans them.
//
// How it is kept (storage/graph_store.cc): one posting per (word, element) and one length
// entry per document in the `fulltext` column family, written in the same RocksDB write batch
// as the element itself by every write path (articles, batches, the bulk loader); the number of
// documents and of words in them are store counters. Search reads one key range per query
// word, then the lengths of the documents that match.
//
//   posting  key    word bytes, 0x00, element kind ('N' node, 'R' relationship), id (8, BE)
//            value  varint position deltas (the first from 0)
//   length   key    0x00, element kind, element id (8, BE)
//            value  varint document length (words)
//
// The length has a key of its own so that a change to an element's text rewrites only the
// postings of the words whose positions changed (an alias added to an actor leaves the
// postings of its name alone), plus the length. A word is never empty, so no posting key
// starts with 0x00 and the lengths sort before every posting.
//
// This file holds the parts that do not touch RocksDB: tokenising, the posting codec, query
// parsing and scoring, so that they are the same for the store, the bulk loader and tests.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/value.h"
#include "util/status.h"

namespace parley::fulltext {

// The version of the tokenising rules and key layout; a store whose index was built by
// another version has it rebuilt when it is next opened for writing.
// 2: the document length in a key of its own instead of in every posting.
inline constexpr int kIndexVersion = 2;

// The properties whose words are indexed, in the order their words are numbered.
inline constexpr const char* kTextProperties[] = {"title", "name", "aliases", "text", "quote"};

// BM25's parameters.
inline constexpr double kK1 = 1.2;
inline constexpr double kB = 0.75;

// The words of `text` as the index keeps them: runs of letters and digits, lower-cased.
std::vector<std::string> Tokens(std::string_view text);

// One element's indexed words: each distinct word with the positions it has.
struct Document {
  uint32_t length = 0;  // words in all
  // Sorted by word; positions ascending.
  std::vector<std::pair<std::string, std::vector<uint32_t>>> words;
  bool empty() const { return length == 0; }
  bool operator==(const Document&) const = default;
};

// The document of an element with `properties` (empty if none of kTextProperties holds a word).
Document DocumentOf(const PropertyMap& properties);

// True if `key` is one of kTextProperties (a change to it changes the document).
bool IsTextProperty(std::string_view key);

// Element kinds as the posting key stores them.
inline constexpr char kNodeKind = 'N';
inline constexpr char kRelationshipKind = 'R';

// The posting key of `word` for element (`kind`, `id`), and the prefix of every posting of
// `word`.
std::string PostingKey(std::string_view word, char kind, uint64_t id);
std::string WordPrefix(std::string_view word);

// The key of the length of element (`kind`, `id`)'s document, and the prefix of every such key.
std::string LengthKey(char kind, uint64_t id);
inline constexpr std::string_view kLengthPrefix{"\0", 1};

// One posting read back: the element and the word's positions in it.
struct Posting {
  char kind = kNodeKind;
  uint64_t id = 0;
  std::vector<uint32_t> positions;
};

// The posting value of a word at `positions` (ascending, at least one).
std::string EncodePosting(const std::vector<uint32_t>& positions);
// Decodes posting (`key`, `value`) of a word whose prefix (WordPrefix) is `prefix_size` bytes;
// kCorruption if either is malformed.
Status DecodePosting(std::string_view key, size_t prefix_size, std::string_view value,
                     Posting* out);

// The value of a length entry, and back; kCorruption if `value` is malformed.
std::string EncodeLength(uint32_t length);
Status DecodeLength(std::string_view value, uint32_t* length);

// What turns the index entries of document `old` into those of `now` (the same element):
// `put` for each word of `now` that `old` lacks or holds at other positions, `drop` for each
// word of `old` that `now` lacks, in word order. A word at the same positions is left alone.
void DiffDocuments(
    const Document& old, const Document& now,
    const std::function<void(const std::string& word, const std::vector<uint32_t>& positions)>& put,
    const std::function<void(const std::string& word)>& drop);

// A query: its parts, each a word or a phrase (several words that must follow one another).
// Parts are or-ed: an element scores for each part it matches.
struct Query {
  std::vector<std::vector<std::string>> parts;
};

// Parses `text`: words outside double quotes are parts of their own; the words between a pair
// of double quotes ("sanctions relief") are one phrase. kInvalidInput if a quote is left open
// or the text has no word.
Status ParseQuery(std::string_view text, Query* out);

// The collection statistics BM25 needs.
struct CollectionStats {
  int64_t documents = 0;  // elements with at least one indexed word
  int64_t words = 0;      // their words in all
};

// One ranked element.
struct Hit {
  char kind = kNodeKind;
  uint64_t id = 0;
  double score = 0;
};

// Reads every posting of one word in key order (by kind, then id), calling `visit` for each;
// returns non-OK on a read error.
using PostingReader =
    std::function<Status(std::string_view word, const std::function<Status(Posting&&)>& visit)>;
// Reads the length of the document of element (`kind`, `id`); kCorruption if it has none.
using LengthReader = std::function<Status(char kind, uint64_t id, uint32_t* length)>;

// Ranks the elements matching `query` by BM25 (k1 kK1, b kB; idf ln(1 + (N - df + 0.5) /
// (df + 0.5)); a phrase is scored as one term whose frequency is its number of occurrences),
// summing over the parts an element matches. Returns at most `limit` hits (0: all), best
// first; ties by kind then id, so that the order is the same on every run.
// The length of each matching element is read once.
Status Rank(const Query& query, const CollectionStats& stats, const PostingReader& read,
            const LengthReader& length_of, size_t limit, std::vector<Hit>* hits);

}  // namespace parley::fulltext
