// Record encodings of the store: the value stored under a node id (column family `nodes`),
// under a relationship id (`rels`) and under an article id (`articles`), and which values a
// property index holds for a property.
//
// Both write paths go through these functions: GraphStore's transactional one (graph_store.cc)
// and the BulkLoader's SST one (bulk_loader.cc), so that a bulk-loaded store is byte for byte
// the store the same facts written through GraphStore::Apply would give (with the same tokens).
// Names (labels, types, property keys) are interned by the caller; these functions only see
// tokens, so they cannot fail when encoding.
//
//   node record          varint label count, varint label token...   (labels sorted by name)
//                        then properties
//   relationship record  varint type token, varint start, varint end, then properties
//   properties           varint count, then per property (sorted by key name, nulls left out):
//                        varint key token, codec::EncodeValue(value)
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/codec.h"
#include "storage/graph_store.h"
#include "storage/value.h"
#include "util/status.h"

namespace parley::records {

// One property with its key interned. `value` points into the caller's PropertyMap and is
// never null: a null property is an absent one and is not stored.
struct TokenProperty {
  uint32_t key = 0;
  const Value* value = nullptr;
};

// Appends the non-null properties of `props` to `out` in key order, interning each key through
// `token` (a callable `Status(std::string_view name, uint32_t* token)`). Interning happens in
// that order, so a caller that interns labels first and then calls this hands out tokens in the
// same order as the store always has.
template <typename TokenFn>
Status TokenizeProperties(const PropertyMap& props, TokenFn&& token,
                          std::vector<TokenProperty>* out) {
  for (const auto& [key, value] : props) {
    if (value.is_null()) continue;
    uint32_t t;
    PARLEY_RETURN_IF_ERROR(token(std::string_view(key), &t));
    out->push_back({t, &value});
  }
  return Status::OK();
}

// Appends the property list: varint count, then (varint key token, encoded value) each.
void EncodeProperties(std::span<const TokenProperty> props, std::string* out);

// Appends a node record. `label_tokens` are the tokens of the node's labels sorted by label
// name (not by token), without repeats.
void EncodeNode(std::span<const uint32_t> label_tokens, std::span<const TokenProperty> props,
                std::string* out);

// Appends a relationship record.
void EncodeRelationship(uint32_t type, uint64_t start, uint64_t end,
                        std::span<const TokenProperty> props, std::string* out);

// Decodes a property list from the front of `in`, calling `on_property(uint32_t key_token,
// Value&& value)` for each.
template <typename PropFn>
Status DecodeProperties(std::string_view* in, PropFn&& on_property) {
  uint64_t n;
  if (!codec::GetVarint(in, &n)) return Status::Corruption("truncated properties");
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t tok;
    if (!codec::GetVarint(in, &tok)) return Status::Corruption("truncated property key");
    Value v;
    PARLEY_RETURN_IF_ERROR(codec::DecodeValue(in, &v));
    on_property(static_cast<uint32_t>(tok), std::move(v));
  }
  return Status::OK();
}

// Reads the label list at the front of node record `*v`, calling `on_label(uint32_t token)`
// for each, and advances `*v` to the properties.
template <typename LabelFn>
Status DecodeLabels(std::string_view* v, LabelFn&& on_label) {
  uint64_t count;
  if (!codec::GetVarint(v, &count)) return Status::Corruption("truncated node");
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t tok;
    if (!codec::GetVarint(v, &tok)) return Status::Corruption("truncated node labels");
    on_label(static_cast<uint32_t>(tok));
  }
  return Status::OK();
}

// Decodes a node record: `on_label(uint32_t token)` per label, then properties as above.
template <typename LabelFn, typename PropFn>
Status DecodeNode(std::string_view v, LabelFn&& on_label, PropFn&& on_property) {
  PARLEY_RETURN_IF_ERROR(DecodeLabels(&v, on_label));
  return DecodeProperties(&v, on_property);
}

// Decodes only the labels of a node record, calling `on_label(uint32_t token)` for each.
template <typename LabelFn>
Status DecodeNodeLabels(std::string_view v, LabelFn&& on_label) {
  return DecodeLabels(&v, on_label);
}

// Decodes a relationship record.
template <typename PropFn>
Status DecodeRelationship(std::string_view v, uint32_t* type, uint64_t* start, uint64_t* end,
                          PropFn&& on_property) {
  uint64_t tok;
  if (!codec::GetVarint(&v, &tok) || !codec::GetVarint(&v, start) || !codec::GetVarint(&v, end)) {
    return Status::Corruption("truncated relationship");
  }
  *type = static_cast<uint32_t>(tok);
  return DecodeProperties(&v, on_property);
}

// Appends the record of an article (column family `articles`; the id is the key): a map of its
// title, date, source, text and hashes.
void EncodeArticle(const ArticleRecord& article, std::string* out);
// Decodes the record of article `id`.
Status DecodeArticle(std::string_view id, std::string_view v, ArticleRecord* article);

// Calls `fn(const Value&)` for each value a property index holds for a property whose value is
// `value`: every non-null item of a list (so a node is found by any of its aliases), otherwise
// the value itself unless it is null. This is the rule of GraphStore's WriteIndexEntries.
template <typename Fn>
void ForEachIndexedValue(const Value& value, Fn&& fn) {
  if (value.is_list()) {
    for (const Value& item : value.as_list()) {
      if (!item.is_null()) fn(item);
    }
  } else if (!value.is_null()) {
    fn(value);
  }
}

}  // namespace parley::records
