// Cypher's semantics of values: equality and comparison with null and three-valued logic,
// the total order ORDER BY uses, arithmetic with integer overflow checks, and the text form
// of values that toString() and error messages use.
//
// Booleans with a third state are `Tri` (kNull is Cypher's null). Operations that Cypher
// defines as errors (1 + true, integer overflow, 'a' < [1] is null but 1 - 'a' is an error)
// return a Status with a message naming the operand types; the caller adds the position.
#pragma once

#include <string>

#include "storage/value.h"
#include "util/status.h"

namespace parley::query {

enum class Tri { kFalse = 0, kTrue = 1, kNull = 2 };

inline Tri ToTri(bool b) {
  return b ? Tri::kTrue : Tri::kFalse;
}
// A Tri as a Value: true, false or null.
Value TriValue(Tri t);
Tri Not(Tri a);
Tri And(Tri a, Tri b);
Tri Or(Tri a, Tri b);
Tri Xor(Tri a, Tri b);

// The name of a value's type as Cypher users read it: "Integer", "String", "Node", ...
const char* TypeName(const Value& v);

// Cypher equality (=): null if either side is null or if a list/map comparison meets a null
// before a difference; 1 = 1.0 is true; values of different types are not equal; NaN = NaN
// is false. Nodes and relationships are equal when their ids are.
Tri Equals(const Value& a, const Value& b);

// Cypher comparison (<, <=, >, >=): -1/0/1 in `*order` and kTrue, or kNull when the values
// are not comparable (different types other than int/float, either is null, maps and graph
// elements, or lists that meet such a pair before deciding). Strings compare by code point,
// booleans false < true, lists element by element then by length ([1, null] >= [1] is true).
// kFalse when NaN meets a number (directly or in lists before deciding): the values are
// comparable but unordered, so every one of <, <=, >, >= is false (TCK Comparison2 [5]) and
// `*order` means nothing. Prefer the four operators below, which handle that case.
Tri Compare(const Value& a, const Value& b, int* order);
// The operators themselves: a < b, a <= b, a > b, a >= b.
Tri LessThan(const Value& a, const Value& b);
Tri LessOrEqual(const Value& a, const Value& b);
Tri GreaterThan(const Value& a, const Value& b);
Tri GreaterOrEqual(const Value& a, const Value& b);

// The total order of ORDER BY: maps < nodes < relationships < lists < paths < strings <
// booleans < numbers < null; numbers by value (NaN above every number, an int before an
// equal float is not distinguished: 1 and 1.0 are equal here); within a type as Compare does.
// Returns <0, 0 or >0.
int OrderCompare(const Value& a, const Value& b);

// Equality for grouping, DISTINCT and IN-list deduplication: like Equals, but null equals
// null and NaN equals NaN, and it never returns null. Consistent with GroupHash.
bool GroupEquals(const Value& a, const Value& b);
// A hash consistent with GroupEquals (1 and 1.0 hash alike).
size_t GroupHash(const Value& v);

// Arithmetic: + (numbers; strings and anything with a string concatenate; lists concatenate
// and append), -, *, /, %, ^. null in, null out. Integer overflow, integer division by zero
// and mixed types Cypher does not define are errors.
Status Add(const Value& a, const Value& b, Value* out);
Status Subtract(const Value& a, const Value& b, Value* out);
Status Multiply(const Value& a, const Value& b, Value* out);
Status Divide(const Value& a, const Value& b, Value* out);
Status Modulo(const Value& a, const Value& b, Value* out);
Status Power(const Value& a, const Value& b, Value* out);
// Unary minus; an error for non-numbers, null stays null.
Status Negate(const Value& a, Value* out);

// The text of a value as Cypher prints it: 'str' quoted inside lists and maps, 1.0 for floats,
// (:Label {k: v}) for nodes, [:TYPE {k: v}] for relationships, <...> for paths. `quote_strings`
// controls whether a top-level string is quoted.
std::string CypherText(const Value& v, bool quote_strings = true);

}  // namespace parley::query
