#include "query/index_range.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "query/query_values.h"
#include "storage/codec.h"

namespace parley::query {
namespace {

using Span = std::pair<std::string, std::string>;  // [from, to) of encoded values

// The ordered encoding of `v`.
std::string Enc(const Value& v) {
  std::string s;
  codec::EncodeOrdered(v, &s);
  return s;
}

// The tag byte all ordered encodings of `v`'s type start with, and the next one.
std::string TypeStart(const Value& v) {
  return Enc(v).substr(0, 1);
}
std::string TypeEnd(const Value& v) {
  std::string s = TypeStart(v);
  s[0] = static_cast<char>(static_cast<unsigned char>(s[0]) + 1);
  return s;
}

// Just past every key "Enc(v) + node id": the end of an inclusive upper bound.
std::string After(const Value& v) {
  return Enc(v) + std::string(9, '\xff');
}

// True if values of these types are ordered the same way by their encoding and by Cypher:
// strings, booleans, and temporal values other than durations.
bool OrderedByEncoding(const Value& v) {
  if (v.is_string() || v.is_bool()) return true;
  return v.is_temporal() && v.as_temporal().kind != Temporal::Kind::kDuration;
}

// The spans of one type `like` between `lo` and `hi` (each may be null).
Span TypeSpan(const Value& like, const Value* lo, const Value* hi) {
  return {lo ? Enc(*lo) : TypeStart(like), hi ? After(*hi) : TypeEnd(like)};
}

// Integer bounds for a number bound: the nearest integers outside it, or none past the range
// of integers (then that side is open).
std::unique_ptr<Value> IntBound(const Value& v, bool lower) {
  if (v.is_int()) return std::make_unique<Value>(v);
  double d = lower ? std::floor(v.as_float()) : std::ceil(v.as_float());
  if (d < -9.2e18 || d > 9.2e18) return nullptr;
  return std::make_unique<Value>(static_cast<int64_t>(d));
}

// The spans that can hold values between the bounds; empty when none can.
std::vector<Span> Spans(const Value* lo, const Value* hi) {
  const Value& like = lo ? *lo : *hi;
  if ((lo && lo->is_null()) || (hi && hi->is_null())) return {};
  if (like.is_number()) {
    for (const Value* b : {lo, hi}) {
      if (b && (!b->is_number() || (b->is_float() && std::isnan(b->as_float())))) return {};
    }
    // Integers and floats compare with each other but sit under two tags: one span each.
    std::unique_ptr<Value> ilo = lo ? IntBound(*lo, true) : nullptr;
    std::unique_ptr<Value> ihi = hi ? IntBound(*hi, false) : nullptr;
    std::unique_ptr<Value> flo = lo ? std::make_unique<Value>(lo->as_number()) : nullptr;
    std::unique_ptr<Value> fhi = hi ? std::make_unique<Value>(hi->as_number()) : nullptr;
    bool int_empty = (lo && lo->as_number() > 9.2e18) || (hi && hi->as_number() < -9.2e18);
    std::vector<Span> spans;
    if (!int_empty) spans.push_back(TypeSpan(Value(int64_t{0}), ilo.get(), ihi.get()));
    spans.push_back(TypeSpan(Value(0.0), flo.get(), fhi.get()));
    return spans;
  }
  // Both bounds must be of one type (or kind, for temporal values) to be met at all.
  if (lo && hi && TypeStart(*lo) != TypeStart(*hi)) return {};
  if (OrderedByEncoding(like)) return {TypeSpan(like, lo, hi)};
  // Lists, maps and durations: their encoding keeps no order; the whole type it is.
  return {TypeSpan(like, nullptr, nullptr)};
}

// True if the span of the bounds (either may be null, not both) can hold exactly the values
// within them: values with one encoding each, ordered by it, both bounds of one type.
bool Exact(const Value* lo, const Value* hi) {
  for (const Value* b : {lo, hi}) {
    if (b && !ExactInIndex(*b)) return false;
  }
  return !lo || !hi || TypeStart(*lo) == TypeStart(*hi);
}

}  // namespace

bool ExactInIndex(const Value& v) {
  if (v.is_string()) return true;
  if (!v.is_temporal()) return false;
  Temporal::Kind k = v.as_temporal().kind;
  return k == Temporal::Kind::kDate || k == Temporal::Kind::kLocalTime ||
         k == Temporal::Kind::kLocalDateTime;
}

Status FindInRange(const GraphStore& store, std::string_view label, std::string_view key,
                   const IndexBounds& b, const Snapshot* snap, RangeFound* out) {
  out->ids.clear();
  out->listed.clear();
  out->exact = false;
  std::vector<NodeId> found;
  if (b.prefix) {
    // STARTS WITH holds for strings only.
    if (!b.prefix->is_string()) return Status::OK();
    PARLEY_RETURN_IF_ERROR(
        store.FindNodesByPrefix(label, key, b.prefix->as_string(), &found, snap));
    if (!b.lower && !b.upper) {
      out->ids = std::move(found);
      return Status::OK();
    }
  }
  if (!b.lower && !b.upper) return Status::OK();
  std::vector<Span> spans;
  if (!b.prefix && Exact(b.lower.get(), b.upper.get())) {
    // One span holding exactly the values within the bounds.
    const Value& like = b.lower ? *b.lower : *b.upper;
    std::string from = !b.lower            ? TypeStart(like)
                       : b.lower_inclusive ? Enc(*b.lower)
                                           : After(*b.lower);
    std::string to = !b.upper ? TypeEnd(like) : b.upper_inclusive ? After(*b.upper) : Enc(*b.upper);
    if (from < to) spans.push_back({std::move(from), std::move(to)});
    out->exact = true;
  } else {
    spans = Spans(b.lower.get(), b.upper.get());
  }
  std::vector<NodeId> in_range;
  for (const Span& span : spans) {
    std::vector<NodeId> part, listed;
    PARLEY_RETURN_IF_ERROR(store.FindNodesInRange(label, key, span.first, span.second, &part, snap,
                                                  out->exact ? &listed : nullptr));
    in_range.insert(in_range.end(), part.begin(), part.end());
    out->listed.insert(out->listed.end(), listed.begin(), listed.end());
  }
  if (spans.size() > 1) {
    std::sort(in_range.begin(), in_range.end());
    in_range.erase(std::unique(in_range.begin(), in_range.end()), in_range.end());
  }
  if (b.prefix) {
    // Both a prefix and bounds: the nodes that satisfy both.
    std::vector<NodeId> both;
    std::set_intersection(found.begin(), found.end(), in_range.begin(), in_range.end(),
                          std::back_inserter(both));
    in_range = std::move(both);
  }
  out->ids = std::move(in_range);
  return Status::OK();
}

}  // namespace parley::query
