// Value encodings: the compact form round-trips every value type, the ordered form sorts as
// values do, and corrupt bytes are reported rather than crashing.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "query/result_format.h"
#include "query/temporal.h"
#include "query/value_ops.h"
#include "storage/codec.h"

using namespace parley;

namespace {

Value RoundTrip(const Value& v) {
  std::string bytes;
  codec::EncodeValue(v, &bytes);
  std::string_view in = bytes;
  Value out;
  REQUIRE(codec::DecodeValue(&in, &out).ok());
  REQUIRE(in.empty());
  return out;
}

std::string Ordered(const Value& v) {
  std::string s;
  codec::EncodeOrdered(v, &s);
  return s;
}

}  // namespace

TEST_CASE("every value type round-trips through the compact encoding", "[codec]") {
  std::string big(3 << 20, 'x');  // a 3 MiB string
  ValueList many;
  for (int i = 0; i < 10000; ++i) many.push_back(Value(int64_t{i} * 1000003));
  std::vector<Value> values = {
      Value(),
      Value(true),
      Value(false),
      Value(int64_t{0}),
      Value(std::numeric_limits<int64_t>::min()),
      Value(std::numeric_limits<int64_t>::max()),
      Value(-1),
      Value(3.25),
      Value(-0.0),
      Value(std::numeric_limits<double>::infinity()),
      Value(std::nan("")),
      Value(""),
      Value("Ayatollah Ali Khamenei"),
      Value("آیت‌الله خامنه‌ای — 伊朗 — Ωμέγα 🇮🇷"),
      Value(std::string("nul\0inside", 10)),
      Value(big),
      Value(many),
      Value(ValueList{Value(1), Value("two"), Value(ValueList{Value(3.0)}), Value()}),
      Value(ValueMap{{"name", Value("Iran")},
                     {"codes", Value(ValueList{Value("IRN"), Value("IR")})},
                     {"nested", Value(ValueMap{{"x", Value(1)}})}}),
  };
  for (const Value& v : values) {
    INFO(v.DebugString().substr(0, 80));
    CHECK(RoundTrip(v) == v);
  }
  CHECK(RoundTrip(Value(1)).is_int());
  CHECK(RoundTrip(Value(1.0)).is_float());
  CHECK(std::signbit(RoundTrip(Value(-0.0)).as_float()));
}

TEST_CASE("truncated or unknown bytes decode to an error, not a crash", "[codec]") {
  std::string bytes;
  codec::EncodeValue(Value(ValueList{Value("abc"), Value(42), Value(2.5)}), &bytes);
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    std::string_view in(bytes.data(), cut);
    Value out;
    CHECK_FALSE(codec::DecodeValue(&in, &out).ok());
  }
  std::string junk = "\x7f\x01\x02";
  std::string_view in = junk;
  Value out;
  CHECK(codec::DecodeValue(&in, &out).code() == Status::Code::kCorruption);
  // A list claiming more items than bytes left is refused before allocating.
  std::string huge = "\x06\xff\xff\xff\xff\x0f";
  in = huge;
  CHECK_FALSE(codec::DecodeValue(&in, &out).ok());
}

TEST_CASE("the ordered encoding sorts as the values do", "[codec]") {
  std::vector<int64_t> ints = {std::numeric_limits<int64_t>::min(), -1000, -1, 0, 1, 255, 256,
                               std::numeric_limits<int64_t>::max()};
  for (size_t i = 1; i < ints.size(); ++i) {
    CHECK(Ordered(Value(ints[i - 1])) < Ordered(Value(ints[i])));
  }
  std::vector<double> floats = {
      -std::numeric_limits<double>::infinity(), -1e10, -1.5, 0.0, 1e-300, 2.5, 1e300};
  for (size_t i = 1; i < floats.size(); ++i) {
    CHECK(Ordered(Value(floats[i - 1])) < Ordered(Value(floats[i])));
  }
  std::vector<std::string> strings = {"", std::string("\0", 1), "A", "Iran", "Iran's", "Iraq", "ö"};
  for (size_t i = 1; i < strings.size(); ++i) {
    CHECK(Ordered(Value(strings[i - 1])) < Ordered(Value(strings[i])));
  }
  // No encoding is a prefix of another's, so a key "value + id" matches one value only.
  std::string iran = Ordered(Value("Iran"));
  std::string irans = Ordered(Value("Iran's"));
  CHECK(irans.compare(0, iran.size(), iran) != 0);
  // ...but the string prefix form is a prefix of every extension.
  std::string prefix;
  codec::EncodeOrderedStringPrefix("Ira", &prefix);
  CHECK(iran.compare(0, prefix.size(), prefix) == 0);
  CHECK(Ordered(Value()) < Ordered(Value(false)));
  CHECK(Ordered(Value(true)) < Ordered(Value(int64_t{-5})));
}

namespace {

Value T(Temporal::Kind kind, const char* text) {
  Value v;
  Status s = query::MakeTemporal("t", kind, Value(text), &v);
  INFO(text);
  REQUIRE(s.ok());
  return v;
}

}  // namespace

TEST_CASE("temporal values round-trip whole and sort in time", "[codec][temporal]") {
  using K = Temporal::Kind;
  std::vector<Value> values = {
      T(K::kDate, "-0044-03-15"),
      T(K::kDate, "+275760-09-13"),
      T(K::kLocalTime, "23:59:59.999999999"),
      T(K::kTime, "12:00-05:30"),
      T(K::kLocalDateTime, "1969-12-31T23:59:59.000000001"),
      T(K::kDateTime, "2044-06-30T10:15:00.5+02:00[Europe/Berlin]"),
      T(K::kDateTime, "1900-01-01T00:00-00:30"),
      T(K::kDuration, "P-1Y2M-3DT4H5M-6.000000007S"),
      Value(ValueList{T(K::kDate, "2026-03-01"), T(K::kDuration, "PT0S")}),
  };
  for (const Value& v : values) {
    INFO(v.DebugString());
    Value back = RoundTrip(v);
    CHECK(back == v);
    CHECK(query::CypherText(back) == query::CypherText(v));
  }
  // Every cut of a temporal encoding is refused, as is a kind that does not exist.
  std::string bytes;
  codec::EncodeValue(values[5], &bytes);
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    std::string_view in(bytes.data(), cut);
    Value out;
    CHECK_FALSE(codec::DecodeValue(&in, &out).ok());
  }
  std::string bad = bytes;
  bad[1] = 9;
  std::string_view in = bad;
  Value out;
  CHECK(codec::DecodeValue(&in, &out).code() == Status::Code::kCorruption);

  // The ordered form follows time within a kind: dates across the year 0 and past 9999,
  // date-times by their instant whatever their offset or zone.
  std::vector<Value> dates = {T(K::kDate, "-0001-12-31"), T(K::kDate, "0000-01-01"),
                              T(K::kDate, "1969-12-31"),  T(K::kDate, "1970-01-01"),
                              T(K::kDate, "2026-02-28"),  T(K::kDate, "+10000-01-01")};
  for (size_t i = 1; i < dates.size(); ++i) CHECK(Ordered(dates[i - 1]) < Ordered(dates[i]));
  std::vector<Value> instants = {T(K::kDateTime, "2026-03-01T12:00+05:00"),
                                 T(K::kDateTime, "2026-03-01T09:00+01:00[Europe/Paris]"),
                                 T(K::kDateTime, "2026-03-01T08:30Z"),
                                 T(K::kDateTime, "2026-03-01T05:00-04:00")};
  for (size_t i = 1; i < instants.size(); ++i) {
    CHECK(Ordered(instants[i - 1]) < Ordered(instants[i]));
  }
  CHECK(Ordered(T(K::kTime, "10:00+02:00")) < Ordered(T(K::kTime, "09:00Z")));
  CHECK(Ordered(T(K::kLocalDateTime, "2026-03-01T23:59")) <
        Ordered(T(K::kLocalDateTime, "2026-03-02T00:00")));
  // Kinds do not mix, and equal values encode equally.
  CHECK(Ordered(T(K::kDate, "2026-03-01")) != Ordered(T(K::kLocalDateTime, "2026-03-01T00:00")));
  CHECK(Ordered(T(K::kDate, "2026-03-01")) == Ordered(T(K::kDate, "2026-060")));
}

TEST_CASE("varints and big-endian ids", "[codec]") {
  for (uint64_t v : {uint64_t{0}, uint64_t{127}, uint64_t{128}, uint64_t{1} << 35, ~uint64_t{0}}) {
    std::string s;
    codec::PutVarint(&s, v);
    std::string_view in = s;
    uint64_t out;
    REQUIRE(codec::GetVarint(&in, &out));
    CHECK(out == v);
  }
  std::string a, b;
  codec::PutBE64(&a, 255);
  codec::PutBE64(&b, 256);
  CHECK(a < b);  // ids sort numerically as bytes
  CHECK(codec::GetBE64(b.data()) == 256);
}

TEST_CASE("values print as the JSON contract says", "[format]") {
  std::string s;
  AppendJson(Value(ValueList{Value(1), Value(1.0), Value(0.1), Value(std::nan("")), Value("a\"b\n"),
                             Value(), Value(true)}),
             &s);
  CHECK(s == "[1,1.0,0.1,NaN,\"a\\\"b\\n\",null,true]");
}
