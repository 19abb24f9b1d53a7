// The store's key layout: one column family per kind of record, big-endian ids so that a
// prefix scan visits one node's entries in id order.
//
//   column family  key                                         value
//   nodes          node id (8)                                 labels + properties
//   rels           rel id (8)                                  type, start, end, properties
//   out            start (8) type (4) end (8) rel (8)          (empty)
//   in             end (8) type (4) start (8) rel (8)          (empty)
//   labels         label (4) node (8)                          (empty)
//   props          label (4) key (4) ordered value node (8)    (empty)
//   articles       article id                                  article record (a Value map)
//   contrib        varint len + article id, kind (1), id (8)   (empty)
//   owners         kind (1), id (8), article id                (empty)
//   meta           "schema_version", "token:…", "count:…",     see graph_store.cc
//                  "index:…", "setting:…"
//   fulltext       word, 0x00, kind (1), id (8)                positions (fulltext_index.h)
//
// Labels, relationship types and property keys are interned as 4-byte tokens, so that one
// node's relationships of one type and direction are one contiguous prefix: id + type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/codec.h"

namespace parley::keys {

enum ColumnFamily : int {
  kNodes = 0,
  kRels,
  kOut,
  kIn,
  kLabels,
  kProps,
  kArticles,
  kContrib,
  kOwners,
  kMeta,
  kFulltext,
  kNumColumnFamilies
};
// RocksDB's name of each column family; kNodes is the default one.
const char* ColumnFamilyName(int cf);

// What a contrib/owners entry refers to.
enum class ElementKind : char { kNode = 'N', kRel = 'R' };

inline std::string Id(uint64_t id) {
  std::string k;
  codec::PutBE64(&k, id);
  return k;
}

// Adjacency key of one relationship seen from `from`: from, type, other end, rel.
inline std::string Adjacency(uint64_t from, uint32_t type, uint64_t other, uint64_t rel) {
  std::string k;
  k.reserve(28);
  codec::PutBE64(&k, from);
  codec::PutBE32(&k, type);
  codec::PutBE64(&k, other);
  codec::PutBE64(&k, rel);
  return k;
}

inline std::string AdjacencyPrefix(uint64_t from) {
  return Id(from);
}

inline std::string AdjacencyPrefix(uint64_t from, uint32_t type) {
  std::string k = Id(from);
  codec::PutBE32(&k, type);
  return k;
}

inline std::string Label(uint32_t label, uint64_t node) {
  std::string k;
  codec::PutBE32(&k, label);
  codec::PutBE64(&k, node);
  return k;
}

inline std::string LabelPrefix(uint32_t label) {
  std::string k;
  codec::PutBE32(&k, label);
  return k;
}

inline std::string PropertyPrefix(uint32_t label, uint32_t key) {
  std::string k;
  codec::PutBE32(&k, label);
  codec::PutBE32(&k, key);
  return k;
}

inline std::string PropertyValuePrefix(uint32_t label, uint32_t key, const Value& v) {
  std::string k = PropertyPrefix(label, key);
  codec::EncodeOrdered(v, &k);
  return k;
}

// The value of a property-index entry for a property that holds the value itself. An item of a
// list property gets an empty value (as every entry did before this mark): a range seek then
// knows which nodes it found by a list item, whose property the WHERE clause must still check.
inline constexpr std::string_view kScalarEntry = "s";

inline std::string Property(uint32_t label, uint32_t key, const Value& v, uint64_t node) {
  std::string k = PropertyValuePrefix(label, key, v);
  codec::PutBE64(&k, node);
  return k;
}

inline std::string ContribPrefix(std::string_view article) {
  std::string k;
  codec::PutVarint(&k, article.size());
  k.append(article);
  return k;
}

inline std::string Contrib(std::string_view article, ElementKind kind, uint64_t id) {
  std::string k = ContribPrefix(article);
  k.push_back(static_cast<char>(kind));
  codec::PutBE64(&k, id);
  return k;
}

inline std::string OwnersPrefix(ElementKind kind, uint64_t id) {
  std::string k(1, static_cast<char>(kind));
  codec::PutBE64(&k, id);
  return k;
}

inline std::string Owner(ElementKind kind, uint64_t id, std::string_view article) {
  std::string k = OwnersPrefix(kind, id);
  k.append(article);
  return k;
}

// The smallest key greater than every key that starts with `prefix` ("" if there is none).
std::string PrefixEnd(std::string_view prefix);

}  // namespace parley::keys
