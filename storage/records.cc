// Node and relationship record encodings; see records.h for the layout.
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

}  // namespace parley::records
