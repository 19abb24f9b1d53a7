// The query parser and semantic checker: every clause and expression form parses into the
// expected AST, and every syntax or semantic error names the line and column with a caret.
#include <catch2/catch.hpp>
#include <cstdint>
#include <deque>
#include <string>

#include "query/ast.h"
#include "query/parser.h"
#include "query/semantic.h"

using namespace parley;
using namespace parley::query;

namespace {

Query Parse(const std::string& text) {
  Query q;
  Status s = ParseQuery(text, &q);
  INFO(s.message());
  REQUIRE(s.ok());
  return q;
}

// The syntax error of `text`.
std::string ParseError(const std::string& text) {
  Query q;
  Status s = ParseQuery(text, &q);
  REQUIRE_FALSE(s.ok());
  REQUIRE(s.code() == Status::Code::kInvalidInput);
  return s.message();
}

// The status of parsing and then checking `text`; the parse must succeed.
Status Check(const std::string& text) {
  Query q;
  Status s = ParseQuery(text, &q);
  INFO(text << "\n" << s.message());
  REQUIRE(s.ok());
  return CheckQuery(q, text);
}

std::string CheckError(const std::string& text) {
  Status s = Check(text);
  INFO(text);
  REQUIRE_FALSE(s.ok());
  REQUIRE(s.code() == Status::Code::kInvalidInput);
  return s.message();
}

void RequireValid(const std::string& text) {
  Status s = Check(text);
  INFO(text << "\n" << s.message());
  REQUIRE(s.ok());
}

// The expression of `RETURN <expr>`.
const Expr& ReturnExpr(const Query& q, size_t item = 0) {
  REQUIRE(!q.clauses.empty());
  const Clause& c = q.clauses.back();
  REQUIRE(c.kind == ClauseKind::kReturn);
  REQUIRE(c.projection.items.size() > item);
  return *c.projection.items[item].expr;
}

// Parses `text`, a query ending in RETURN, and gives its first item's expression. The query
// is kept for the rest of the run, so that tests may hold references into it.
const Expr& ParseReturn(const std::string& text) {
  static std::deque<Query> kept;
  kept.push_back(Parse(text));
  return ReturnExpr(kept.back());
}

Value Literal(const std::string& expr) {
  const Expr& e = ParseReturn("RETURN " + expr);
  REQUIRE(e.kind == ExprKind::kLiteral);
  return e.value;
}

}  // namespace

TEST_CASE("MATCH with labels, properties, WHERE and RETURN", "[parser]") {
  Query q = Parse(
      "MATCH (a:Actor:Leader {name: 'Putin', n: 1})-[d:DEMANDS]->(b) "
      "WHERE a.name = 'x' RETURN a, b.name");
  REQUIRE(q.clauses.size() == 2);
  const Clause& m = q.clauses[0];
  CHECK(m.kind == ClauseKind::kMatch);
  CHECK_FALSE(m.optional);
  REQUIRE(m.pattern.parts.size() == 1);
  const PatternPart& part = m.pattern.parts[0];
  REQUIRE(part.nodes.size() == 2);
  REQUIRE(part.rels.size() == 1);
  CHECK(part.nodes[0].variable == "a");
  CHECK(part.nodes[0].labels == std::vector<std::string>{"Actor", "Leader"});
  REQUIRE(part.nodes[0].properties);
  CHECK(part.nodes[0].properties->kind == ExprKind::kMap);
  CHECK(part.nodes[0].properties->keys == std::vector<std::string>{"name", "n"});
  CHECK(part.nodes[0].properties->operands[0]->value == Value("Putin"));
  CHECK(part.nodes[0].pos.column == 7);
  CHECK(part.rels[0].variable == "d");
  CHECK(part.rels[0].types == std::vector<std::string>{"DEMANDS"});
  CHECK(part.rels[0].direction == RelDirection::kRight);
  CHECK_FALSE(part.rels[0].variable_length);
  CHECK(part.nodes[1].variable == "b");
  REQUIRE(m.where);
  CHECK(m.where->kind == ExprKind::kBinary);
  CHECK(m.where->op == Op::kEq);
  CHECK(m.where->operands[0]->kind == ExprKind::kProperty);
  CHECK(m.where->operands[0]->name == "name");
  CHECK(m.where->operands[0]->operands[0]->name == "a");
  const Clause& r = q.clauses[1];
  CHECK(r.kind == ClauseKind::kReturn);
  REQUIRE(r.projection.items.size() == 2);
  CHECK(r.projection.items[0].column == "a");
  CHECK(r.projection.items[1].column == "b.name");
  CHECK_FALSE(q.explain);
}

TEST_CASE("OPTIONAL MATCH, several pattern parts, path variables and parameters", "[parser]") {
  Query q = Parse("MATCH (a) OPTIONAL MATCH p = (a)<-[:X|Y|:Z]-(b $props), (c:C) RETURN p");
  REQUIRE(q.clauses.size() == 3);
  const Clause& m = q.clauses[1];
  CHECK(m.optional);
  REQUIRE(m.pattern.parts.size() == 2);
  CHECK(m.pattern.parts[0].path_variable == "p");
  CHECK(m.pattern.parts[0].rels[0].direction == RelDirection::kLeft);
  CHECK(m.pattern.parts[0].rels[0].types == std::vector<std::string>{"X", "Y", "Z"});
  REQUIRE(m.pattern.parts[0].nodes[1].properties);
  CHECK(m.pattern.parts[0].nodes[1].properties->kind == ExprKind::kParameter);
  CHECK(m.pattern.parts[0].nodes[1].properties->name == "props");
  CHECK(m.pattern.parts[1].path_variable.empty());
  CHECK(m.pattern.parts[1].nodes[0].labels == std::vector<std::string>{"C"});
}

TEST_CASE("relationship directions and short forms", "[parser]") {
  auto direction = [](const std::string& rel) {
    Query q = Parse("MATCH (a)" + rel + "(b) RETURN a");
    REQUIRE(q.clauses[0].pattern.parts[0].rels.size() == 1);
    return q.clauses[0].pattern.parts[0].rels[0].direction;
  };
  CHECK(direction("-->") == RelDirection::kRight);
  CHECK(direction("<--") == RelDirection::kLeft);
  CHECK(direction("--") == RelDirection::kBoth);
  CHECK(direction("-[]->") == RelDirection::kRight);
  CHECK(direction("<-[]-") == RelDirection::kLeft);
  CHECK(direction("-[r]-") == RelDirection::kBoth);
  CHECK(direction("<-->") == RelDirection::kBoth);
  Query q = Parse("MATCH (a)-->(b)<--(c)--(d) RETURN a");
  CHECK(q.clauses[0].pattern.parts[0].nodes.size() == 4);
}

TEST_CASE("variable-length relationship forms", "[parser]") {
  struct Case {
    const char* rel;
    int64_t min, max;
  };
  for (Case c : {Case{"*", 1, -1}, Case{"*2", 2, 2}, Case{"*1..3", 1, 3}, Case{"*..3", 1, 3},
                 Case{"*2..", 2, -1}, Case{"*..", 1, -1}, Case{"*0..1", 0, 1}}) {
    INFO(c.rel);
    Query q = Parse(std::string("MATCH (a)-[r:T ") + c.rel + "]->(b) RETURN r");
    const RelPattern& r = q.clauses[0].pattern.parts[0].rels[0];
    CHECK(r.variable_length);
    CHECK(r.min_hops == c.min);
    CHECK(r.max_hops == c.max);
    CHECK(r.types == std::vector<std::string>{"T"});
  }
  Query q = Parse("MATCH (a)-[*1..2 {w: 1}]-(b) RETURN a");
  const RelPattern& r = q.clauses[0].pattern.parts[0].rels[0];
  CHECK(r.variable_length);
  CHECK(r.max_hops == 2);
  REQUIRE(r.properties);
  CHECK(r.properties->keys == std::vector<std::string>{"w"});
}

TEST_CASE("CREATE, UNWIND, WITH and EXPLAIN clauses", "[parser]") {
  Query q = Parse(
      "EXPLAIN UNWIND [1, 2] AS x WITH x AS y, count(*) AS c WHERE c > 1 "
      "CREATE (n:N {v: y})-[:R {w: 2}]->(m);");
  CHECK(q.explain);
  REQUIRE(q.clauses.size() == 3);
  CHECK(q.clauses[0].kind == ClauseKind::kUnwind);
  CHECK(q.clauses[0].unwind_variable == "x");
  CHECK(q.clauses[0].unwind_expr->kind == ExprKind::kList);
  const Clause& w = q.clauses[1];
  CHECK(w.kind == ClauseKind::kWith);
  REQUIRE(w.projection.items.size() == 2);
  CHECK(w.projection.items[0].alias == "y");
  CHECK(w.projection.items[1].column == "c");
  REQUIRE(w.projection.where);
  CHECK(w.projection.where->op == Op::kGt);
  const Clause& c = q.clauses[2];
  CHECK(c.kind == ClauseKind::kCreate);
  CHECK(c.pattern.parts[0].rels[0].types == std::vector<std::string>{"R"});
  CHECK(c.pos.column == 67);
}

TEST_CASE("RETURN projections: DISTINCT, star, ORDER BY, SKIP, LIMIT", "[parser]") {
  Query q = Parse(
      "MATCH (n) RETURN DISTINCT *, n.x AS x ORDER BY x DESC, n.y ASCENDING, n.z "
      "DESCENDING, n.w ASC SKIP 1 LIMIT $lim");
  const Projection& p = q.clauses[1].projection;
  CHECK(p.distinct);
  CHECK(p.star);
  REQUIRE(p.items.size() == 1);
  CHECK(p.items[0].column == "x");
  REQUIRE(p.order_by.size() == 4);
  CHECK(p.order_by[0].descending);
  CHECK_FALSE(p.order_by[1].descending);
  CHECK(p.order_by[2].descending);
  CHECK_FALSE(p.order_by[3].descending);
  REQUIRE(p.skip);
  CHECK(p.skip->value == Value(int64_t{1}));
  REQUIRE(p.limit);
  CHECK(p.limit->kind == ExprKind::kParameter);
  CHECK(p.limit->name == "lim");
  CHECK_FALSE(p.where);

  Query star = Parse("MATCH (n) RETURN *");
  CHECK(star.clauses[1].projection.star);
  CHECK(star.clauses[1].projection.items.empty());
}

TEST_CASE("column names are the expression text as written", "[parser]") {
  Query q = Parse(
      "MATCH (n) RETURN   n.missing IS NULL ,count(*),  toLower( n.name ) AS low, "
      "(1 + 2) * 3, n.a+n.b , [x IN [1] | x]");
  const Projection& p = q.clauses[1].projection;
  REQUIRE(p.items.size() == 6);
  CHECK(p.items[0].column == "n.missing IS NULL");
  CHECK(p.items[1].column == "count(*)");
  CHECK(p.items[2].column == "low");
  CHECK(p.items[2].expr->text == "toLower( n.name )");
  CHECK(p.items[3].column == "(1 + 2) * 3");
  CHECK(p.items[4].column == "n.a+n.b");
  CHECK(p.items[5].column == "[x IN [1] | x]");
  // Every expression knows its text and first token.
  const Expr& mul = *p.items[3].expr;
  CHECK(mul.pos.column == 76);
  CHECK(mul.operands[0]->text == "(1 + 2)");
  CHECK(mul.operands[0]->operands[0]->text == "1");
  CHECK(mul.operands[1]->text == "3");
}

TEST_CASE("operator precedence", "[parser]") {
  // OR < XOR < AND < NOT < comparison
  const Expr& e = ParseReturn("RETURN a OR b XOR c AND NOT d = e");
  CHECK(e.op == Op::kOr);
  const Expr& x = *e.operands[1];
  CHECK(x.op == Op::kXor);
  const Expr& a = *x.operands[1];
  CHECK(a.op == Op::kAnd);
  const Expr& n = *a.operands[1];
  CHECK(n.kind == ExprKind::kUnary);
  CHECK(n.op == Op::kNot);
  CHECK(n.operands[0]->op == Op::kEq);

  // comparison < IN < + < * < ^ < unary minus < property
  const Expr& c = ParseReturn("RETURN 1 + 2 * -x.y ^ 2 IN l = true");
  CHECK(c.op == Op::kEq);
  const Expr& in = *c.operands[0];
  CHECK(in.op == Op::kIn);
  const Expr& add = *in.operands[0];
  CHECK(add.op == Op::kAdd);
  const Expr& mul = *add.operands[1];
  CHECK(mul.op == Op::kMul);
  const Expr& pow = *mul.operands[1];
  CHECK(pow.op == Op::kPow);
  CHECK(pow.operands[0]->op == Op::kNegate);
  CHECK(pow.operands[0]->operands[0]->kind == ExprKind::kProperty);

  // left associativity, ^ included
  const Expr& sub = ParseReturn("RETURN 1 - 2 - 3");
  CHECK(sub.op == Op::kSub);
  CHECK(sub.operands[0]->op == Op::kSub);
  CHECK(sub.operands[1]->value == Value(int64_t{3}));
  const Expr& p = ParseReturn("RETURN 2 ^ 3 ^ 2");
  CHECK(p.operands[0]->op == Op::kPow);
  CHECK(p.operands[0]->text == "2 ^ 3");

  // parentheses
  const Expr& g = ParseReturn("RETURN (1 + 2) * 3");
  CHECK(g.op == Op::kMul);
  CHECK(g.operands[0]->op == Op::kAdd);
}

TEST_CASE("comparison chains become conjunctions", "[parser]") {
  const Expr& e = ParseReturn("RETURN 1 < x <= 3 > y");
  CHECK(e.op == Op::kAnd);
  CHECK(e.text == "1 < x <= 3 > y");
  const Expr& left = *e.operands[0];
  CHECK(left.op == Op::kAnd);
  CHECK(left.operands[0]->op == Op::kLt);
  CHECK(left.operands[0]->text == "1 < x");
  CHECK(left.operands[1]->op == Op::kLe);
  CHECK(left.operands[1]->text == "x <= 3");
  CHECK(left.operands[1]->operands[0]->name == "x");
  CHECK(e.operands[1]->op == Op::kGt);
  CHECK(e.operands[1]->text == "3 > y");
  CHECK(ParseReturn("RETURN a <> b").op == Op::kNe);
  CHECK(ParseReturn("RETURN a >= b").op == Op::kGe);
}

TEST_CASE("string, list and null predicates", "[parser]") {
  CHECK(ParseReturn("RETURN a STARTS WITH 'x'").op == Op::kStartsWith);
  CHECK(ParseReturn("RETURN a ends with 'x'").op == Op::kEndsWith);
  CHECK(ParseReturn("RETURN a CONTAINS 'x'").op == Op::kContains);
  CHECK(ParseReturn("RETURN a =~ 'x.*'").op == Op::kRegexMatch);
  CHECK(ParseReturn("RETURN a IN [1, 2]").op == Op::kIn);
  const Expr& is_null = ParseReturn("RETURN a.b IS NULL");
  CHECK(is_null.kind == ExprKind::kIsNull);
  CHECK_FALSE(is_null.negated);
  CHECK(is_null.operands[0]->kind == ExprKind::kProperty);
  const Expr& not_null = ParseReturn("RETURN a Is Not Null");
  CHECK(not_null.kind == ExprKind::kIsNull);
  CHECK(not_null.negated);
  // IS NULL binds tighter than = and AND
  const Expr& e = ParseReturn("RETURN a IS NULL = b IS NOT NULL AND c");
  CHECK(e.op == Op::kAnd);
  CHECK(e.operands[0]->op == Op::kEq);
  CHECK(e.operands[0]->operands[1]->kind == ExprKind::kIsNull);
}

TEST_CASE("integer and float literals", "[parser]") {
  CHECK(Literal("42") == Value(int64_t{42}));
  CHECK(Literal("0x1F") == Value(int64_t{31}));
  CHECK(Literal("0xff") == Value(int64_t{255}));
  CHECK(Literal("0o17") == Value(int64_t{15}));
  CHECK(Literal("-0x10") == Value(int64_t{-16}));
  CHECK(Literal("9223372036854775807") == Value(INT64_MAX));
  CHECK(Literal("-9223372036854775808") == Value(INT64_MIN));
  CHECK(Literal("-0x8000000000000000") == Value(INT64_MIN));
  CHECK(Literal("1.5") == Value(1.5));
  CHECK(Literal(".5") == Value(0.5));
  CHECK(Literal("1e3") == Value(1000.0));
  CHECK(Literal("1.5E-3") == Value(0.0015));
  CHECK(Literal("-2.5") == Value(-2.5));
  CHECK(Literal("TRUE") == Value(true));
  CHECK(Literal("false") == Value(false));
  CHECK(Literal("Null").is_null());
  CHECK(ParseReturn("RETURN -9223372036854775808").text == "-9223372036854775808");

  std::string big = ParseError("RETURN 9223372036854775808");
  CHECK(big.find("Integer literal is too large at 1:8") != std::string::npos);
  CHECK(ParseError("RETURN -9223372036854775809").find("too large") != std::string::npos);
  CHECK(ParseError("RETURN 0x10000000000000000").find("too large") != std::string::npos);
  CHECK(ParseError("RETURN 1e999").find("too large at 1:8") != std::string::npos);
  CHECK(ParseError("RETURN 0x").find("Invalid hexadecimal integer at 1:8") != std::string::npos);
  CHECK(ParseError("RETURN 0o8").find("Invalid octal integer") != std::string::npos);
  CHECK(ParseError("RETURN 12abc").find("Invalid number at 1:8") != std::string::npos);
  CHECK(ParseError("RETURN 1e").find("exponent") != std::string::npos);
  // A minus that is not right before the number is an operator.
  const Expr& neg = ParseReturn("RETURN -x");
  CHECK(neg.kind == ExprKind::kUnary);
  CHECK(neg.op == Op::kNegate);
  CHECK(ParseReturn("RETURN 1 -1").op == Op::kSub);
}

TEST_CASE("string literals and escapes", "[parser]") {
  CHECK(Literal(R"('it\'s')") == Value("it's"));
  CHECK(Literal(R"("say \"hi\"")") == Value("say \"hi\""));
  CHECK(Literal(R"('a\\b\n\t\r\b\f')") == Value("a\\b\n\t\r\b\f"));
  CHECK(Literal(R"('\u00e9')") == Value("\xc3\xa9"));
  CHECK(Literal(R"('\uD83D\uDE00')") == Value("\xf0\x9f\x98\x80"));
  CHECK(Literal(R"("it's")") == Value("it's"));
  CHECK(Literal("''") == Value(""));
  std::string bad = ParseError(R"(RETURN 'a\qb')");
  CHECK(bad.find("Invalid escape sequence '\\q' at 1:10") != std::string::npos);
  CHECK(ParseError("RETURN 'abc").find("Unterminated string at 1:8") != std::string::npos);
  CHECK(ParseError(R"(RETURN '\u12')").find("hex digits") != std::string::npos);
  CHECK(ParseError(R"(RETURN '\uD800')").find("Invalid Unicode") != std::string::npos);
}

TEST_CASE("lists, maps, parameters, subscripts, slices and label checks", "[parser]") {
  const Expr& list = ParseReturn("RETURN [1, 'a', [], {}]");
  CHECK(list.kind == ExprKind::kList);
  REQUIRE(list.operands.size() == 4);
  CHECK(list.operands[2]->kind == ExprKind::kList);
  CHECK(list.operands[3]->kind == ExprKind::kMap);

  const Expr& map = ParseReturn("RETURN {name: 1, `my key`: 2, match: 3, RETURN: 4}");
  CHECK(map.kind == ExprKind::kMap);
  CHECK(map.keys == std::vector<std::string>{"name", "my key", "match", "RETURN"});

  const Expr& p = ParseReturn("RETURN $name + $0 + $`odd name`");
  CHECK(p.operands[1]->kind == ExprKind::kParameter);
  CHECK(p.operands[1]->name == "odd name");
  CHECK(p.operands[0]->operands[1]->name == "0");
  CHECK(p.operands[0]->operands[0]->name == "name");
  CHECK(p.operands[0]->operands[0]->text == "$name");

  const Expr& sub = ParseReturn("RETURN l[0]");
  CHECK(sub.kind == ExprKind::kSubscript);
  CHECK(sub.operands[1]->value == Value(int64_t{0}));

  const Expr& slice = ParseReturn("RETURN l[1..3]");
  CHECK(slice.kind == ExprKind::kSlice);
  CHECK(slice.operands[1]->value == Value(int64_t{1}));
  CHECK(slice.operands[2]->value == Value(int64_t{3}));
  const Expr& open_low = ParseReturn("RETURN l[..3]");
  CHECK(open_low.kind == ExprKind::kSlice);
  CHECK(open_low.operands[1] == nullptr);
  const Expr& open_high = ParseReturn("RETURN l[-2..]");
  CHECK(open_high.operands[1]->value == Value(int64_t{-2}));
  CHECK(open_high.operands[2] == nullptr);

  const Expr& labels = ParseReturn("RETURN n:Person:Leader");
  CHECK(labels.kind == ExprKind::kHasLabels);
  CHECK(labels.labels == std::vector<std::string>{"Person", "Leader"});
  CHECK(labels.operands[0]->name == "n");

  const Expr& chain = ParseReturn("RETURN n.a.b[0].`c d`");
  CHECK(chain.kind == ExprKind::kProperty);
  CHECK(chain.name == "c d");
  CHECK(chain.operands[0]->kind == ExprKind::kSubscript);
  CHECK(chain.text == "n.a.b[0].`c d`");

  const Expr& quoted = ParseReturn("MATCH (`my var`) RETURN `my var`");
  CHECK(quoted.kind == ExprKind::kVariable);
  CHECK(quoted.name == "my var");
}

TEST_CASE("function calls, DISTINCT, count(*) and namespaced names", "[parser]") {
  const Expr& f = ParseReturn("RETURN toLower(a, b)");
  CHECK(f.kind == ExprKind::kFunction);
  CHECK(f.name == "toLower");
  CHECK(f.operands.size() == 2);
  const Expr& d = ParseReturn("RETURN count(DISTINCT x)");
  CHECK(d.distinct);
  CHECK(d.operands.size() == 1);
  const Expr& star = ParseReturn("RETURN COUNT(*)");
  CHECK(star.star);
  CHECK(star.name == "COUNT");
  CHECK(star.operands.empty());
  const Expr& none = ParseReturn("RETURN rand()");
  CHECK(none.operands.empty());
  const Expr& ns = ParseReturn("RETURN apoc.text.join(l, ',')");
  CHECK(ns.kind == ExprKind::kFunction);
  CHECK(ns.name == "apoc.text.join");
}

TEST_CASE("CASE expressions, simple and generic", "[parser]") {
  const Expr& simple = ParseReturn("RETURN CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END");
  CHECK(simple.kind == ExprKind::kCase);
  CHECK(simple.has_test);
  CHECK(simple.has_else);
  REQUIRE(simple.operands.size() == 6);
  CHECK(simple.operands[0]->name == "x");
  CHECK(simple.operands[5]->value == Value("c"));
  const Expr& generic = ParseReturn("RETURN case when x > 1 then true end");
  CHECK_FALSE(generic.has_test);
  CHECK_FALSE(generic.has_else);
  REQUIRE(generic.operands.size() == 2);
  CHECK(generic.operands[0]->op == Op::kGt);
  CHECK(ParseError("RETURN CASE x END").find("expected WHEN") != std::string::npos);
}

TEST_CASE("list comprehensions", "[parser]") {
  const Expr& full = ParseReturn("RETURN [x IN range(1, 10) WHERE x % 2 = 0 | x * x]");
  CHECK(full.kind == ExprKind::kListComprehension);
  CHECK(full.name == "x");
  REQUIRE(full.operands.size() == 3);
  CHECK(full.operands[0]->kind == ExprKind::kFunction);
  CHECK(full.operands[1]->op == Op::kEq);
  CHECK(full.operands[2]->op == Op::kMul);
  const Expr& bare = ParseReturn("RETURN [x IN l]");
  CHECK(bare.kind == ExprKind::kListComprehension);
  CHECK(bare.operands[1] == nullptr);
  CHECK(bare.operands[2] == nullptr);
  // A list whose element is an IN test of a bracketed expression is still a list.
  const Expr& list = ParseReturn("RETURN [(x) IN l]");
  CHECK(list.kind == ExprKind::kList);
}

TEST_CASE("pattern predicates in expressions", "[parser]") {
  Query q = Parse("MATCH (n) WHERE (n)-[:REL1]-() AND NOT (n)<--(:X {a: 1}) RETURN n");
  const Expr& w = *q.clauses[0].where;
  CHECK(w.op == Op::kAnd);
  const Expr& p = *w.operands[0];
  CHECK(p.kind == ExprKind::kPattern);
  REQUIRE(p.pattern);
  CHECK(p.pattern->nodes.size() == 2);
  CHECK(p.pattern->nodes[0].variable == "n");
  CHECK(p.pattern->rels[0].types == std::vector<std::string>{"REL1"});
  CHECK(p.text == "(n)-[:REL1]-()");
  const Expr& neg = *w.operands[1];
  CHECK(neg.op == Op::kNot);
  CHECK(neg.operands[0]->kind == ExprKind::kPattern);
  CHECK(neg.operands[0]->pattern->rels[0].direction == RelDirection::kLeft);
  // A bracketed expression followed by something other than a relationship is not a pattern.
  const Expr& paren = ParseReturn("RETURN (n) < -1");
  CHECK(paren.op == Op::kLt);
  const Expr& minus = ParseReturn("RETURN (a) - 1");
  CHECK(minus.op == Op::kSub);
}

TEST_CASE("keywords are case-insensitive and comments are skipped", "[parser]") {
  Query q = Parse("match (n) // a comment\n where n.x = 1 /* a\nblock */ return n");
  REQUIRE(q.clauses.size() == 2);
  CHECK(q.clauses[0].where);
  CHECK(q.clauses[1].pos.line == 3);
  CHECK(q.clauses[1].pos.column == 10);
  // Keywords may name labels, types and properties.
  Query k = Parse("MATCH (n:Match)-[:RETURN]->(m) RETURN n.count, n.end");
  CHECK(k.clauses[0].pattern.parts[0].nodes[0].labels[0] == "Match");
  CHECK(k.clauses[1].projection.items[1].expr->name == "end");
}

TEST_CASE("syntax errors name line and column with a caret", "[parser]") {
  std::string e = ParseError("MATCH (n) RETRUN n");
  CHECK(e.find("Invalid input 'RETRUN'") != std::string::npos);
  CHECK(e.find("at 1:11") != std::string::npos);
  CHECK(e.find("\n  MATCH (n) RETRUN n\n            ^") != std::string::npos);

  std::string multi = ParseError("MATCH (n)\nRETURN n +");
  CHECK(multi.find("Unexpected end of input: expected an expression at 2:11") != std::string::npos);
  CHECK(multi.find("\n  RETURN n +\n            ^") != std::string::npos);

  CHECK(ParseError("").find("Unexpected end of input at") == std::string::npos);
  CHECK(ParseError("").find("expected MATCH") != std::string::npos);
  CHECK(ParseError("MATCH (n RETURN n").find("at 1:10") != std::string::npos);
  CHECK(ParseError("MATCH (n)-[r:]->() RETURN n").find("at 1:14") != std::string::npos);
  CHECK(ParseError("MATCH (n)-[r->() RETURN n").find("at 1:13") != std::string::npos);
  CHECK(ParseError("RETURN 1 +* 2").find("at 1:11") != std::string::npos);
  CHECK(ParseError("RETURN [1, 2").find("expected ']'") != std::string::npos);
  CHECK(ParseError("RETURN {a 1}").find("expected ':' at 1:11") != std::string::npos);
  CHECK(ParseError("RETURN a IS 1").find("expected NULL at 1:13") != std::string::npos);
  CHECK(ParseError("OPTIONAL RETURN 1").find("expected MATCH at 1:10") != std::string::npos);
  CHECK(ParseError("UNWIND [1] x RETURN x").find("expected AS at 1:12") != std::string::npos);
  CHECK(ParseError("RETURN 1; RETURN 2").find("expected end of input at 1:11") !=
        std::string::npos);
  CHECK(ParseError("RETURN 1 # 2").find("Invalid input '#' at 1:10") != std::string::npos);
  CHECK(ParseError("RETURN 1 /* open").find("Unterminated comment at 1:10") != std::string::npos);
  CHECK(ParseError("MATCH (match) RETURN 1").find("at 1:8") != std::string::npos);
  CHECK(ParseError("MATCH (n) FOREACH (x IN [1] | SET n.x = x)")
            .find("Unsupported clause 'FOREACH'") != std::string::npos);
  CHECK(ParseError("RETURN `unterminated").find("Unterminated quoted name at 1:8") !=
        std::string::npos);
  // Columns count characters, not bytes.
  CHECK(ParseError("RETURN 'é' +").find("at 1:13") != std::string::npos);
}

TEST_CASE("hostile input: deep nesting is an error, long chains are fine", "[parser]") {
  std::string deep(100000, '(');
  CHECK(ParseError("RETURN " + deep).find("nested too deeply") != std::string::npos);
  std::string lists(100000, '[');
  CHECK(ParseError("RETURN " + lists).find("nested too deeply") != std::string::npos);
  std::string nots;
  for (int i = 0; i < 20000; ++i) nots += "NOT ";
  CHECK(ParseError("RETURN " + nots + "x").find("nested too deeply") != std::string::npos);
  std::string minus(20000, '-');
  CHECK(ParseError("RETURN " + minus + "x").find("nested too deeply") != std::string::npos);
  std::string sum = "RETURN 1";
  for (int i = 0; i < 20000; ++i) sum += "+1";
  CHECK(ParseError(sum).find("nested too deeply") != std::string::npos);
  std::string chain = "RETURN 1";
  for (int i = 0; i < 20000; ++i) chain += "<1";
  CHECK(ParseError(chain).find("nested too deeply") != std::string::npos);
  // Moderate nesting and long flat lists are accepted.
  std::string ok = "RETURN " + std::string(100, '(') + "1" + std::string(100, ')');
  Parse(ok);
  std::string flat = "RETURN [0";
  for (int i = 0; i < 20000; ++i) flat += ",1";
  Parse(flat + "]");
  std::string path = "MATCH (a)";
  for (int i = 0; i < 5000; ++i) path += "-->()";
  Parse(path + " RETURN a");
}

// ---- semantic checks ----

TEST_CASE("valid queries pass the checker", "[parser]") {
  RequireValid("MATCH (a:Actor)-[d:DEMANDS]->(b) WHERE a.name STARTS WITH 'P' RETURN a, d, b");
  RequireValid("MATCH (a) WITH a, count(*) AS c WHERE c > 1 RETURN a.name AS name ORDER BY name");
  RequireValid("MATCH (a) RETURN a.name AS name, count(*) AS c ORDER BY c DESC, name");
  RequireValid("MATCH (a) RETURN a.name, count(*) ORDER BY a.name, count(*)");
  RequireValid("MATCH (a) RETURN a.name ORDER BY a.age");
  RequireValid("UNWIND [1, 2, 3] AS x RETURN x, [y IN range(1, x) WHERE y > 1 | y * 2] AS l");
  RequireValid("MATCH (a) CREATE (a)-[:KNOWS]->(b:Person {name: a.name}) RETURN b");
  RequireValid("CREATE (a:A)-[:R]->(b:B), (b)<-[:S]-(c)");
  RequireValid("MATCH p = (a)-[*1..3]->(b) RETURN p, length(p)");
  RequireValid("MATCH (n) WHERE (n)-[:REL1]-() RETURN n");
  RequireValid("MATCH ()-[r]-() MATCH ()-[r]-() RETURN r");
  RequireValid("MATCH (a)-->(a) RETURN a");
  RequireValid("MATCH (n) RETURN n SKIP 1 LIMIT $l");
  RequireValid("MATCH (n) RETURN n LIMIT 1 + 2");
  RequireValid("MATCH (n) RETURN *, n.x AS x");
  RequireValid("MATCH (n) WITH * RETURN n");
  RequireValid("MATCH (n) RETURN count(DISTINCT n.name), collect(n)");
  RequireValid("MATCH (n) CREATE (m:Copy) RETURN m");
  RequireValid("CREATE (a) WITH a MATCH (b) RETURN a, b");
  RequireValid("MATCH (n) RETURN COUNT(*), TOLOWER(n.name)");
}

TEST_CASE("undefined variables and scopes", "[parser]") {
  std::string e = CheckError("MATCH (a) RETURN b");
  CHECK(e.find("Variable 'b' not defined at 1:18") != std::string::npos);
  CHECK(e.find("\n  MATCH (a) RETURN b\n                   ^") != std::string::npos);
  // After WITH only projected names survive.
  CHECK(CheckError("MATCH (a), (b) WITH a RETURN b").find("'b' not defined at 1:30") !=
        std::string::npos);
  CHECK(CheckError("MATCH (a) WHERE x.y = 1 RETURN a").find("'x' not defined at 1:17") !=
        std::string::npos);
  CHECK(CheckError("MATCH (a {v: b.x}) RETURN a").find("'b' not defined") != std::string::npos);
  CHECK(CheckError("RETURN [x IN [1] | y]").find("'y' not defined") != std::string::npos);
  CHECK(CheckError("RETURN [x IN [1] | x] AS l, x").find("'x' not defined at 1:29") !=
        std::string::npos);
  // After an aggregating (or DISTINCT) projection, ORDER BY only sees what was projected.
  CHECK(CheckError("MATCH (a) RETURN a.name, count(*) ORDER BY a.age")
            .find("'a' not defined at 1:44") != std::string::npos);
  CHECK(CheckError("MATCH (a) RETURN DISTINCT a.name ORDER BY a.age").find("'a' not defined") !=
        std::string::npos);
  CHECK(CheckError("MATCH (a) WITH count(*) AS c WHERE a.x > 1 RETURN c").find("'a' not defined") !=
        std::string::npos);
  // A pattern predicate introduces no new variables.
  CHECK(CheckError("MATCH (n) WHERE (n)-[r]->() RETURN n")
            .find("'r' not defined (a pattern in an expression cannot introduce new variables) at "
                  "1:20") != std::string::npos);
}

TEST_CASE("variables bound twice", "[parser]") {
  CHECK(CheckError("MATCH (a) CREATE (a:L)")
            .find("'a' is already declared: CREATE cannot add labels or properties to a node "
                  "that is already bound at 1:18") != std::string::npos);
  CHECK(CheckError("MATCH (a) CREATE (a {x: 1})").find("already declared") != std::string::npos);
  CHECK(CheckError("MATCH (a) CREATE (a)")
            .find("'a' already declared: CREATE and MERGE cannot create it "
                  "again at 1:18") != std::string::npos);
  CHECK(CheckError("MATCH ()-[r]->() CREATE ()-[r:T]->()")
            .find("'r' already declared: CREATE cannot create a relationship that is already "
                  "bound at 1:27") != std::string::npos);
  CHECK(CheckError("MATCH (a)-[r]->()-[r]->() RETURN r")
            .find("same relationship variable 'r' for multiple relationships in one pattern at "
                  "1:18") != std::string::npos);
  CHECK(CheckError("MATCH p = (a) MATCH p = (b) RETURN p").find("'p' already declared at 1:21") !=
        std::string::npos);
  CHECK(CheckError("MATCH (p)-[]-(), (), p = ()-[]-() RETURN p")
            .find("'p' already declared at 1:22") != std::string::npos);
  CHECK(CheckError("MATCH p = ()-[]-(), (p) RETURN p").find("'p' is already declared as a path") !=
        std::string::npos);
  CHECK(CheckError("MATCH (a) UNWIND [1] AS a RETURN a").find("'a' already declared at 1:11") !=
        std::string::npos);
}

TEST_CASE("variables of conflicting types", "[parser]") {
  CHECK(CheckError("MATCH ()-[r]-() MATCH (r) RETURN r")
            .find("'r' is already declared as a relationship, and cannot be used as a node at "
                  "1:23") != std::string::npos);
  CHECK(CheckError("MATCH (n) MATCH ()-[n]-() RETURN n")
            .find("already declared as a node, and cannot be used as a relationship at 1:19") !=
        std::string::npos);
  CHECK(CheckError("MATCH (a)-[a]->() RETURN a").find("cannot be used as a relationship") !=
        std::string::npos);
  CHECK(CheckError("WITH 1 AS n MATCH (n) RETURN n").find("declared as a value") !=
        std::string::npos);
  CHECK(CheckError("MATCH ()-[r]-() WHERE (r)-->() RETURN r").find("cannot be used as a node") !=
        std::string::npos);
  // A variable carried through WITH keeps its type.
  CHECK(CheckError("MATCH ()-[r]-() WITH r AS x MATCH (x) RETURN x")
            .find("already declared as a relationship") != std::string::npos);
}

TEST_CASE("functions: unknown names, argument counts, DISTINCT", "[parser]") {
  std::string e = CheckError("MATCH (n) RETURN cout(n)");
  CHECK(e.find("Unknown function 'cout' at 1:18") != std::string::npos);
  CHECK(e.find("\n                   ^") != std::string::npos);
  CHECK(CheckError("RETURN toLower('a', 'b')")
            .find("Function 'toLower' takes 1 argument, not 2 at 1:8") != std::string::npos);
  CHECK(CheckError("RETURN toLower()").find("takes 1 argument, not 0") != std::string::npos);
  CHECK(CheckError("RETURN substring('a')").find("takes 2 to 3 arguments, not 1") !=
        std::string::npos);
  CHECK(CheckError("RETURN coalesce()").find("at least 1 argument") != std::string::npos);
  CHECK(CheckError("RETURN toLower(DISTINCT 'a')")
            .find("DISTINCT can only be used with aggregating functions") != std::string::npos);
  CHECK(CheckError("RETURN sum(*)").find("Only count can take '*'") != std::string::npos);
}

TEST_CASE("aggregates: nesting and where they may appear", "[parser]") {
  CHECK(CheckError("MATCH (n) RETURN count(count(*))")
            .find("inside another aggregating function at 1:24") != std::string::npos);
  CHECK(CheckError("MATCH (n) WHERE count(n) > 1 RETURN n")
            .find("Invalid use of aggregating function 'count' in WHERE at 1:17") !=
        std::string::npos);
  CHECK(CheckError("MATCH (n {x: count(*)}) RETURN n").find("in a MATCH pattern") !=
        std::string::npos);
  CHECK(CheckError("CREATE (n {x: max(1)})").find("in a CREATE pattern") != std::string::npos);
  CHECK(CheckError("UNWIND collect(1) AS x RETURN x").find("in UNWIND") != std::string::npos);
  CHECK(CheckError("MATCH (n) WITH n, count(*) AS c WHERE max(c) > 1 RETURN n").find("in WHERE") !=
        std::string::npos);
  CHECK(CheckError("MATCH (n) RETURN n.a ORDER BY max(n.b)").find("'max' in ORDER BY") !=
        std::string::npos);
  CHECK(CheckError("MATCH (n) RETURN n.a, count(*) ORDER BY max(n.b)")
            .find("must also be projected") != std::string::npos);
  CHECK(CheckError("RETURN [x IN [1] | count(x)]").find("inside a list comprehension") !=
        std::string::npos);
}

TEST_CASE("projections: RETURN *, duplicate columns, WITH aliases", "[parser]") {
  std::string e = CheckError("MATCH () RETURN *");
  CHECK(e.find("RETURN * is not allowed when there are no variables in scope at 1:17") !=
        std::string::npos);
  CHECK(CheckError("RETURN *").find("no variables in scope") != std::string::npos);
  CHECK(CheckError("MATCH (a) RETURN a.x AS y, a.z AS y")
            .find("Multiple result columns with the same name 'y' are not supported at 1:28") !=
        std::string::npos);
  CHECK(CheckError("MATCH (a) RETURN a, a").find("same name 'a'") != std::string::npos);
  CHECK(CheckError("MATCH (a) WITH a.x + 1 RETURN 1").find("must be aliased (use AS) at 1:16") !=
        std::string::npos);
  CHECK(CheckError("MATCH (a) WITH toUpper(a.x) RETURN 1").find("must be aliased") !=
        std::string::npos);
  // A property of a variable names its own column, as RETURN would.
  RequireValid("MATCH (a) WITH DISTINCT a.x RETURN *");
  // WITH * over nothing named passes the rows on; RETURN * would have no column.
  RequireValid("MATCH () CREATE () WITH * CREATE ()");
  RequireValid("UNWIND [1, 2] AS x CREATE () WITH * RETURN x");
  CHECK(CheckError("MATCH (a) WITH a, count(*) RETURN a").find("must be aliased") !=
        std::string::npos);
}

TEST_CASE("CREATE patterns must be creatable", "[parser]") {
  CHECK(CheckError("CREATE (a)-[:R|S]->(b)")
            .find("A single relationship type must be specified for CREATE at 1:11") !=
        std::string::npos);
  CHECK(CheckError("CREATE (a)-->(b)").find("single relationship type") != std::string::npos);
  CHECK(CheckError("CREATE (a)-[:R]-(b)").find("Only directed relationships") != std::string::npos);
  CHECK(CheckError("CREATE (a)-[:R*2]->(b)").find("Variable length relationships cannot") !=
        std::string::npos);
}

TEST_CASE("SKIP and LIMIT take non-negative integers without variables", "[parser]") {
  CHECK(CheckError("MATCH (n) RETURN n SKIP -1")
            .find("Invalid input '-1' for SKIP: it must be a non-negative integer at 1:25") !=
        std::string::npos);
  CHECK(CheckError("MATCH (n) RETURN n LIMIT 1.5").find("for LIMIT") != std::string::npos);
  CHECK(CheckError("MATCH (n) RETURN n LIMIT 'a'").find("non-negative integer") !=
        std::string::npos);
  CHECK(CheckError("MATCH (n) RETURN n LIMIT n.x")
            .find("It is not allowed to refer to variables in LIMIT at 1:26") != std::string::npos);
  CHECK(CheckError("MATCH (n) WITH n SKIP size(n) RETURN n").find("variables in SKIP") !=
        std::string::npos);
}

TEST_CASE("clause composition", "[parser]") {
  CHECK(CheckError("MATCH (n)").find("Query cannot conclude with MATCH") != std::string::npos);
  CHECK(CheckError("MATCH (n) WITH n")
            .find("cannot conclude with WITH (must be RETURN or an update clause such as "
                  "CREATE) at 1:11") != std::string::npos);
  CHECK(CheckError("RETURN 1 AS x RETURN 2 AS y")
            .find("RETURN can only be used at the end of the query at 1:15") != std::string::npos);
  CHECK(CheckError("CREATE (a) MATCH (b) RETURN b")
            .find("WITH is required between CREATE and MATCH at 1:12") != std::string::npos);
}

TEST_CASE("boolean operators and WHERE refuse operands known not to be booleans", "[parser]") {
  CHECK(CheckError("RETURN true AND 7")
            .find("Type mismatch: AND expects a boolean, but '7' is an integer at 1:17") !=
        std::string::npos);
  CHECK(CheckError("RETURN 2.5 OR false").find("OR expects a boolean, but '2.5' is a float") !=
        std::string::npos);
  CHECK(CheckError("RETURN 'yes' XOR true").find("XOR expects a boolean") != std::string::npos);
  CHECK(CheckError("RETURN NOT [true]").find("NOT expects a boolean, but '[true]' is a list") !=
        std::string::npos);
  CHECK(CheckError("RETURN false OR {a: 1}").find("is a map") != std::string::npos);
  CHECK(CheckError("MATCH (n)-[r]->() RETURN r AND true").find("'r' is a relationship") !=
        std::string::npos);
  CHECK(CheckError("MATCH (n) WHERE (n) RETURN n")
            .find("WHERE expects a boolean, but '(n)' is a node at 1:17") != std::string::npos);
  CHECK(CheckError("MATCH p = (n)-->() WITH p WHERE p RETURN 1").find("is a path") !=
        std::string::npos);
  // null, booleans and what is only known when running stay valid.
  RequireValid("RETURN true AND null, NOT null, false OR (1 < 2)");
  RequireValid("MATCH (n) WHERE n.flag AND $p OR n.x XOR true RETURN n");
  RequireValid("UNWIND [true, 1] AS x RETURN x AND true");
}

TEST_CASE("graph functions refuse elements of the wrong kind", "[parser]") {
  CHECK(CheckError("MATCH (n) RETURN type(n)")
            .find("Type mismatch: type() expects a relationship, but 'n' is a node at 1:23") !=
        std::string::npos);
  CHECK(CheckError("MATCH (n) RETURN length(n)").find("length() expects a path") !=
        std::string::npos);
  CHECK(CheckError("MATCH ()-[r]->() RETURN length(r)").find("'r' is a relationship") !=
        std::string::npos);
  CHECK(CheckError("MATCH p = ()-->() RETURN size(p)")
            .find("size() expects a string or a list, but 'p' is a path") != std::string::npos);
  CHECK(CheckError("MATCH ()-[r]->() RETURN labels(r)").find("labels() expects a node") !=
        std::string::npos);
  // A variable-length relationship is a list: size() takes it.
  RequireValid("MATCH ()-[rs*2]->() RETURN size(rs), length(rs[0..1])");
  RequireValid("MATCH p = ()-[r]->() RETURN type(r), length(p), size(nodes(p))");
}

TEST_CASE("a pattern is a predicate, never a value; a path has no properties", "[parser]") {
  CHECK(CheckError("MATCH (a) RETURN (a)-->()")
            .find("A pattern expression can only be used as a predicate") != std::string::npos);
  CHECK(
      CheckError("MATCH (a) WITH (a)-[:R]->() AS x RETURN x").find("only be used as a predicate") !=
      std::string::npos);
  CHECK(CheckError("MATCH (a) RETURN size((a)-->()) AS degree")
            .find("not as a value: '(a)-->()' at 1:23") != std::string::npos);
  CHECK(CheckError("MATCH (a) SET a.x = head((a)-->())").find("only be used as a predicate") !=
        std::string::npos);
  CHECK(CheckError("MATCH p = (a)-->() WHERE p.weight > 1 RETURN p")
            .find("a path has no properties, but 'p.weight' reads one") != std::string::npos);
  RequireValid("MATCH (a) WHERE (a)-->() AND NOT (a)<--() RETURN a");
  RequireValid("MATCH (a) RETURN exists((a)-->()) AS out, NOT (a)-->() AS leaf");
  RequireValid("MATCH (a) RETURN CASE WHEN (a)-->() THEN 1 ELSE 0 END AS x");
  RequireValid("MATCH (a) RETURN [b IN [a] WHERE (b)-->()] AS xs, any(b IN [a] WHERE (b)--())");
}

TEST_CASE("variables a pattern may take again", "[parser]") {
  // null may stand for a node that is not there.
  RequireValid("WITH null AS a OPTIONAL MATCH (a)-->(b) RETURN b");
  // A list of relationships may be walked again as a variable-length relationship.
  RequireValid("MATCH ()-[x]->()-[y]->() WITH [x, y] AS rs MATCH (a)-[rs*]->(b) RETURN a, b");
  RequireValid("MATCH ()-[rs*]->() MATCH ()-[rs*]->() RETURN rs");
  CHECK(CheckError("WITH [1] AS rs MATCH ()-[rs]->() RETURN 1").find("declared as a value") !=
        std::string::npos);
  CHECK(CheckError("MATCH ()-[rs*]->() MATCH (rs) RETURN 1").find("cannot be used as a node") !=
        std::string::npos);
}
