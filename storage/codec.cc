#include "storage/codec.h"

#include <bit>
#include <cstring>
#include <memory>

#include "storage/temporal_value.h"

namespace parley::codec {
namespace {

enum Tag : uint8_t {
  kNull = 0,
  kFalse = 1,
  kTrue = 2,
  kInt = 3,
  kFloat = 4,
  kString = 5,
  kList = 6,
  kMap = 7,
  kTemporal = 8  // then the kind, then the kind's fields (EncodeTemporal)
};

// Tags of the ordered form; spaced so that types sort null < bool < int < float < string.
enum OrderedTag : uint8_t {
  oNull = 0x01,
  oFalse = 0x10,
  oTrue = 0x11,
  oInt = 0x20,
  oFloat = 0x28,
  oString = 0x30,
  oList = 0x40,
  oMap = 0x50,
  oTemporal = 0x60  // + the kind: each kind of temporal value orders among its own
};

uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
}

void PutString(std::string* out, std::string_view s) {
  PutVarint(out, s.size());
  out->append(s);
}

bool GetString(std::string_view* in, std::string* s) {
  uint64_t n;
  if (!GetVarint(in, &n) || n > in->size()) return false;
  s->assign(in->data(), n);
  in->remove_prefix(n);
  return true;
}

using TKind = Temporal::Kind;
constexpr int64_t kNanosPerSecond = 1000000000;
constexpr int64_t kNanosPerDay = 86400 * kNanosPerSecond;

// The fields of a temporal value, as signed varints: the date, the time, the offset and zone,
// or a duration's four parts, as the kind has them.
void EncodeTemporal(const Temporal& t, std::string* out) {
  out->push_back(static_cast<char>(t.kind));
  auto put = [out](int64_t v) { PutVarint(out, ZigZag(v)); };
  switch (t.kind) {
    case TKind::kDate:
      put(t.epoch_day);
      break;
    case TKind::kLocalTime:
      put(t.nano_of_day);
      break;
    case TKind::kTime:
      put(t.nano_of_day);
      put(t.offset_seconds);
      break;
    case TKind::kLocalDateTime:
      put(t.epoch_day);
      put(t.nano_of_day);
      break;
    case TKind::kDateTime:
      put(t.epoch_day);
      put(t.nano_of_day);
      put(t.offset_seconds);
      PutString(out, t.zone);
      break;
    case TKind::kDuration:
      put(t.months);
      put(t.days);
      put(t.seconds);
      put(t.nanos);
      break;
  }
}

// Reads what EncodeTemporal wrote (after the tag); false if the bytes are truncated or hold
// fields out of range (a time of day past midnight, an offset past 18 hours).
bool DecodeTemporal(std::string_view* in, Temporal* t) {
  if (in->empty()) return false;
  uint8_t kind = static_cast<uint8_t>((*in)[0]);
  in->remove_prefix(1);
  if (kind > static_cast<uint8_t>(TKind::kDuration)) return false;
  t->kind = static_cast<TKind>(kind);
  auto get = [in](int64_t* v) {
    uint64_t u;
    if (!GetVarint(in, &u)) return false;
    *v = UnZigZag(u);
    return true;
  };
  int64_t offset = 0;
  bool ok = true;
  switch (t->kind) {
    case TKind::kDate:
      ok = get(&t->epoch_day);
      break;
    case TKind::kLocalTime:
      ok = get(&t->nano_of_day);
      break;
    case TKind::kTime:
      ok = get(&t->nano_of_day) && get(&offset);
      break;
    case TKind::kLocalDateTime:
      ok = get(&t->epoch_day) && get(&t->nano_of_day);
      break;
    case TKind::kDateTime:
      ok = get(&t->epoch_day) && get(&t->nano_of_day) && get(&offset) && GetString(in, &t->zone);
      break;
    case TKind::kDuration:
      ok = get(&t->months) && get(&t->days) && get(&t->seconds) && get(&t->nanos);
      return ok && t->nanos >= 0 && t->nanos < kNanosPerSecond;
  }
  if (!ok || t->nano_of_day < 0 || t->nano_of_day >= kNanosPerDay) return false;
  if (offset < -18 * 3600 || offset > 18 * 3600) return false;
  t->offset_seconds = static_cast<int32_t>(offset);
  return true;
}

// A signed integer as 8 bytes whose bytewise order is numeric order.
void PutOrderedInt(std::string* out, int64_t v) {
  PutBE64(out, static_cast<uint64_t>(v) ^ (uint64_t{1} << 63));
}

// The ordered form of a temporal value: within a kind, bytewise order is the order of time
// (zoned values by their instant, then their offset and zone so that distinct values stay
// distinct); durations have no order in Cypher and are ordered by their parts (equality only).
void EncodeOrderedTemporal(const Temporal& t, std::string* out) {
  out->push_back(static_cast<char>(oTemporal + static_cast<uint8_t>(t.kind)));
  switch (t.kind) {
    case TKind::kDate:
      PutOrderedInt(out, t.epoch_day);
      break;
    case TKind::kLocalTime:
      PutOrderedInt(out, t.nano_of_day);
      break;
    case TKind::kTime:
      PutOrderedInt(out, t.nano_of_day - int64_t{t.offset_seconds} * kNanosPerSecond);
      PutOrderedInt(out, t.offset_seconds);
      break;
    case TKind::kLocalDateTime:
      PutOrderedInt(out, t.epoch_day);
      PutOrderedInt(out, t.nano_of_day);
      break;
    case TKind::kDateTime: {
      int64_t secs = t.epoch_day * 86400 + t.nano_of_day / kNanosPerSecond - t.offset_seconds;
      PutOrderedInt(out, secs);
      PutBE32(out, static_cast<uint32_t>(t.nano_of_day % kNanosPerSecond));
      PutOrderedInt(out, t.offset_seconds);
      EncodeOrderedStringPrefix(t.zone, out);
      out->push_back('\0');
      out->push_back('\x01');
      break;
    }
    case TKind::kDuration:
      PutOrderedInt(out, t.months);
      PutOrderedInt(out, t.days);
      PutOrderedInt(out, t.seconds);
      PutOrderedInt(out, t.nanos);
      break;
  }
}

// Depth bound for nested lists and maps read from disk, so that corrupt bytes cannot recurse
// without end.
constexpr int kMaxDepth = 64;

Status DecodeValueAt(std::string_view* in, Value* out, int depth) {
  if (in->empty()) return Status::Corruption("truncated value");
  if (depth > kMaxDepth) return Status::Corruption("value nested too deeply");
  uint8_t tag = static_cast<uint8_t>((*in)[0]);
  in->remove_prefix(1);
  switch (tag) {
    case kNull:
      *out = Value();
      return Status::OK();
    case kFalse:
      *out = Value(false);
      return Status::OK();
    case kTrue:
      *out = Value(true);
      return Status::OK();
    case kInt: {
      uint64_t v;
      if (!GetVarint(in, &v)) return Status::Corruption("truncated integer");
      *out = Value(UnZigZag(v));
      return Status::OK();
    }
    case kFloat: {
      if (in->size() < 8) return Status::Corruption("truncated float");
      *out = Value(std::bit_cast<double>(GetBE64(in->data())));
      in->remove_prefix(8);
      return Status::OK();
    }
    case kString: {
      std::string s;
      if (!GetString(in, &s)) return Status::Corruption("truncated string");
      *out = Value(std::move(s));
      return Status::OK();
    }
    case kList: {
      uint64_t n;
      if (!GetVarint(in, &n) || n > in->size()) return Status::Corruption("truncated list");
      ValueList items;
      items.reserve(n);
      for (uint64_t i = 0; i < n; ++i) {
        Value item;
        PARLEY_RETURN_IF_ERROR(DecodeValueAt(in, &item, depth + 1));
        items.push_back(std::move(item));
      }
      *out = Value(std::move(items));
      return Status::OK();
    }
    case kMap: {
      uint64_t n;
      if (!GetVarint(in, &n) || n > in->size()) return Status::Corruption("truncated map");
      ValueMap m;
      for (uint64_t i = 0; i < n; ++i) {
        std::string key;
        if (!GetString(in, &key)) return Status::Corruption("truncated map key");
        Value item;
        PARLEY_RETURN_IF_ERROR(DecodeValueAt(in, &item, depth + 1));
        m.emplace(std::move(key), std::move(item));
      }
      *out = Value(std::move(m));
      return Status::OK();
    }
    case kTemporal: {
      auto t = std::make_shared<Temporal>();
      if (!DecodeTemporal(in, t.get())) return Status::Corruption("bad temporal value");
      *out = Value(std::shared_ptr<const Temporal>(std::move(t)));
      return Status::OK();
    }
    default:
      return Status::Corruption("unknown value tag " + std::to_string(tag));
  }
}

}  // namespace

void PutBE64(std::string* out, uint64_t v) {
  char b[8];
  for (int i = 7; i >= 0; --i, v >>= 8) b[i] = static_cast<char>(v & 0xff);
  out->append(b, 8);
}

void PutBE32(std::string* out, uint32_t v) {
  char b[4];
  for (int i = 3; i >= 0; --i, v >>= 8) b[i] = static_cast<char>(v & 0xff);
  out->append(b, 4);
}

uint64_t GetBE64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

uint32_t GetBE32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    uint8_t b = static_cast<uint8_t>((*in)[0]);
    in->remove_prefix(1);
    result |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) {
      *v = result;
      return true;
    }
  }
  return false;
}

void EncodeValue(const Value& v, std::string* out) {
  switch (v.type()) {
    case Value::Type::kNull:
      out->push_back(kNull);
      break;
    case Value::Type::kBool:
      out->push_back(v.as_bool() ? kTrue : kFalse);
      break;
    case Value::Type::kInt:
      out->push_back(kInt);
      PutVarint(out, ZigZag(v.as_int()));
      break;
    case Value::Type::kFloat:
      out->push_back(kFloat);
      PutBE64(out, std::bit_cast<uint64_t>(v.as_float()));
      break;
    case Value::Type::kString:
      out->push_back(kString);
      PutString(out, v.as_string());
      break;
    case Value::Type::kList:
      out->push_back(kList);
      PutVarint(out, v.as_list().size());
      for (const Value& item : v.as_list()) EncodeValue(item, out);
      break;
    case Value::Type::kMap:
      out->push_back(kMap);
      PutVarint(out, v.as_map().size());
      for (const auto& [k, item] : v.as_map()) {
        PutString(out, k);
        EncodeValue(item, out);
      }
      break;
    case Value::Type::kTemporal:
      out->push_back(kTemporal);
      EncodeTemporal(v.as_temporal(), out);
      break;
    case Value::Type::kNode:
    case Value::Type::kRelationship:
    case Value::Type::kPath:
      // Graph elements are never properties: the query engine refuses them (IsStorable)
      // before a write; should one slip through, it is stored as null rather than half-encoded.
      out->push_back(kNull);
      break;
  }
}

Status DecodeValue(std::string_view* in, Value* out) {
  return DecodeValueAt(in, out, 0);
}

void EncodeOrderedStringPrefix(std::string_view s, std::string* out) {
  out->push_back(static_cast<char>(oString));
  // 0x00 is escaped as 0x00 0xFF and the string ends with 0x00 0x01, so that a shorter string
  // sorts before its extensions and no encoding is a prefix of another.
  for (char c : s) {
    out->push_back(c);
    if (c == '\0') out->push_back(static_cast<char>(0xff));
  }
}

void EncodeOrdered(const Value& v, std::string* out) {
  switch (v.type()) {
    case Value::Type::kNull:
      out->push_back(static_cast<char>(oNull));
      break;
    case Value::Type::kBool:
      out->push_back(static_cast<char>(v.as_bool() ? oTrue : oFalse));
      break;
    case Value::Type::kInt:
      out->push_back(static_cast<char>(oInt));
      PutBE64(out, static_cast<uint64_t>(v.as_int()) ^ (uint64_t{1} << 63));
      break;
    case Value::Type::kFloat: {
      uint64_t bits = std::bit_cast<uint64_t>(v.as_float());
      // Negative floats: flip all bits; positive: flip the sign bit. Bytewise order is then
      // numeric order.
      bits = (bits & (uint64_t{1} << 63)) ? ~bits : bits | (uint64_t{1} << 63);
      out->push_back(static_cast<char>(oFloat));
      PutBE64(out, bits);
      break;
    }
    case Value::Type::kString:
      EncodeOrderedStringPrefix(v.as_string(), out);
      out->push_back('\0');
      out->push_back('\x01');
      break;
    case Value::Type::kList:
    case Value::Type::kMap: {
      std::string compact;
      EncodeValue(v, &compact);
      out->push_back(static_cast<char>(v.is_list() ? oList : oMap));
      PutVarint(out, compact.size());
      out->append(compact);
      break;
    }
    case Value::Type::kTemporal:
      EncodeOrderedTemporal(v.as_temporal(), out);
      break;
    case Value::Type::kNode:
    case Value::Type::kRelationship:
    case Value::Type::kPath:
      out->push_back(static_cast<char>(oNull));
      break;  // see EncodeValue
  }
}

}  // namespace parley::codec
