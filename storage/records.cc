// Node, relationship and article record encodings; see records.h for the layout.
#include "storage/records.h"

namespace parley::records {
namespace {

// codec::PutVarint's bytes (LEB128), appended at once rather than a byte at a time: record
// encoding is on the bulk loader's hot path.
inline void AppendVarint(std::string* out, uint64_t v) {
  char b[10];
  size_t n = 0;
  while (v >= 0x80) {
    b[n++] = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  b[n++] = static_cast<char>(v);
  out->append(b, n);
}

}  // namespace

void EncodeProperties(std::span<const TokenProperty> props, std::string* out) {
  AppendVarint(out, props.size());
  for (const TokenProperty& p : props) {
    AppendVarint(out, p.key);
    codec::EncodeValue(*p.value, out);
  }
}

void EncodeNode(std::span<const uint32_t> label_tokens, std::span<const TokenProperty> props,
                std::string* out) {
  AppendVarint(out, label_tokens.size());
  for (uint32_t t : label_tokens) AppendVarint(out, t);
  EncodeProperties(props, out);
}

void EncodeRelationship(uint32_t type, uint64_t start, uint64_t end,
                        std::span<const TokenProperty> props, std::string* out) {
  AppendVarint(out, type);
  AppendVarint(out, start);
  AppendVarint(out, end);
  EncodeProperties(props, out);
}

void EncodeArticle(const ArticleRecord& a, std::string* out) {
  ValueMap m{{"title", a.title},
             {"date", a.date},
             {"source", a.source},
             {"text", a.text},
             {"content_hash", a.content_hash},
             {"facts_hash", a.facts_hash}};
  codec::EncodeValue(Value(std::move(m)), out);
}

Status DecodeArticle(std::string_view id, std::string_view v, ArticleRecord* a) {
  Value val;
  PARLEY_RETURN_IF_ERROR(codec::DecodeValue(&v, &val));
  if (!val.is_map()) return Status::Corruption("bad article record");
  auto str = [&](const char* k) {
    auto it = val.as_map().find(k);
    return it != val.as_map().end() && it->second.is_string() ? it->second.as_string() : "";
  };
  a->id = std::string(id);
  a->title = str("title");
  a->date = str("date");
  a->source = str("source");
  a->text = str("text");
  a->content_hash = str("content_hash");
  a->facts_hash = str("facts_hash");
  return Status::OK();
}

}  // namespace parley::records
