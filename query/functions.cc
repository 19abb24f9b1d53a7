#include "query/functions.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <numbers>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "query/limits.h"
#include "query/query_values.h"
#include "query/temporal.h"
#include "query/value_ops.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace parley::query {
namespace {

using Args = std::vector<Value>;

// ---------------------------------------------------------------------------------------------
// Argument checks and their messages: "toLower() expects a String, got Integer".

std::string Callee(const char* name) {
  return std::string(name) + "()";
}

Status Expects(const char* fn, const char* what, const Args& args, size_t i) {
  std::string msg = Callee(fn) + " expects " + what;
  if (args.size() > 1) msg += " as argument " + std::to_string(i + 1);
  return Status::InvalidInput(msg + ", got " + TypeName(args[i]));
}

Status Invalid(const char* fn, const std::string& what) {
  return Status::InvalidInput(Callee(fn) + " " + what);
}

Status Overflow(const char* fn) {
  return Invalid(fn, "overflows the integer range");
}

#define EXPECT_TYPE(cond, what, i)                  \
  do {                                              \
    if (!(cond)) return Expects(fn, what, args, i); \
  } while (0)

// ---------------------------------------------------------------------------------------------
// Number parsing for toInteger/toFloat: decimal literals only (no hex, no "inf"), surrounding
// whitespace ignored, anything else is "not a number" (null), never an error.

bool ParseInt(std::string_view s, int64_t* out) {
  s = Trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool ParseFloat(std::string_view s, double* out) {
  s = Trim(s);
  std::string_view body = s;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) body.remove_prefix(1);
  if (body == "NaN" || body == "Infinity") {
    *out = body == "NaN" ? std::nan("") : std::numeric_limits<double>::infinity();
    if (s.front() == '-') *out = -*out;
    return true;
  }
  // Digits, at most one '.', an optional exponent; at least one digit in the mantissa.
  size_t i = 0, digits = 0;
  while (i < body.size() && isdigit(static_cast<unsigned char>(body[i]))) ++i, ++digits;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && isdigit(static_cast<unsigned char>(body[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < body.size() && isdigit(static_cast<unsigned char>(body[i]))) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  if (i != body.size()) return false;
  std::string text(s);
  *out = std::strtod(text.c_str(), nullptr);
  return true;
}

// A float truncated to an integer, if it is one that fits.
bool Truncate(double d, int64_t* out) {
  if (!std::isfinite(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
    return false;
  }
  *out = static_cast<int64_t>(std::trunc(d));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Rounding to a number of decimals, done on the shortest decimal form of the float (as
// Java's BigDecimal.valueOf does), so that round(2.675, 2) is 2.68 as a user expects.

enum class RoundMode { kUp, kDown, kCeiling, kFloor, kHalfUp, kHalfDown, kHalfEven };

bool ParseRoundMode(std::string_view name, RoundMode* mode) {
  std::string n = Upper(name);
  static const std::pair<const char*, RoundMode> kModes[] = {{"UP", RoundMode::kUp},
                                                             {"DOWN", RoundMode::kDown},
                                                             {"CEILING", RoundMode::kCeiling},
                                                             {"FLOOR", RoundMode::kFloor},
                                                             {"HALF_UP", RoundMode::kHalfUp},
                                                             {"HALF_DOWN", RoundMode::kHalfDown},
                                                             {"HALF_EVEN", RoundMode::kHalfEven}};
  for (const auto& [text, m] : kModes) {
    if (n == text) {
      *mode = m;
      return true;
    }
  }
  return false;
}

double RoundDecimal(double x, int64_t precision, RoundMode mode) {
  if (!std::isfinite(x) || x == 0 || precision > 400) return x;
  bool negative = std::signbit(x);
  std::string digits;
  int exp = 0;
  ShortestDigits(x, &digits, &exp);
  // |x| = digits * 10^-(scale): `scale` digits after the decimal point.
  int64_t scale = static_cast<int64_t>(digits.size()) - 1 - exp;
  if (scale <= precision) return x;
  int64_t drop = scale - precision;  // trailing digits to remove
  int64_t n = static_cast<int64_t>(digits.size());
  std::string kept = drop >= n ? "" : digits.substr(0, n - drop);
  std::string dropped = drop >= n ? std::string(drop - n, '0') + digits : digits.substr(n - drop);
  // How the dropped part compares with one half of the last kept unit (never zero here).
  int vs_half;
  if (dropped[0] != '5') {
    vs_half = dropped[0] > '5' ? 1 : -1;
  } else {
    vs_half = dropped.find_first_not_of('0', 1) == std::string::npos ? 0 : 1;
  }
  bool last_odd = !kept.empty() && (kept.back() - '0') % 2 == 1;
  bool up;  // away from zero
  switch (mode) {
    case RoundMode::kUp:
      up = true;
      break;
    case RoundMode::kDown:
      up = false;
      break;
    case RoundMode::kCeiling:
      up = !negative;
      break;
    case RoundMode::kFloor:
      up = negative;
      break;
    case RoundMode::kHalfUp:
      up = vs_half >= 0;
      break;
    case RoundMode::kHalfDown:
      up = vs_half > 0;
      break;
    case RoundMode::kHalfEven:
      up = vs_half > 0 || (vs_half == 0 && last_odd);
      break;
  }
  if (kept.empty()) kept = "0";
  if (up) {
    int i = static_cast<int>(kept.size()) - 1;
    while (i >= 0 && kept[i] == '9') kept[i--] = '0';
    if (i < 0) {
      kept.insert(kept.begin(), '1');
    } else {
      ++kept[i];
    }
  }
  std::string text = (negative ? "-" : "") + kept + "e" + std::to_string(-precision);
  return std::strtod(text.c_str(), nullptr);
}

// Math.round: the nearest integer, halves toward positive infinity (round(-2.5) is -2.0).
double RoundHalfUp(double x) {
  if (!std::isfinite(x)) return x;
  double f = std::floor(x);
  return x - f >= 0.5 ? f + 1 : f;  // x - floor(x) is exact
}

// ---------------------------------------------------------------------------------------------
// Random numbers for rand() and randomUUID(), one generator per thread.

std::mt19937_64& Rng() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return rng;
}

// ---------------------------------------------------------------------------------------------
// The scalar functions. Each gets its canonical name (for messages) and non-null arguments
// unless its table entry says it takes nulls.

using ScalarFn = Status (*)(const char* fn, const Args& args, Value* out);

Status FloatOf(const char* fn, const Args& args, double (*op)(double), Value* out) {
  EXPECT_TYPE(args[0].is_number(), "a number", 0);
  *out = Value(op(args[0].as_number()));
  return Status::OK();
}

#define UNARY_MATH(Name, expr)                                   \
  Status Name(const char* fn, const Args& args, Value* out) {    \
    return FloatOf(                                              \
        fn, args, [](double x) -> double { return expr; }, out); \
  }

UNARY_MATH(Ceil, std::ceil(x))
UNARY_MATH(Floor, std::floor(x))
UNARY_MATH(Sqrt, std::sqrt(x))
UNARY_MATH(Exp, std::exp(x))
UNARY_MATH(Log, std::log(x))
UNARY_MATH(Log10, std::log10(x))
UNARY_MATH(Sin, std::sin(x))
UNARY_MATH(Cos, std::cos(x))
UNARY_MATH(Tan, std::tan(x))
UNARY_MATH(Asin, std::asin(x))
UNARY_MATH(Acos, std::acos(x))
UNARY_MATH(Atan, std::atan(x))
UNARY_MATH(Cot, 1.0 / std::tan(x))
UNARY_MATH(Haversin, (1.0 - std::cos(x)) / 2.0)
UNARY_MATH(Degrees, x * 180.0 / std::numbers::pi)
UNARY_MATH(Radians, x* std::numbers::pi / 180.0)

#undef UNARY_MATH

Status Abs(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_number(), "a number", 0);
  if (args[0].is_float()) {
    *out = Value(std::fabs(args[0].as_float()));
  } else {
    if (args[0].as_int() == std::numeric_limits<int64_t>::min()) return Overflow(fn);
    *out = Value(args[0].as_int() < 0 ? -args[0].as_int() : args[0].as_int());
  }
  return Status::OK();
}

Status Sign(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_number(), "a number", 0);
  double x = args[0].as_number();
  *out = Value(int64_t{x > 0 ? 1 : (x < 0 ? -1 : 0)});
  return Status::OK();
}

Status Round(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_number(), "a number", 0);
  double x = args[0].as_number();
  if (args.size() == 1) {
    *out = Value(RoundHalfUp(x));
    return Status::OK();
  }
  EXPECT_TYPE(args[1].is_int(), "an Integer", 1);
  if (args[1].as_int() < 0) return Invalid(fn, "expects a non-negative precision");
  RoundMode mode = RoundMode::kHalfUp;
  if (args.size() == 3) {
    EXPECT_TYPE(args[2].is_string(), "a String", 2);
    if (!ParseRoundMode(args[2].as_string(), &mode)) {
      return Invalid(fn, "does not know the rounding mode '" + args[2].as_string() +
                             "' (UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN or HALF_EVEN)");
    }
  }
  *out = Value(RoundDecimal(x, args[1].as_int(), mode));
  return Status::OK();
}

Status Atan2(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_number(), "a number", 0);
  EXPECT_TYPE(args[1].is_number(), "a number", 1);
  *out = Value(std::atan2(args[0].as_number(), args[1].as_number()));
  return Status::OK();
}

Status Pi(const char*, const Args&, Value* out) {
  *out = Value(std::numbers::pi);
  return Status::OK();
}

Status E(const char*, const Args&, Value* out) {
  *out = Value(std::numbers::e);
  return Status::OK();
}

Status Rand(const char*, const Args&, Value* out) {
  *out = Value(std::uniform_real_distribution<double>(0.0, 1.0)(Rng()));
  return Status::OK();
}

Status IsNaN(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_number(), "a number", 0);
  *out = Value(args[0].is_float() && std::isnan(args[0].as_float()));
  return Status::OK();
}

// --- conversions -----------------------------------------------------------------------------

Status ToInteger(const char* fn, const Args& args, Value* out) {
  const Value& v = args[0];
  int64_t i = 0;
  double d = 0;
  if (v.is_int()) {
    *out = v;
  } else if (v.is_float()) {
    *out = Truncate(v.as_float(), &i) ? Value(i) : Value();
  } else if (v.is_bool()) {
    *out = Value(int64_t{v.as_bool() ? 1 : 0});
  } else if (v.is_string()) {
    if (ParseInt(v.as_string(), &i)) {
      *out = Value(i);
    } else if (ParseFloat(v.as_string(), &d) && Truncate(d, &i)) {
      *out = Value(i);  // '42.9' is 42
    } else {
      *out = Value();
    }
  } else {
    return Expects(fn, "a String, a number or a Boolean", args, 0);
  }
  return Status::OK();
}

Status ToFloat(const char* fn, const Args& args, Value* out) {
  const Value& v = args[0];
  double d = 0;
  if (v.is_number()) {
    *out = Value(v.as_number());
  } else if (v.is_string()) {
    *out = ParseFloat(v.as_string(), &d) ? Value(d) : Value();
  } else {
    return Expects(fn, "a String or a number", args, 0);
  }
  return Status::OK();
}

Status ToBoolean(const char* fn, const Args& args, Value* out) {
  const Value& v = args[0];
  if (v.is_bool()) {
    *out = v;
  } else if (v.is_int()) {
    *out = Value(v.as_int() != 0);
  } else if (v.is_string()) {
    std::string lower = Lower(v.as_string());
    *out = lower == "true" ? Value(true) : (lower == "false" ? Value(false) : Value());
  } else {
    return Expects(fn, "a String, a Boolean or an Integer", args, 0);
  }
  return Status::OK();
}

Status ToString(const char* fn, const Args& args, Value* out) {
  const Value& v = args[0];
  if (v.is_temporal()) {
    *out = Value(TemporalText(v.as_temporal()));
    return Status::OK();
  }
  if (!v.is_string() && !v.is_number() && !v.is_bool()) {
    return Expects(fn, "a String, a number or a Boolean", args, 0);
  }
  *out = Value(CypherText(v, false));
  return Status::OK();
}

// --- strings ---------------------------------------------------------------------------------

// Strings are counted, sliced and cased by character (util/utf8.h), as Cypher asks.

// `chars[from, to)` joined.
std::string Join(const std::vector<std::string_view>& chars, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < chars.size(); ++i) out += chars[i];
  return out;
}

// A function from one String to another: toLower, toUpper, trim, ltrim, rtrim.
template <auto kMap>
Status MapString(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_string(), "a String", 0);
  *out = Value(kMap(args[0].as_string()));
  return Status::OK();
}

Status Replace(const char* fn, const Args& args, Value* out) {
  for (size_t i = 0; i < 3; ++i) EXPECT_TYPE(args[i].is_string(), "a String", i);
  const std::string& s = args[0].as_string();
  const std::string& from = args[1].as_string();
  const std::string& to = args[2].as_string();
  std::string r;
  if (from.empty()) {
    // As Java's String.replace: the replacement goes around every character.
    r = to;
    for (std::string_view c : Characters(s)) {
      r += c;
      r += to;
    }
  } else {
    size_t pos = 0;
    for (size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
      r.append(s, pos, hit - pos);
      r += to;
    }
    r.append(s, pos);
  }
  *out = Value(std::move(r));
  return Status::OK();
}

Status Substring(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_string(), "a String", 0);
  EXPECT_TYPE(args[1].is_int(), "an Integer", 1);
  if (args.size() == 3) EXPECT_TYPE(args[2].is_int(), "an Integer", 2);
  int64_t start = args[1].as_int();
  if (start < 0) return Invalid(fn, "expects a non-negative start, got " + std::to_string(start));
  std::vector<std::string_view> chars = Characters(args[0].as_string());
  int64_t size = static_cast<int64_t>(chars.size());
  int64_t length = size;
  if (args.size() == 3) {
    length = args[2].as_int();
    if (length < 0) {
      return Invalid(fn, "expects a non-negative length, got " + std::to_string(length));
    }
  }
  size_t from = static_cast<size_t>(std::min(start, size));
  size_t to =
      static_cast<size_t>(std::min(size, static_cast<int64_t>(from) + std::min(length, size)));
  *out = Value(Join(chars, from, to));
  return Status::OK();
}

Status LeftOrRight(const char* fn, const Args& args, bool left, Value* out) {
  EXPECT_TYPE(args[0].is_string(), "a String", 0);
  EXPECT_TYPE(args[1].is_int(), "an Integer", 1);
  int64_t n = args[1].as_int();
  if (n < 0) return Invalid(fn, "expects a non-negative length, got " + std::to_string(n));
  std::vector<std::string_view> chars = Characters(args[0].as_string());
  size_t k = static_cast<size_t>(std::min<int64_t>(n, static_cast<int64_t>(chars.size())));
  *out = Value(left ? Join(chars, 0, k) : Join(chars, chars.size() - k, chars.size()));
  return Status::OK();
}

Status Left(const char* fn, const Args& args, Value* out) {
  return LeftOrRight(fn, args, true, out);
}

Status Right(const char* fn, const Args& args, Value* out) {
  return LeftOrRight(fn, args, false, out);
}

Status Split(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_string(), "a String", 0);
  std::vector<std::string> delims;
  if (args[1].is_string()) {
    delims.push_back(args[1].as_string());
  } else if (args[1].is_list()) {
    for (const Value& d : args[1].as_list()) {
      if (d.is_null()) {
        *out = Value();
        return Status::OK();
      }
      if (!d.is_string()) return Invalid(fn, "expects delimiters that are Strings");
      delims.push_back(d.as_string());
    }
  } else {
    return Expects(fn, "a String or a List of Strings", args, 1);
  }
  const std::string& s = args[0].as_string();
  ValueList parts;
  bool all_empty = std::all_of(delims.begin(), delims.end(), [](auto& d) { return d.empty(); });
  if (all_empty) {
    // An empty delimiter splits into characters.
    for (std::string_view c : Characters(s)) parts.push_back(Value(std::string(c)));
    *out = Value(std::move(parts));
    return Status::OK();
  }
  size_t pos = 0, start = 0;
  while (pos < s.size()) {
    size_t match = 0;
    for (const std::string& d : delims) {
      if (!d.empty() && s.compare(pos, d.size(), d) == 0) {
        match = d.size();
        break;
      }
    }
    if (match > 0) {
      parts.push_back(Value(s.substr(start, pos - start)));
      pos += match;
      start = pos;
    } else {
      ++pos;
    }
  }
  parts.push_back(Value(s.substr(start)));
  *out = Value(std::move(parts));
  return Status::OK();
}

Status Reverse(const char* fn, const Args& args, Value* out) {
  if (args[0].is_string()) {
    std::vector<std::string_view> chars = Characters(args[0].as_string());
    std::reverse(chars.begin(), chars.end());
    *out = Value(Join(chars, 0, chars.size()));
  } else if (args[0].is_list()) {
    ValueList r(args[0].as_list().rbegin(), args[0].as_list().rend());
    *out = Value(std::move(r));
  } else {
    return Expects(fn, "a String or a List", args, 0);
  }
  return Status::OK();
}

// --- sizes and lists ---------------------------------------------------------------------------

Status Size(const char* fn, const Args& args, Value* out) {
  if (args[0].is_string()) {
    *out = Value(static_cast<int64_t>(CodePointCount(args[0].as_string())));
  } else if (args[0].is_list()) {
    *out = Value(static_cast<int64_t>(args[0].as_list().size()));
  } else {
    return Expects(fn, "a String or a List", args, 0);
  }
  return Status::OK();
}

Status Length(const char* fn, const Args& args, Value* out) {
  if (args[0].is_path()) {
    *out = Value(static_cast<int64_t>(args[0].as_path().relationships.size()));
  } else if (args[0].is_string()) {
    *out = Value(static_cast<int64_t>(
        CodePointCount(args[0].as_string())));  // older Cypher allowed it; kept for scripts
  } else {
    return Expects(fn, "a Path", args, 0);
  }
  return Status::OK();
}

Status CharLength(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_string(), "a String", 0);
  *out = Value(static_cast<int64_t>(CodePointCount(args[0].as_string())));
  return Status::OK();
}

Status IsEmpty(const char* fn, const Args& args, Value* out) {
  const Value& v = args[0];
  if (v.is_string()) {
    *out = Value(v.as_string().empty());
  } else if (v.is_list()) {
    *out = Value(v.as_list().empty());
  } else if (v.is_map()) {
    *out = Value(v.as_map().empty());
  } else {
    return Expects(fn, "a String, a List or a Map", args, 0);
  }
  return Status::OK();
}

Status Head(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_list(), "a List", 0);
  const ValueList& l = args[0].as_list();
  *out = l.empty() ? Value() : l.front();
  return Status::OK();
}

Status Last(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_list(), "a List", 0);
  const ValueList& l = args[0].as_list();
  *out = l.empty() ? Value() : l.back();
  return Status::OK();
}

Status Tail(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_list(), "a List", 0);
  const ValueList& l = args[0].as_list();
  *out = Value(l.empty() ? ValueList{} : ValueList(l.begin() + 1, l.end()));
  return Status::OK();
}

// A bound on range()'s length that no memory could hold anyway (the query's memory limit
// stops far shorter ones); past it the count would not fit a size_t allocation.
constexpr int64_t kMaxRange = int64_t{1} << 40;

// The number of elements range(args) makes (args already checked to be Integers, step != 0).
__int128 RangeCount(const Args& args) {
  int64_t start = args[0].as_int(), end = args[1].as_int();
  int64_t step = args.size() == 3 ? args[2].as_int() : 1;
  __int128 span = static_cast<__int128>(end) - start;
  return (span == 0 || (span > 0) == (step > 0)) ? span / step + 1 : 0;
}

Status Range(const char* fn, const Args& args, Value* out) {
  for (size_t i = 0; i < args.size(); ++i) EXPECT_TYPE(args[i].is_int(), "an Integer", i);
  int64_t start = args[0].as_int();
  int64_t step = args.size() == 3 ? args[2].as_int() : 1;
  if (step == 0) return Invalid(fn, "expects a step other than 0");
  __int128 count = RangeCount(args);
  if (count > kMaxRange) {
    return Invalid(fn, "would make more than " + std::to_string(kMaxRange) + " elements");
  }
  ValueList r;
  r.reserve(static_cast<size_t>(count));
  __int128 v = start;
  for (__int128 i = 0; i < count; ++i, v += step) r.push_back(Value(static_cast<int64_t>(v)));
  *out = Value(std::move(r));
  return Status::OK();
}

Status Coalesce(const char*, const Args& args, Value* out) {
  for (const Value& v : args) {
    if (!v.is_null()) {
      *out = v;
      return Status::OK();
    }
  }
  *out = Value();
  return Status::OK();
}

// --- maps and graph elements -----------------------------------------------------------------

const ValueMap* PropertiesOf(const Value& v) {
  if (v.is_map()) return &v.as_map();
  if (v.is_node()) return &v.as_node().properties;
  if (v.is_relationship()) return &v.as_relationship().properties;
  return nullptr;
}

Status Keys(const char* fn, const Args& args, Value* out) {
  const ValueMap* props = PropertiesOf(args[0]);
  if (!props) return Expects(fn, "a Map, a Node or a Relationship", args, 0);
  ValueList keys;
  for (const auto& [k, v] : *props) keys.push_back(Value(k));
  *out = Value(std::move(keys));
  return Status::OK();
}

Status Properties(const char* fn, const Args& args, Value* out) {
  const ValueMap* props = PropertiesOf(args[0]);
  if (!props) return Expects(fn, "a Map, a Node or a Relationship", args, 0);
  *out = args[0].is_map() ? args[0] : Value(*props);
  return Status::OK();
}

Status Labels(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_node(), "a Node", 0);
  ValueList labels;
  for (const std::string& l : args[0].as_node().labels) labels.push_back(Value(l));
  *out = Value(std::move(labels));
  return Status::OK();
}

Status TypeOf(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_relationship(), "a Relationship", 0);
  *out = Value(args[0].as_relationship().type);
  return Status::OK();
}

Status Id(const char* fn, const Args& args, Value* out) {
  if (args[0].is_node()) {
    *out = Value(static_cast<int64_t>(args[0].as_node().id));
  } else if (args[0].is_relationship()) {
    *out = Value(static_cast<int64_t>(args[0].as_relationship().id));
  } else {
    return Expects(fn, "a Node or a Relationship", args, 0);
  }
  return Status::OK();
}

Status ElementId(const char* fn, const Args& args, Value* out) {
  PARLEY_RETURN_IF_ERROR(Id(fn, args, out));
  *out = Value(std::to_string(out->as_int()));
  return Status::OK();
}

Status Nodes(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_path(), "a Path", 0);
  *out = Value(ValueList(args[0].as_path().nodes));
  return Status::OK();
}

Status Relationships(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_path(), "a Path", 0);
  *out = Value(ValueList(args[0].as_path().relationships));
  return Status::OK();
}

// --- the rest --------------------------------------------------------------------------------

Status Timestamp(const char*, const Args&, Value* out) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  *out = Value(
      static_cast<int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()));
  return Status::OK();
}

Status RandomUuid(const char*, const Args&, Value* out) {
  uint64_t hi = Rng()(), lo = Rng()();
  hi = (hi & ~0xf000ULL) | 0x4000ULL;              // version 4
  lo = (lo & ~(0xc0ULL << 56)) | (0x80ULL << 56);  // RFC 4122 variant
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx",
                static_cast<unsigned long long>(hi >> 32),
                static_cast<unsigned long long>((hi >> 16) & 0xffff),
                static_cast<unsigned long long>(hi & 0xffff),
                static_cast<unsigned long long>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xffffffffffffULL));
  *out = Value(std::string(buf));
  return Status::OK();
}

// --- temporal values: date('2015-07-21'), datetime({year: 1984, timezone: '+01:00'}), ... ----

// The time zone a map holding nothing else names ({timezone: 'Europe/Paris'}), or "".
std::string OnlyTimezone(const Value& arg) {
  if (!arg.is_map() || arg.as_map().size() != 1) return "";
  const auto& [key, v] = *arg.as_map().begin();
  return EqualsIgnoringCase(key, "timezone") && v.is_string() ? v.as_string() : "";
}

template <Temporal::Kind kKind>
Status MakeTemporalFn(const char* fn, const Args& args, Value* out) {
  if (args.empty()) return CurrentTemporal(kKind, out);
  // date({timezone: 'Europe/Paris'}): today there.
  std::string zone = OnlyTimezone(args[0]);
  if (!zone.empty() && kKind != Temporal::Kind::kDuration)
    return CurrentTemporalIn(kKind, zone, out);
  return MakeTemporal(fn, kKind, args[0], out);
}

// date.statement(), datetime.realtime('Europe/Paris'), ...: the current value, in a zone when
// one is given.
template <Temporal::Kind kKind>
Status ClockFn(const char* fn, const Args& args, Value* out) {
  // statement and transaction are one clock here (a query is its own transaction); realtime
  // reads the system clock at each call.
  bool realtime = std::string_view(fn).ends_with(".realtime");
  if (args.empty()) return CurrentTemporalIn(kKind, "", out, realtime);
  if (args[0].is_string()) return CurrentTemporalIn(kKind, args[0].as_string(), out, realtime);
  return MakeTemporalFn<kKind>(fn, args, out);
}

// date.truncate('month', d), datetime.truncate('hour', dt, {minute: 5}), ...
template <Temporal::Kind kKind>
Status TruncateFn(const char* fn, const Args& args, Value* out) {
  return TruncateTemporal(fn, kKind, args[0], args[1], args.size() > 2 ? args[2] : Value(), out);
}

// duration.between / inMonths / inDays / inSeconds (the unit is the name after the dot).
Status DurationBetweenFn(const char* fn, const Args& args, Value* out) {
  std::string_view name(fn);
  std::string_view unit = name.substr(name.find('.') + 1);
  return DurationBetween(unit, args[0], args[1], out);
}

// datetime.fromepoch(seconds, nanoseconds).
Status FromEpoch(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_int(), "an Integer", 0);
  EXPECT_TYPE(args[1].is_int(), "an Integer", 1);
  return DateTimeFromEpoch(args[0].as_int(), args[1].as_int(), out);
}

// datetime.fromepochmillis(milliseconds).
Status FromEpochMillis(const char* fn, const Args& args, Value* out) {
  EXPECT_TYPE(args[0].is_int(), "an Integer", 0);
  int64_t ms = args[0].as_int();
  int64_t secs = ms / 1000 - (ms % 1000 < 0 ? 1 : 0);
  return DateTimeFromEpoch(secs, (ms - secs * 1000) * 1000000, out);
}

#undef EXPECT_TYPE

// ---------------------------------------------------------------------------------------------
// Aggregates.

// A set of 64-bit ids in one open-addressed array (no allocation per id).
class IdSet {
 public:
  // True if `id` was not in the set.
  bool Insert(uint64_t id) {
    if (id == 0) {
      bool fresh = !has_zero_;
      has_zero_ = true;
      return fresh;
    }
    if (2 * (size_ + 1) > slots_.size()) Grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = Hash(id) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == id) return false;
      if (slots_[i] == 0) {
        slots_[i] = id;
        ++size_;
        return true;
      }
    }
  }

 private:
  static size_t Hash(uint64_t x) {  // splitmix64's finaliser
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return static_cast<size_t>(x ^ (x >> 31));
  }
  void Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(std::max<size_t>(16, old.size() * 2), 0);
    size_ = 0;
    for (uint64_t id : old) {
      if (id != 0) Insert(id);
    }
  }
  std::vector<uint64_t> slots_;
  size_t size_ = 0;
  bool has_zero_ = false;
};

// Remembers the values seen, for f(DISTINCT x). Nodes and relationships, equal by id alone,
// are kept as ids: count(DISTINCT n) over a neighbourhood of 400,000 nodes then holds integers,
// not 400,000 node values to hash, compare and free.
class Seen {
 public:
  // True the first time `v` (by GroupEquals) is offered.
  bool Insert(const Value& v) {
    if (v.is_node()) return nodes_.Insert(v.as_node().id);
    if (v.is_relationship()) return rels_.Insert(v.as_relationship().id);
    return set_.insert(v).second;
  }

 private:
  IdSet nodes_, rels_;
  struct Hash {
    size_t operator()(const Value& v) const { return GroupHash(v); }
  };
  struct Eq {
    bool operator()(const Value& a, const Value& b) const { return GroupEquals(a, b); }
  };
  std::unordered_set<Value, Hash, Eq> set_;
};

// The common part of the aggregates over one argument: skips nulls, applies DISTINCT, and
// hands each value that counts to Accept.
class ValueAggregator : public Aggregator {
 public:
  ValueAggregator(const char* name, bool distinct) : name_(name), distinct_(distinct) {}

  Status Add(const std::vector<Value>& args) override {
    if (args.empty() || args[0].is_null()) return Status::OK();
    if (distinct_ && !seen_.Insert(args[0])) return Status::OK();
    // A set entry costs the value and about four pointers of hashing; a kept value its size.
    if (distinct_ || Keeps()) {
      held_ += 32 + ApproxBytes(args[0]) * ((distinct_ ? 1 : 0) + (Keeps() ? 1 : 0));
    }
    return Accept(args);
  }
  size_t held_bytes() const override { return held_; }

 protected:
  virtual Status Accept(const std::vector<Value>& args) = 0;
  // True for the aggregates that keep every value they are given (collect, percentiles).
  virtual bool Keeps() const { return false; }
  Status ExpectNumber(const Value& v) const {
    if (v.is_number()) return Status::OK();
    return Status::InvalidInput(Callee(name_) + " expects numbers, got " + TypeName(v));
  }
  const char* name_;

 private:
  bool distinct_;
  Seen seen_;
  size_t held_ = 0;
};

// count(*). A row may stand for several matches (a step that counted them instead of yielding
// them, plan.h's count_slot): its weight then comes as the one argument.
class CountAll : public Aggregator {
 public:
  Status Add(const std::vector<Value>& args) override {
    if (args.empty() || !args[0].is_int()) {
      ++n_;
    } else if (__builtin_add_overflow(n_, args[0].as_int(), &n_)) {
      return Status::InvalidInput("count(*) passed 2^63 - 1");
    }
    return Status::OK();
  }
  Status Result(Value* out) override {
    *out = Value(n_);
    return Status::OK();
  }

 private:
  int64_t n_ = 0;
};

class Count : public ValueAggregator {
 public:
  using ValueAggregator::ValueAggregator;
  Status Result(Value* out) override {
    *out = Value(n_);
    return Status::OK();
  }

 private:
  Status Accept(const std::vector<Value>&) override {
    ++n_;
    return Status::OK();
  }
  int64_t n_ = 0;
};

class Collect : public ValueAggregator {
 public:
  using ValueAggregator::ValueAggregator;
  // Gives its list away: a group's result is asked for once.
  Status Result(Value* out) override {
    *out = Value(std::move(values_));
    values_.clear();
    return Status::OK();
  }

 private:
  bool Keeps() const override { return true; }
  Status Accept(const std::vector<Value>& args) override {
    values_.push_back(args[0]);
    return Status::OK();
  }
  ValueList values_;
};

// Integers stay exact (and overflow is an error) until the first float turns the sum into one.
class Sum : public ValueAggregator {
 public:
  using ValueAggregator::ValueAggregator;
  Status Result(Value* out) override {
    *out = is_float_ ? Value(float_sum_) : Value(int_sum_);
    return Status::OK();
  }

 private:
  Status Accept(const std::vector<Value>& args) override {
    const Value& v = args[0];
    PARLEY_RETURN_IF_ERROR(ExpectNumber(v));
    if (v.is_float() && !is_float_) {
      is_float_ = true;
      float_sum_ = static_cast<double>(int_sum_);
    }
    if (is_float_) {
      float_sum_ += v.as_number();
    } else if (__builtin_add_overflow(int_sum_, v.as_int(), &int_sum_)) {
      return Status::InvalidInput("integer overflow in " + Callee(name_));
    }
    return Status::OK();
  }
  bool is_float_ = false;
  int64_t int_sum_ = 0;
  double float_sum_ = 0;
};

class Avg : public ValueAggregator {
 public:
  using ValueAggregator::ValueAggregator;
  Status Result(Value* out) override {
    *out = n_ == 0 ? Value() : Value(static_cast<double>(sum_ / n_));
    return Status::OK();
  }

 private:
  Status Accept(const std::vector<Value>& args) override {
    PARLEY_RETURN_IF_ERROR(ExpectNumber(args[0]));
    sum_ += args[0].is_int() ? static_cast<long double>(args[0].as_int()) : args[0].as_float();
    ++n_;
    return Status::OK();
  }
  long double sum_ = 0;  // wider than the values, so that large integers do not lose much
  int64_t n_ = 0;
};

class MinMax : public ValueAggregator {
 public:
  MinMax(const char* name, bool distinct, bool max) : ValueAggregator(name, distinct), max_(max) {}
  Status Result(Value* out) override {
    *out = best_;
    return Status::OK();
  }

 private:
  Status Accept(const std::vector<Value>& args) override {
    int c = best_.is_null() ? 0 : OrderCompare(args[0], best_);
    if (best_.is_null() || (max_ ? c > 0 : c < 0)) best_ = args[0];
    return Status::OK();
  }
  bool max_;
  Value best_;
};

// Welford's running mean and squared deviations, stable for values far from zero.
class StDev : public ValueAggregator {
 public:
  StDev(const char* name, bool distinct, bool population)
      : ValueAggregator(name, distinct), population_(population) {}
  Status Result(Value* out) override {
    int64_t denominator = population_ ? n_ : n_ - 1;
    *out = Value(denominator <= 0 ? 0.0 : std::sqrt(m2_ / static_cast<double>(denominator)));
    return Status::OK();
  }

 private:
  Status Accept(const std::vector<Value>& args) override {
    PARLEY_RETURN_IF_ERROR(ExpectNumber(args[0]));
    double x = args[0].as_number();
    ++n_;
    double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
    return Status::OK();
  }
  bool population_;
  int64_t n_ = 0;
  double mean_ = 0;
  double m2_ = 0;
};

class Percentile : public ValueAggregator {
 public:
  Percentile(const char* name, bool distinct, bool continuous)
      : ValueAggregator(name, distinct), continuous_(continuous) {}

  Status Result(Value* out) override {
    if (values_.empty()) {
      *out = Value();
      return Status::OK();
    }
    std::sort(values_.begin(), values_.end(),
              [](const Value& a, const Value& b) { return OrderCompare(a, b) < 0; });
    double n = static_cast<double>(values_.size());
    if (continuous_) {
      double index = percentile_ * (n - 1);
      auto lo = static_cast<size_t>(std::floor(index));
      auto hi = static_cast<size_t>(std::ceil(index));
      double lo_v = values_[lo].as_number(), hi_v = values_[hi].as_number();
      *out = Value(lo == hi ? lo_v : lo_v + (hi_v - lo_v) * (index - static_cast<double>(lo)));
    } else {
      // The smallest value with at least `percentile` of the values at or below it.
      double rank = std::ceil(percentile_ * n);
      *out = values_[rank < 1 ? 0 : static_cast<size_t>(rank) - 1];
    }
    return Status::OK();
  }

 private:
  bool Keeps() const override { return true; }
  Status Accept(const std::vector<Value>& args) override {
    PARLEY_RETURN_IF_ERROR(ExpectNumber(args[0]));
    Value p = args.size() > 1 ? args[1] : Value();
    if (!p.is_number() || !(p.as_number() >= 0.0 && p.as_number() <= 1.0)) {
      return Status::InvalidInput(
          Callee(name_) + " expects a percentile between 0.0 and 1.0, got " + CypherText(p));
    }
    percentile_ = p.as_number();
    values_.push_back(args[0]);
    return Status::OK();
  }
  bool continuous_;
  double percentile_ = 0;
  ValueList values_;
};

// A new aggregator for aggregate `name` (as the table spells it); `star` is count(*).
using AggregatorFactory = std::unique_ptr<Aggregator> (*)(const char* name, bool distinct,
                                                          bool star);

// The factory of aggregator class A, given `kArgs` after the name and DISTINCT.
template <typename A, auto... kArgs>
std::unique_ptr<Aggregator> MakeOne(const char* name, bool distinct, bool) {
  return std::make_unique<A>(name, distinct, kArgs...);
}

std::unique_ptr<Aggregator> MakeCount(const char* name, bool distinct, bool star) {
  if (star) return std::make_unique<CountAll>();
  return std::make_unique<Count>(name, distinct);
}

// ---------------------------------------------------------------------------------------------
// The table of functions.

enum class Nulls {
  kPropagate,  // any null argument gives null without calling the function
  kPass,       // the function sees nulls (coalesce)
};

struct Entry {
  FunctionInfo info;
  ScalarFn fn = nullptr;  // null for aggregates and store functions
  Nulls nulls = Nulls::kPropagate;
  bool or_null = false;              // argument errors become null (toIntegerOrNull, ...)
  AggregatorFactory make = nullptr;  // for aggregates
};

constexpr FunctionInfo Scalar(const char* name, int min_args, int max_args) {
  return FunctionInfo{name, min_args, max_args, false, false};
}
Entry Aggregate(const char* name, int min_args, int max_args, AggregatorFactory make) {
  return Entry{FunctionInfo{name, min_args, max_args, true, false}, nullptr, Nulls::kPropagate,
               false, make};
}

const Entry kEntries[] = {
    // math
    {Scalar("abs", 1, 1), Abs},
    {Scalar("ceil", 1, 1), Ceil},
    {Scalar("floor", 1, 1), Floor},
    {Scalar("round", 1, 3), Round},
    {Scalar("sign", 1, 1), Sign},
    {Scalar("sqrt", 1, 1), Sqrt},
    {Scalar("exp", 1, 1), Exp},
    {Scalar("log", 1, 1), Log},
    {Scalar("log10", 1, 1), Log10},
    {Scalar("sin", 1, 1), Sin},
    {Scalar("cos", 1, 1), Cos},
    {Scalar("tan", 1, 1), Tan},
    {Scalar("asin", 1, 1), Asin},
    {Scalar("acos", 1, 1), Acos},
    {Scalar("atan", 1, 1), Atan},
    {Scalar("atan2", 2, 2), Atan2},
    {Scalar("cot", 1, 1), Cot},
    {Scalar("haversin", 1, 1), Haversin},
    {Scalar("degrees", 1, 1), Degrees},
    {Scalar("radians", 1, 1), Radians},
    {Scalar("pi", 0, 0), Pi},
    {Scalar("e", 0, 0), E},
    {Scalar("rand", 0, 0), Rand},
    {Scalar("isNaN", 1, 1), IsNaN},
    // conversions
    {Scalar("toInteger", 1, 1), ToInteger},
    {Scalar("toFloat", 1, 1), ToFloat},
    {Scalar("toBoolean", 1, 1), ToBoolean},
    {Scalar("toString", 1, 1), ToString},
    {Scalar("toIntegerOrNull", 1, 1), ToInteger, Nulls::kPropagate, true},
    {Scalar("toFloatOrNull", 1, 1), ToFloat, Nulls::kPropagate, true},
    {Scalar("toBooleanOrNull", 1, 1), ToBoolean, Nulls::kPropagate, true},
    {Scalar("toStringOrNull", 1, 1), ToString, Nulls::kPropagate, true},
    // strings
    {Scalar("toLower", 1, 1), MapString<ToLowerUtf8>},
    {Scalar("toUpper", 1, 1), MapString<ToUpperUtf8>},
    {Scalar("lower", 1, 1), MapString<ToLowerUtf8>},
    {Scalar("upper", 1, 1), MapString<ToUpperUtf8>},
    {Scalar("trim", 1, 1), MapString<Trim>},
    {Scalar("ltrim", 1, 1), MapString<TrimLeft>},
    {Scalar("rtrim", 1, 1), MapString<TrimRight>},
    {Scalar("replace", 3, 3), Replace},
    {Scalar("substring", 2, 3), Substring},
    {Scalar("left", 2, 2), Left},
    {Scalar("right", 2, 2), Right},
    {Scalar("split", 2, 2), Split},
    {Scalar("reverse", 1, 1), Reverse},
    {Scalar("char_length", 1, 1), CharLength},
    {Scalar("character_length", 1, 1), CharLength},
    // lists and sizes
    {Scalar("size", 1, 1), Size},
    {Scalar("length", 1, 1), Length},
    {Scalar("isEmpty", 1, 1), IsEmpty},
    {Scalar("head", 1, 1), Head},
    {Scalar("last", 1, 1), Last},
    {Scalar("tail", 1, 1), Tail},
    {Scalar("range", 2, 3), Range},
    {Scalar("coalesce", 1, -1), Coalesce, Nulls::kPass},
    // temporal values
    {Scalar("date", 0, 1), MakeTemporalFn<Temporal::Kind::kDate>},
    {Scalar("localtime", 0, 1), MakeTemporalFn<Temporal::Kind::kLocalTime>},
    {Scalar("time", 0, 1), MakeTemporalFn<Temporal::Kind::kTime>},
    {Scalar("localdatetime", 0, 1), MakeTemporalFn<Temporal::Kind::kLocalDateTime>},
    {Scalar("datetime", 0, 1), MakeTemporalFn<Temporal::Kind::kDateTime>},
    {Scalar("duration", 1, 1), MakeTemporalFn<Temporal::Kind::kDuration>},
    {Scalar("date.statement", 0, 1), ClockFn<Temporal::Kind::kDate>},
    {Scalar("date.transaction", 0, 1), ClockFn<Temporal::Kind::kDate>},
    {Scalar("date.realtime", 0, 1), ClockFn<Temporal::Kind::kDate>},
    {Scalar("date.truncate", 2, 3), TruncateFn<Temporal::Kind::kDate>},
    {Scalar("localtime.statement", 0, 1), ClockFn<Temporal::Kind::kLocalTime>},
    {Scalar("localtime.transaction", 0, 1), ClockFn<Temporal::Kind::kLocalTime>},
    {Scalar("localtime.realtime", 0, 1), ClockFn<Temporal::Kind::kLocalTime>},
    {Scalar("localtime.truncate", 2, 3), TruncateFn<Temporal::Kind::kLocalTime>},
    {Scalar("time.statement", 0, 1), ClockFn<Temporal::Kind::kTime>},
    {Scalar("time.transaction", 0, 1), ClockFn<Temporal::Kind::kTime>},
    {Scalar("time.realtime", 0, 1), ClockFn<Temporal::Kind::kTime>},
    {Scalar("time.truncate", 2, 3), TruncateFn<Temporal::Kind::kTime>},
    {Scalar("localdatetime.statement", 0, 1), ClockFn<Temporal::Kind::kLocalDateTime>},
    {Scalar("localdatetime.transaction", 0, 1), ClockFn<Temporal::Kind::kLocalDateTime>},
    {Scalar("localdatetime.realtime", 0, 1), ClockFn<Temporal::Kind::kLocalDateTime>},
    {Scalar("localdatetime.truncate", 2, 3), TruncateFn<Temporal::Kind::kLocalDateTime>},
    {Scalar("datetime.statement", 0, 1), ClockFn<Temporal::Kind::kDateTime>},
    {Scalar("datetime.transaction", 0, 1), ClockFn<Temporal::Kind::kDateTime>},
    {Scalar("datetime.realtime", 0, 1), ClockFn<Temporal::Kind::kDateTime>},
    {Scalar("datetime.truncate", 2, 3), TruncateFn<Temporal::Kind::kDateTime>},
    {Scalar("duration.between", 2, 2), DurationBetweenFn},
    {Scalar("duration.inMonths", 2, 2), DurationBetweenFn},
    {Scalar("duration.inDays", 2, 2), DurationBetweenFn},
    {Scalar("duration.inSeconds", 2, 2), DurationBetweenFn},
    {Scalar("datetime.fromepoch", 2, 2), FromEpoch},
    {Scalar("datetime.fromepochmillis", 1, 1), FromEpochMillis},
    // maps and graph elements
    {Scalar("keys", 1, 1), Keys},
    {Scalar("properties", 1, 1), Properties},
    {Scalar("labels", 1, 1), Labels},
    {Scalar("type", 1, 1), TypeOf},
    {Scalar("id", 1, 1), Id},
    {Scalar("elementId", 1, 1), ElementId},
    {Scalar("nodes", 1, 1), Nodes},
    {Scalar("relationships", 1, 1), Relationships},
    {FunctionInfo{"startNode", 1, 1, false, true}},
    {FunctionInfo{"endNode", 1, 1, false, true}},
    // the rest
    {Scalar("timestamp", 0, 0), Timestamp},
    {Scalar("randomUUID", 0, 0), RandomUuid},
    // aggregates
    Aggregate("count", 1, 1, MakeCount),
    Aggregate("collect", 1, 1, MakeOne<Collect>),
    Aggregate("sum", 1, 1, MakeOne<Sum>),
    Aggregate("avg", 1, 1, MakeOne<Avg>),
    Aggregate("min", 1, 1, MakeOne<MinMax, false>),
    Aggregate("max", 1, 1, MakeOne<MinMax, true>),
    Aggregate("stDev", 1, 1, MakeOne<StDev, false>),
    Aggregate("stDevP", 1, 1, MakeOne<StDev, true>),
    Aggregate("percentileCont", 2, 2, MakeOne<Percentile, true>),
    Aggregate("percentileDisc", 2, 2, MakeOne<Percentile, false>),
};

// Function names are matched without regard to case.
std::string Folded(std::string_view name) {
  return Lower(name);
}

const Entry* FindEntry(std::string_view name) {
  static const std::unordered_map<std::string, const Entry*> by_name = [] {
    std::unordered_map<std::string, const Entry*> m;
    for (const Entry& e : kEntries) m[Folded(e.info.name)] = &e;
    return m;
  }();
  auto it = by_name.find(Folded(name));
  return it == by_name.end() ? nullptr : it->second;
}

}  // namespace

const FunctionInfo* LookupFunction(std::string_view name) {
  const Entry* e = FindEntry(name);
  return e ? &e->info : nullptr;
}

Status CallFunction(const FunctionInfo& f, const std::vector<Value>& args, Value* out) {
  const Entry* e = FindEntry(f.name);
  if (!e || !e->fn) {
    return Status::InvalidInput(Callee(f.name) + (f.aggregate ? " is an aggregate" : "") +
                                " cannot be evaluated here");
  }
  if (e->nulls == Nulls::kPropagate) {
    for (const Value& a : args) {
      if (a.is_null()) {
        *out = Value();
        return Status::OK();
      }
    }
  }
  Status s = e->fn(e->info.name, args, out);
  if (!s.ok() && e->or_null) {
    *out = Value();
    return Status::OK();
  }
  return s;
}

size_t ResultBytes(const FunctionInfo& f, const std::vector<Value>& args, size_t cap) {
  std::string_view name = f.name;
  auto string_arg = [&](size_t i) -> const std::string* {
    return i < args.size() && args[i].is_string() ? &args[i].as_string() : nullptr;
  };
  // A string split into characters takes a string_view a byte at most, beside the result.
  constexpr size_t kDecoded = sizeof(std::string_view);
  if (name == "replace") {
    const std::string *s = string_arg(0), *from = string_arg(1), *to = string_arg(2);
    if (!s || !from || !to) return 0;
    if (from->empty()) return kDecoded * s->size() + s->size() + (s->size() + 1) * to->size();
    if (to->size() <= from->size()) return s->size();
    size_t growth = to->size() - from->size(), bytes = s->size();
    for (size_t pos = 0; (pos = s->find(*from, pos)) != std::string::npos && bytes <= cap;
         pos += from->size()) {
      bytes += growth;
    }
    return bytes;
  }
  if (name == "split") {
    const std::string* s = string_arg(0);
    if (!s) return 0;
    std::vector<std::string> delims;
    if (string_arg(1)) delims.push_back(*string_arg(1));
    if (args.size() > 1 && args[1].is_list()) {
      for (const Value& d : args[1].as_list()) {
        if (d.is_string()) delims.push_back(d.as_string());
      }
    }
    // Each delimiter's every occurrence may start a part; an empty one splits every character.
    size_t parts = 1;
    for (const std::string& d : delims) {
      if (d.empty()) {
        parts += s->size();
        continue;
      }
      for (size_t pos = 0;
           (pos = s->find(d, pos)) != std::string::npos && parts <= cap / (sizeof(Value) + 16);
           pos += d.size()) {
        ++parts;
      }
    }
    return kDecoded * s->size() + s->size() + parts * (sizeof(Value) + 16);
  }
  if (name == "range") {
    bool ints = args.size() >= 2 &&
                std::all_of(args.begin(), args.end(), [](const Value& v) { return v.is_int(); });
    if (!ints || (args.size() == 3 && args[2].as_int() == 0)) return 0;
    __int128 count = RangeCount(args);
    constexpr __int128 kHuge = __int128{1} << 56;
    return static_cast<size_t>(std::min(count, kHuge) * static_cast<__int128>(sizeof(Value)));
  }
  if (name == "toLower" || name == "toUpper" || name == "lower" || name == "upper" ||
      name == "reverse" || name == "substring" || name == "left" || name == "right") {
    if (const std::string* s = string_arg(0)) return (kDecoded + 1) * s->size();
    if (name == "reverse" && !args.empty() && args[0].is_list()) {
      return args[0].as_list().size() * sizeof(Value);
    }
  }
  if (name == "tail" && !args.empty() && args[0].is_list()) {
    return args[0].as_list().size() * sizeof(Value);
  }
  return 0;
}

std::unique_ptr<Aggregator> MakeAggregator(const FunctionInfo& f, bool distinct, bool star) {
  const Entry* e = FindEntry(f.name);
  if (!e || !e->make) return nullptr;
  return e->make(e->info.name, distinct, star);
}

}  // namespace parley::query
