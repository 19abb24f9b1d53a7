// Byte encodings used by the store: fixed big-endian integers (so that keys sort by id),
// varints, the compact binary form of Values, and an order-preserving form of Values for
// index keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/value.h"
#include "util/status.h"

namespace parley::codec {

// Appends `v` as 8 (or 4) big-endian bytes.
void PutBE64(std::string* out, uint64_t v);
void PutBE32(std::string* out, uint32_t v);
// Reads 8 (or 4) big-endian bytes at `p`; the caller guarantees they are there.
uint64_t GetBE64(const char* p);
uint32_t GetBE32(const char* p);

// Appends `v` as a LEB128 varint.
void PutVarint(std::string* out, uint64_t v);
// Reads a varint from the front of `in` and advances it; false if `in` is truncated.
bool GetVarint(std::string_view* in, uint64_t* v);

// Appends the compact binary encoding of `v` (a type tag, then the payload).
void EncodeValue(const Value& v, std::string* out);
// Decodes one value from the front of `in` and advances it.
Status DecodeValue(std::string_view* in, Value* out);

// Appends an encoding of `v` whose bytewise order follows value order within a type (strings
// by bytes, numbers numerically within int and within float), and which is prefix-free: no
// encoding is a prefix of another's, so "key + encoded value + id" keys can be prefix-scanned
// for one value. Temporal values sort in time within each kind (dates by day, date-times by
// instant), so that an index range scan finds a span of dates. Lists, maps and durations are
// encoded by their compact form (equality only).
void EncodeOrdered(const Value& v, std::string* out);
// The encoding of a string's bytes without the terminator: a prefix of every EncodeOrdered(s2)
// where s2 starts with `s` (for STARTS WITH range scans).
void EncodeOrderedStringPrefix(std::string_view s, std::string* out);

}  // namespace parley::codec
