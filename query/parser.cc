#include "query/parser.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <unordered_map>
#include <utility>
#include <vector>

#include "query/lexer.h"
#include "query/query_error.h"

namespace parley::query {
namespace {

// Bounds both the parser's recursion and the depth of the expression trees it builds (a chain
// `1+1+...+1` is built by a loop, but its tree is as deep as it is long, and destroying or
// checking a tree recurses). Hostile input gets an error instead of a stack overflow.
constexpr int kMaxDepth = 200;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

// Words that cannot name a variable, because where a variable may stand they would start or
// end a clause or an expression. They may still be labels, types, property keys and map keys.
bool IsReservedWord(std::string_view w) {
  static constexpr std::string_view kReserved[] = {
      "ALL",    "AND",     "AS",     "ASC",        "ASCENDING", "BY",       "CASE",   "CONTAINS",
      "CREATE", "DELETE",  "DESC",   "DESCENDING", "DETACH",    "DISTINCT", "ELSE",   "END",
      "ENDS",   "EXPLAIN", "FALSE",  "IN",         "IS",        "LIMIT",    "MATCH",  "MERGE",
      "NOT",    "NULL",    "ON",     "OPTIONAL",   "OR",        "ORDER",    "REMOVE", "RETURN",
      "SET",    "SKIP",    "STARTS", "THEN",       "TRUE",      "UNION",    "UNWIND", "WHEN",
      "WHERE",  "WITH",    "XOR"};
  for (std::string_view r : kReserved) {
    if (EqualsIgnoreCase(w, r)) return true;
  }
  return false;
}

ExprPtr CloneExpr(const Expr& e) {
  auto c = std::make_unique<Expr>();
  c->kind = e.kind;
  c->pos = e.pos;
  c->op = e.op;
  c->value = e.value;
  c->name = e.name;
  for (const ExprPtr& o : e.operands) c->operands.push_back(o ? CloneExpr(*o) : nullptr);
  c->keys = e.keys;
  c->labels = e.labels;
  c->distinct = e.distinct;
  c->star = e.star;
  c->negated = e.negated;
  c->has_test = e.has_test;
  c->has_else = e.has_else;
  c->pattern = e.pattern;  // patterns are immutable once parsed, so sharing is safe
  c->quantifier = e.quantifier;
  c->element = e.element;
  c->subquery = e.subquery;  // as immutable as patterns
  c->text = e.text;
  return c;
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens)
      : text_(text), tokens_(std::move(tokens)) {
    // The matching closer of every bracket, found once so that telling a pattern from a
    // parenthesised expression is a constant-time look past the `)`.
    match_.assign(tokens_.size(), -1);
    std::vector<size_t> open;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.kind != TokenKind::kPunct) continue;
      if (t.text == "(" || t.text == "[" || t.text == "{") {
        open.push_back(i);
      } else if (t.text == ")" || t.text == "]" || t.text == "}") {
        if (!open.empty()) {
          match_[open.back()] = static_cast<int>(i);
          open.pop_back();
        }
      }
    }
  }

  Status ParseQuery(Query* query);

 private:
  // ---- tokens ----
  const Token& Peek(size_t k = 0) const { return tokens_[std::min(pos_ + k, tokens_.size() - 1)]; }
  const Token& Next() {
    const Token& t = tokens_[pos_];
    last_end_ = t.end;
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  static bool IsKeyword(const Token& t, std::string_view kw) {
    return t.kind == TokenKind::kWord && EqualsIgnoreCase(t.text, kw);
  }
  static bool IsPunct(const Token& t, std::string_view p) {
    return t.kind == TokenKind::kPunct && t.text == p;
  }
  bool AtKeyword(std::string_view kw, size_t k = 0) const { return IsKeyword(Peek(k), kw); }
  bool AtPunct(std::string_view p, size_t k = 0) const { return IsPunct(Peek(k), p); }
  bool AcceptKeyword(std::string_view kw) {
    if (!AtKeyword(kw)) return false;
    Next();
    return true;
  }
  bool AcceptPunct(std::string_view p) {
    if (!AtPunct(p)) return false;
    Next();
    return true;
  }
  Status ExpectKeyword(std::string_view kw) {
    if (AcceptKeyword(kw)) return Status::OK();
    return Unexpected(std::string(kw));
  }
  Status ExpectPunct(std::string_view p) {
    if (AcceptPunct(p)) return Status::OK();
    return Unexpected("'" + std::string(p) + "'");
  }

  // "Invalid input 'RETRUN': expected ..." at the current token.
  Status Unexpected(std::string_view expected) const {
    const Token& t = Peek();
    std::string message;
    if (t.kind == TokenKind::kEnd) {
      message = "Unexpected end of input";
    } else {
      std::string shown(text_.substr(t.pos.offset, t.end - t.pos.offset));
      if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
      message = "Invalid input '" + shown + "'";
    }
    message += ": expected ";
    message += expected;
    return QueryError(text_, t.pos, message);
  }
  Status ErrorAt(SourcePos pos, std::string_view message) const {
    return QueryError(text_, pos, message);
  }

  // The source text from `begin` to the end of the last token consumed.
  std::string TextFrom(int begin) const {
    return std::string(text_.substr(begin, std::max(0, last_end_ - begin)));
  }

  // ---- depth bookkeeping ----
  // One level of recursion, for as long as the guard lives.
  class DepthGuard {
   public:
    explicit DepthGuard(Parser* p) : p_(p) { ++p_->nesting_; }
    ~DepthGuard() { --p_->nesting_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser* p_;
  };
  Status CheckNesting() const {
    if (nesting_ > kMaxDepth) {
      return ErrorAt(Peek().pos, "Query is nested too deeply (more than " +
                                     std::to_string(kMaxDepth) + " levels)");
    }
    return Status::OK();
  }
  int DepthOf(const Expr* e) const {
    if (e == nullptr) return 0;
    auto it = depth_.find(e);
    return it == depth_.end() ? 1 : it->second;
  }
  int DepthOfPattern(const PatternPart& part) const {
    int d = 0;
    for (const NodePattern& n : part.nodes) d = std::max(d, DepthOf(n.properties.get()));
    for (const RelPattern& r : part.rels) d = std::max(d, DepthOf(r.properties.get()));
    return d;
  }
  // Records the depth of a finished node from its children, and refuses trees deeper than
  // kMaxDepth. Every expression node the parser builds goes through here.
  Status Seal(Expr* e) {
    int d = 0;
    for (const ExprPtr& o : e->operands) d = std::max(d, DepthOf(o.get()));
    if (e->pattern) d = std::max(d, DepthOfPattern(*e->pattern));
    depth_[e] = d + 1;
    if (d + 1 > kMaxDepth) {
      return ErrorAt(e->pos, "Expression is nested too deeply (more than " +
                                 std::to_string(kMaxDepth) + " levels)");
    }
    return Status::OK();
  }
  ExprPtr NewExpr(ExprKind kind, SourcePos pos) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->pos = pos;
    return e;
  }
  // `left op right`, spanning both.
  Status MakeBinary(Op op, ExprPtr left, ExprPtr right, ExprPtr* out) {
    auto e = NewExpr(ExprKind::kBinary, left->pos);
    e->op = op;
    int begin = left->pos.offset;
    e->operands.push_back(std::move(left));
    e->operands.push_back(std::move(right));
    e->text = TextFrom(begin);
    PARLEY_RETURN_IF_ERROR(Seal(e.get()));
    *out = std::move(e);
    return Status::OK();
  }

  // ---- clauses ----
  Status ParseSingleQuery(std::vector<Clause>* clauses);
  Status ParseClause(Clause* clause);
  Status ParseMatch(Clause* clause);
  Status ParseCreate(Clause* clause);
  Status ParseUnwind(Clause* clause);
  Status ParseWith(Clause* clause);
  Status ParseReturn(Clause* clause);
  Status ParseCall(Clause* clause);
  Status ParseYield(ProcedureCall* call);
  Status ParseSet(Clause* clause);
  Status ParseSetItem(SetItem* item);
  Status ParseRemove(Clause* clause);
  Status ParseRemoveItem(SetItem* item);
  Status ParseDelete(Clause* clause);
  Status ParseMerge(Clause* clause);
  Status ParseMergeAction(Clause* clause);
  Status ParseProjection(Projection* projection);
  Status ParseProjectionItem(ProjectionItem* item);
  Status ParseOrderBy(std::vector<SortItem>* items);

  // ---- patterns ----
  Status ParsePattern(Pattern* pattern);
  Status ParsePatternPart(PatternPart* part);
  Status ParsePatternElement(PatternPart* part);
  Status ParseShortestPath(PatternPart* part);
  Status ParseNodePattern(NodePattern* node);
  Status ParseRelationshipPattern(RelPattern* rel);
  Status ParseRelationshipDetail(RelPattern* rel);
  Status ParseRange(RelPattern* rel);
  Status ParseProperties(ExprPtr* out);
  bool AtRelationshipStart(size_t k) const;

  // ---- expressions, lowest precedence first ----
  Status ParseExpression(ExprPtr* out);
  Status ParseOr(ExprPtr* out);
  Status ParseXor(ExprPtr* out);
  Status ParseAnd(ExprPtr* out);
  Status ParseNot(ExprPtr* out);
  Status ParseComparison(ExprPtr* out);
  Status ParsePredicate(ExprPtr* out);
  Status ParseAddSub(ExprPtr* out);
  Status ParseMulDiv(ExprPtr* out);
  Status ParsePower(ExprPtr* out);
  Status ParseUnary(ExprPtr* out);
  Status ParsePostfix(ExprPtr* out);
  Status ParseAtom(ExprPtr* out);
  Status ParseNumber(bool negative, SourcePos pos, ExprPtr* out);
  Status ParseListOrComprehension(ExprPtr* out);
  Status ParseMapLiteral(ExprPtr* out);
  Status ParseCase(ExprPtr* out);
  Status ParseFunctionCall(ExprPtr* out);
  Status ParseParenthesized(ExprPtr* out);
  Status ParsePatternExpression(ExprPtr* out);
  Status ParseQuantifier(ExprPtr* out);
  Status ParseReduce(ExprPtr* out);
  Status ParseMapProjection(ExprPtr* out);
  Status ParseMapProjectionEntry(Expr* projection);
  Status ParseSubquery(ExprPtr* out);
  Status ParseSubqueryBody(Query* body);
  Status ParsePatternComprehension(ExprPtr* out);
  int DepthOfQuery(const Query& q) const;

  // ---- names ----
  bool AtName(size_t k = 0) const {
    const Token& t = Peek(k);
    return t.kind == TokenKind::kQuotedName || t.kind == TokenKind::kWord;
  }
  bool AtVariable(size_t k = 0) const {
    const Token& t = Peek(k);
    return t.kind == TokenKind::kQuotedName ||
           (t.kind == TokenKind::kWord && !IsReservedWord(t.text));
  }
  // A name where keywords are fine: labels, types, property and map keys.
  Status ParseSymbolicName(std::string_view what, std::string* out) {
    if (!AtName()) return Unexpected(what);
    *out = Next().text;
    return Status::OK();
  }
  Status ParseVariable(std::string* out) {
    if (!AtVariable()) return Unexpected("a variable name");
    *out = Next().text;
    return Status::OK();
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<int> match_;
  size_t pos_ = 0;
  int last_end_ = 0;
  int nesting_ = 0;
  std::unordered_map<const Expr*, int> depth_;
};

// Query := [EXPLAIN] SingleQuery (UNION [ALL] SingleQuery)* [';']
Status Parser::ParseQuery(Query* query) {
  *query = Query();
  if (AcceptKeyword("EXPLAIN")) query->explain = true;
  PARLEY_RETURN_IF_ERROR(ParseSingleQuery(&query->clauses));
  while (AtKeyword("UNION")) {
    Query part;
    part.union_pos = Next().pos;
    part.union_all = AcceptKeyword("ALL");
    PARLEY_RETURN_IF_ERROR(ParseSingleQuery(&part.clauses));
    query->unions.push_back(std::move(part));
  }
  AcceptPunct(";");
  if (Peek().kind != TokenKind::kEnd) return Unexpected("end of input");
  return Status::OK();
}

// SingleQuery := Clause+, up to UNION, ';', '}' (the end of a subquery) or the end.
Status Parser::ParseSingleQuery(std::vector<Clause>* clauses) {
  do {
    Clause clause;
    PARLEY_RETURN_IF_ERROR(ParseClause(&clause));
    clauses->push_back(std::move(clause));
  } while (Peek().kind != TokenKind::kEnd && !AtPunct(";") && !AtPunct("}") && !AtKeyword("UNION"));
  return Status::OK();
}

Status Parser::ParseClause(Clause* clause) {
  clause->pos = Peek().pos;
  if (AtKeyword("MATCH")) return ParseMatch(clause);
  if (AtKeyword("OPTIONAL")) {
    Next();
    if (!AtKeyword("MATCH")) return Unexpected("MATCH");
    clause->optional = true;
    return ParseMatch(clause);
  }
  if (AtKeyword("CREATE")) return ParseCreate(clause);
  if (AtKeyword("UNWIND")) return ParseUnwind(clause);
  if (AtKeyword("WITH")) return ParseWith(clause);
  if (AtKeyword("RETURN")) return ParseReturn(clause);
  if (AtKeyword("CALL") && !AtPunct("{", 1)) return ParseCall(clause);
  if (AtKeyword("SET")) return ParseSet(clause);
  if (AtKeyword("REMOVE")) return ParseRemove(clause);
  if (AtKeyword("DELETE") || AtKeyword("DETACH")) return ParseDelete(clause);
  if (AtKeyword("MERGE")) return ParseMerge(clause);
  static constexpr std::string_view kUnsupported[] = {"CALL", "FOREACH", "LOAD"};
  for (std::string_view kw : kUnsupported) {
    if (AtKeyword(kw)) {
      return ErrorAt(Peek().pos, "Unsupported clause '" + Peek().text +
                                     "': Parley supports MATCH, OPTIONAL MATCH, CREATE, MERGE, "
                                     "SET, REMOVE, DELETE, WITH, UNWIND, CALL and RETURN");
    }
  }
  return Unexpected(
      "MATCH, OPTIONAL MATCH, CREATE, MERGE, SET, REMOVE, DELETE, WITH, UNWIND, CALL or RETURN");
}

// MATCH pattern [WHERE expr]
Status Parser::ParseMatch(Clause* clause) {
  clause->kind = ClauseKind::kMatch;
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("MATCH"));
  PARLEY_RETURN_IF_ERROR(ParsePattern(&clause->pattern));
  if (AcceptKeyword("WHERE")) PARLEY_RETURN_IF_ERROR(ParseExpression(&clause->where));
  return Status::OK();
}

// CREATE pattern
Status Parser::ParseCreate(Clause* clause) {
  clause->kind = ClauseKind::kCreate;
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("CREATE"));
  return ParsePattern(&clause->pattern);
}

// UNWIND expr AS variable
Status Parser::ParseUnwind(Clause* clause) {
  clause->kind = ClauseKind::kUnwind;
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("UNWIND"));
  PARLEY_RETURN_IF_ERROR(ParseExpression(&clause->unwind_expr));
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("AS"));
  return ParseVariable(&clause->unwind_variable);
}

// WITH projection [WHERE expr]
Status Parser::ParseWith(Clause* clause) {
  clause->kind = ClauseKind::kWith;
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("WITH"));
  PARLEY_RETURN_IF_ERROR(ParseProjection(&clause->projection));
  if (AcceptKeyword("WHERE")) PARLEY_RETURN_IF_ERROR(ParseExpression(&clause->projection.where));
  return Status::OK();
}

// RETURN projection
Status Parser::ParseReturn(Clause* clause) {
  clause->kind = ClauseKind::kReturn;
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("RETURN"));
  return ParseProjection(&clause->projection);
}

// CALL name ('.' name)* ['(' [expr (',' expr)*] ')'] [YIELD ...]; without brackets the
// arguments are implicit (taken from the parameters of the same names).
Status Parser::ParseCall(Clause* clause) {
  clause->kind = ClauseKind::kCall;
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("CALL"));
  ProcedureCall& call = clause->call;
  call.name_pos = Peek().pos;
  PARLEY_RETURN_IF_ERROR(ParseSymbolicName("a procedure name", &call.name));
  while (AcceptPunct(".")) {
    std::string part;
    PARLEY_RETURN_IF_ERROR(ParseSymbolicName("a procedure name", &part));
    call.name += "." + part;
  }
  if (AcceptPunct("(")) {
    if (!AtPunct(")")) {
      do {
        ExprPtr arg;
        PARLEY_RETURN_IF_ERROR(ParseExpression(&arg));
        call.arguments.push_back(std::move(arg));
      } while (AcceptPunct(","));
    }
    PARLEY_RETURN_IF_ERROR(ExpectPunct(")"));
  } else {
    call.implicit_arguments = true;
  }
  if (AtKeyword("YIELD")) PARLEY_RETURN_IF_ERROR(ParseYield(&call));
  return Status::OK();
}

// YIELD ('*' | column [AS variable] (',' column [AS variable])* [WHERE expr])
Status Parser::ParseYield(ProcedureCall* call) {
  call->yield_pos = Peek().pos;
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("YIELD"));
  call->has_yield = true;
  if (AcceptPunct("*")) {
    call->yield_star = true;
    return Status::OK();
  }
  do {
    YieldItem item;
    item.pos = Peek().pos;
    bool quoted = Peek().kind == TokenKind::kQuotedName;
    PARLEY_RETURN_IF_ERROR(ParseSymbolicName("a procedure output name", &item.column));
    if (AcceptKeyword("AS")) {
      PARLEY_RETURN_IF_ERROR(ParseVariable(&item.variable));
    } else {
      if (IsReservedWord(item.column) && !quoted) {
        // `YIELD where` and the like: a keyword cannot become a variable without AS.
        return ErrorAt(item.pos, "Procedure output '" + item.column +
                                     "' is a reserved word: rename it with AS");
      }
      item.variable = item.column;
    }
    call->yields.push_back(std::move(item));
  } while (AcceptPunct(","));
  if (AcceptKeyword("WHERE")) PARLEY_RETURN_IF_ERROR(ParseExpression(&call->where));
  return Status::OK();
}

// SET item (',' item)*
Status Parser::ParseSet(Clause* clause) {
  clause->kind = ClauseKind::kSet;
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("SET"));
  do {
    clause->set_items.emplace_back();
    PARLEY_RETURN_IF_ERROR(ParseSetItem(&clause->set_items.back()));
  } while (AcceptPunct(","));
  return Status::OK();
}

// item := postfix '.' key '=' expr | variable ('=' | '+=') expr | variable (':' label)+
// The target is parsed as an expression: `n.key` (or `(n).key`, `n.a.b`) gives a property
// lookup whose last key is the one to set; a bare variable gives the other forms.
Status Parser::ParseSetItem(SetItem* item) {
  item->pos = Peek().pos;
  int begin = Peek().pos.offset;
  ExprPtr target;
  PARLEY_RETURN_IF_ERROR(ParsePostfix(&target));
  if (target->kind == ExprKind::kHasLabels && target->operands[0]->kind == ExprKind::kVariable) {
    item->kind = SetItem::Kind::kLabels;
    item->labels = target->labels;
    item->target = std::move(target->operands[0]);
  } else if (target->kind == ExprKind::kProperty) {
    item->kind = SetItem::Kind::kProperty;
    item->key = target->name;
    item->target = std::move(target->operands[0]);
    PARLEY_RETURN_IF_ERROR(ExpectPunct("="));
    PARLEY_RETURN_IF_ERROR(ParseExpression(&item->value));
  } else if (target->kind == ExprKind::kVariable) {
    item->target = std::move(target);
    if (AtPunct("+") && AtPunct("=", 1)) {
      Next();
      Next();
      item->kind = SetItem::Kind::kMerge;
    } else {
      PARLEY_RETURN_IF_ERROR(ExpectPunct("="));
      item->kind = SetItem::Kind::kReplace;
    }
    PARLEY_RETURN_IF_ERROR(ParseExpression(&item->value));
  } else {
    return ErrorAt(item->pos,
                   "SET expects a property (n.key = value), a variable (n = map, n += map) or "
                   "labels (n:Label)");
  }
  item->text = TextFrom(begin);
  return Status::OK();
}

// REMOVE item (',' item)*
Status Parser::ParseRemove(Clause* clause) {
  clause->kind = ClauseKind::kRemove;
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("REMOVE"));
  do {
    clause->set_items.emplace_back();
    PARLEY_RETURN_IF_ERROR(ParseRemoveItem(&clause->set_items.back()));
  } while (AcceptPunct(","));
  return Status::OK();
}

// item := postfix '.' key | variable (':' label)+
Status Parser::ParseRemoveItem(SetItem* item) {
  item->pos = Peek().pos;
  int begin = Peek().pos.offset;
  ExprPtr target;
  PARLEY_RETURN_IF_ERROR(ParsePostfix(&target));
  if (target->kind == ExprKind::kHasLabels && target->operands[0]->kind == ExprKind::kVariable) {
    item->kind = SetItem::Kind::kLabels;
    item->labels = target->labels;
    item->target = std::move(target->operands[0]);
  } else if (target->kind == ExprKind::kProperty) {
    item->kind = SetItem::Kind::kProperty;
    item->key = target->name;
    item->target = std::move(target->operands[0]);
  } else {
    return ErrorAt(item->pos, "REMOVE expects a property (n.key) or labels (n:Label)");
  }
  item->text = TextFrom(begin);
  return Status::OK();
}

// [DETACH] DELETE expr (',' expr)*
Status Parser::ParseDelete(Clause* clause) {
  clause->kind = ClauseKind::kDelete;
  if (AcceptKeyword("DETACH")) clause->detach = true;
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("DELETE"));
  do {
    clause->deletes.emplace_back();
    PARLEY_RETURN_IF_ERROR(ParseExpression(&clause->deletes.back()));
    const Expr& e = *clause->deletes.back();
    if (e.kind == ExprKind::kHasLabels) {
      return ErrorAt(e.pos,
                     "DELETE removes nodes, relationships and paths; to remove a label "
                     "use REMOVE n:Label");
    }
  } while (AcceptPunct(","));
  return Status::OK();
}

// MERGE patternPart (ON (CREATE | MATCH) SET item (',' item)*)*
Status Parser::ParseMerge(Clause* clause) {
  clause->kind = ClauseKind::kMerge;
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("MERGE"));
  clause->pattern.parts.emplace_back();
  PARLEY_RETURN_IF_ERROR(ParsePatternPart(&clause->pattern.parts.back()));
  while (AtKeyword("ON")) PARLEY_RETURN_IF_ERROR(ParseMergeAction(clause));
  return Status::OK();
}

// ON (CREATE | MATCH) SET item (',' item)*
Status Parser::ParseMergeAction(Clause* clause) {
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("ON"));
  std::vector<SetItem>* items;
  if (AcceptKeyword("CREATE")) {
    items = &clause->on_create;
  } else if (AcceptKeyword("MATCH")) {
    items = &clause->on_match;
  } else {
    return Unexpected("CREATE or MATCH");
  }
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("SET"));
  do {
    items->emplace_back();
    PARLEY_RETURN_IF_ERROR(ParseSetItem(&items->back()));
  } while (AcceptPunct(","));
  return Status::OK();
}

// Projection := [DISTINCT] ('*' [',' items] | items) [ORDER BY ...] [SKIP expr] [LIMIT expr]
Status Parser::ParseProjection(Projection* projection) {
  if (AcceptKeyword("DISTINCT")) projection->distinct = true;
  bool need_item = true;
  if (AcceptPunct("*")) {
    projection->star = true;
    need_item = AcceptPunct(",");
  }
  while (need_item) {
    ProjectionItem item;
    PARLEY_RETURN_IF_ERROR(ParseProjectionItem(&item));
    projection->items.push_back(std::move(item));
    need_item = AcceptPunct(",");
  }
  if (AtKeyword("ORDER")) {
    Next();
    PARLEY_RETURN_IF_ERROR(ExpectKeyword("BY"));
    PARLEY_RETURN_IF_ERROR(ParseOrderBy(&projection->order_by));
  }
  if (AcceptKeyword("SKIP")) PARLEY_RETURN_IF_ERROR(ParseExpression(&projection->skip));
  if (AcceptKeyword("LIMIT")) PARLEY_RETURN_IF_ERROR(ParseExpression(&projection->limit));
  return Status::OK();
}

// item := expr [AS name]; the column is the alias or the expression as written.
Status Parser::ParseProjectionItem(ProjectionItem* item) {
  PARLEY_RETURN_IF_ERROR(ParseExpression(&item->expr));
  if (AcceptKeyword("AS")) {
    PARLEY_RETURN_IF_ERROR(ParseVariable(&item->alias));
    item->column = item->alias;
  } else {
    item->column = item->expr->text;
  }
  return Status::OK();
}

// sort item := expr [ASC | ASCENDING | DESC | DESCENDING], comma-separated
Status Parser::ParseOrderBy(std::vector<SortItem>* items) {
  do {
    SortItem item;
    PARLEY_RETURN_IF_ERROR(ParseExpression(&item.expr));
    if (AcceptKeyword("DESC") || AcceptKeyword("DESCENDING")) {
      item.descending = true;
    } else if (AcceptKeyword("ASC") || AcceptKeyword("ASCENDING")) {
      item.descending = false;
    }
    items->push_back(std::move(item));
  } while (AcceptPunct(","));
  return Status::OK();
}

// Pattern := part (',' part)*
Status Parser::ParsePattern(Pattern* pattern) {
  do {
    PatternPart part;
    PARLEY_RETURN_IF_ERROR(ParsePatternPart(&part));
    pattern->parts.push_back(std::move(part));
  } while (AcceptPunct(","));
  return Status::OK();
}

// part := [variable '='] (element | shortest)
Status Parser::ParsePatternPart(PatternPart* part) {
  part->pos = Peek().pos;
  if (AtVariable() && AtPunct("=", 1)) {
    part->path_variable = Next().text;
    Next();  // '='
  }
  if ((AtKeyword("shortestPath") || AtKeyword("allShortestPaths")) && AtPunct("(", 1)) {
    return ParseShortestPath(part);
  }
  return ParsePatternElement(part);
}

// shortest := (shortestPath | allShortestPaths) '(' element ')'
Status Parser::ParseShortestPath(PatternPart* part) {
  part->selector_pos = Peek().pos;
  part->selector = AtKeyword("shortestPath") ? PathSelector::kShortest : PathSelector::kAllShortest;
  Next();
  PARLEY_RETURN_IF_ERROR(ExpectPunct("("));
  PARLEY_RETURN_IF_ERROR(ParsePatternElement(part));
  return ExpectPunct(")");
}

// element := node (relationship node)* | '(' element ')'
Status Parser::ParsePatternElement(PatternPart* part) {
  DepthGuard guard(this);
  PARLEY_RETURN_IF_ERROR(CheckNesting());
  if (AtPunct("(") && AtPunct("(", 1)) {
    Next();
    PARLEY_RETURN_IF_ERROR(ParsePatternElement(part));
    return ExpectPunct(")");
  }
  NodePattern first;
  PARLEY_RETURN_IF_ERROR(ParseNodePattern(&first));
  part->nodes.push_back(std::move(first));
  while (AtRelationshipStart(0)) {
    RelPattern rel;
    PARLEY_RETURN_IF_ERROR(ParseRelationshipPattern(&rel));
    part->rels.push_back(std::move(rel));
    NodePattern node;
    PARLEY_RETURN_IF_ERROR(ParseNodePattern(&node));
    part->nodes.push_back(std::move(node));
  }
  return Status::OK();
}

// node := '(' [variable] (':' label)* [properties] ')'
Status Parser::ParseNodePattern(NodePattern* node) {
  node->pos = Peek().pos;
  PARLEY_RETURN_IF_ERROR(ExpectPunct("("));
  if (AtVariable()) node->variable = Next().text;
  while (AcceptPunct(":")) {
    std::string label;
    PARLEY_RETURN_IF_ERROR(ParseSymbolicName("a label name", &label));
    node->labels.push_back(std::move(label));
  }
  if (AtPunct("{") || Peek().kind == TokenKind::kParameter) {
    PARLEY_RETURN_IF_ERROR(ParseProperties(&node->properties));
  }
  if (!AtPunct(")")) {
    if (node->variable.empty() && node->labels.empty() && !node->properties) {
      return Unexpected("a variable name, ':', '{', a parameter or ')'");
    }
    return Unexpected(node->properties ? "')'" : "':', '{', a parameter or ')'");
  }
  Next();
  return Status::OK();
}

// The start of a relationship at token k: '-' followed by '[', '-' or '>'... or '<' '-'.
bool Parser::AtRelationshipStart(size_t k) const {
  if (AtPunct("-", k)) return AtPunct("[", k + 1) || AtPunct("-", k + 1);
  return AtPunct("<", k) && AtPunct("-", k + 1) && (AtPunct("[", k + 2) || AtPunct("-", k + 2));
}

// relationship := ['<'] '-' ['[' detail ']'] '-' ['>']
Status Parser::ParseRelationshipPattern(RelPattern* rel) {
  rel->pos = Peek().pos;
  bool left = AcceptPunct("<");
  PARLEY_RETURN_IF_ERROR(ExpectPunct("-"));
  if (AcceptPunct("[")) {
    PARLEY_RETURN_IF_ERROR(ParseRelationshipDetail(rel));
    PARLEY_RETURN_IF_ERROR(ExpectPunct("]"));
  }
  PARLEY_RETURN_IF_ERROR(ExpectPunct("-"));
  bool right = AcceptPunct(">");
  // `<-->` is "either direction", like `--`.
  rel->direction = left == right ? RelDirection::kBoth
                   : left        ? RelDirection::kLeft
                                 : RelDirection::kRight;
  return Status::OK();
}

// detail := [variable] [':' type ('|' [':'] type)*] [range] [properties]
Status Parser::ParseRelationshipDetail(RelPattern* rel) {
  if (AtVariable()) rel->variable = Next().text;
  if (AcceptPunct(":")) {
    do {
      std::string type;
      PARLEY_RETURN_IF_ERROR(ParseSymbolicName("a relationship type", &type));
      // `[:T|T]` means T once: a repeated type would match each relationship twice.
      if (std::find(rel->types.begin(), rel->types.end(), type) == rel->types.end()) {
        rel->types.push_back(std::move(type));
      }
    } while (AcceptPunct("|") && (AcceptPunct(":"), true));
  }
  if (AtPunct("*")) PARLEY_RETURN_IF_ERROR(ParseRange(rel));
  if (AtPunct("{") || Peek().kind == TokenKind::kParameter) {
    PARLEY_RETURN_IF_ERROR(ParseProperties(&rel->properties));
  }
  if (!AtPunct("]")) return Unexpected("':', '*', '{', a parameter or ']'");
  return Status::OK();
}

// range := '*' [min] ['..' [max]]: `*` is 1.., `*2` exactly 2, `*..3` 1..3, `*2..` 2..
Status Parser::ParseRange(RelPattern* rel) {
  PARLEY_RETURN_IF_ERROR(ExpectPunct("*"));
  rel->variable_length = true;
  rel->min_hops = 1;
  rel->max_hops = -1;
  auto read_bound = [this](int64_t* out) -> Status {
    const Token& t = Peek();
    if (t.int_overflow || t.int_value > static_cast<uint64_t>(INT64_MAX)) {
      return ErrorAt(t.pos, "Relationship length bound is too large");
    }
    *out = static_cast<int64_t>(t.int_value);
    Next();
    return Status::OK();
  };
  bool has_min = false;
  if (Peek().kind == TokenKind::kInteger) {
    PARLEY_RETURN_IF_ERROR(read_bound(&rel->min_hops));
    has_min = true;
  }
  if (AcceptPunct("..")) {
    if (Peek().kind == TokenKind::kInteger) {
      PARLEY_RETURN_IF_ERROR(read_bound(&rel->max_hops));
    }
  } else if (has_min) {
    rel->max_hops = rel->min_hops;
  }
  return Status::OK();
}

// properties := map literal | parameter
Status Parser::ParseProperties(ExprPtr* out) {
  if (Peek().kind == TokenKind::kParameter) return ParseAtom(out);
  return ParseMapLiteral(out);
}

Status Parser::ParseExpression(ExprPtr* out) {
  DepthGuard guard(this);
  PARLEY_RETURN_IF_ERROR(CheckNesting());
  return ParseOr(out);
}

// or := xor (OR xor)*
Status Parser::ParseOr(ExprPtr* out) {
  PARLEY_RETURN_IF_ERROR(ParseXor(out));
  while (AcceptKeyword("OR")) {
    ExprPtr right;
    PARLEY_RETURN_IF_ERROR(ParseXor(&right));
    PARLEY_RETURN_IF_ERROR(MakeBinary(Op::kOr, std::move(*out), std::move(right), out));
  }
  return Status::OK();
}

// xor := and (XOR and)*
Status Parser::ParseXor(ExprPtr* out) {
  PARLEY_RETURN_IF_ERROR(ParseAnd(out));
  while (AcceptKeyword("XOR")) {
    ExprPtr right;
    PARLEY_RETURN_IF_ERROR(ParseAnd(&right));
    PARLEY_RETURN_IF_ERROR(MakeBinary(Op::kXor, std::move(*out), std::move(right), out));
  }
  return Status::OK();
}

// and := not (AND not)*
Status Parser::ParseAnd(ExprPtr* out) {
  PARLEY_RETURN_IF_ERROR(ParseNot(out));
  while (AcceptKeyword("AND")) {
    ExprPtr right;
    PARLEY_RETURN_IF_ERROR(ParseNot(&right));
    PARLEY_RETURN_IF_ERROR(MakeBinary(Op::kAnd, std::move(*out), std::move(right), out));
  }
  return Status::OK();
}

// not := NOT not | comparison
Status Parser::ParseNot(ExprPtr* out) {
  if (!AtKeyword("NOT")) return ParseComparison(out);
  DepthGuard guard(this);
  PARLEY_RETURN_IF_ERROR(CheckNesting());
  SourcePos pos = Next().pos;
  auto e = NewExpr(ExprKind::kUnary, pos);
  e->op = Op::kNot;
  ExprPtr operand;
  PARLEY_RETURN_IF_ERROR(ParseNot(&operand));
  e->operands.push_back(std::move(operand));
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

// comparison := predicate (compare-op predicate)*; a chain a < b < c means a < b AND b < c.
Status Parser::ParseComparison(ExprPtr* out) {
  ExprPtr left;
  PARLEY_RETURN_IF_ERROR(ParsePredicate(&left));
  ExprPtr chain;  // the conjunction built so far
  for (;;) {
    static constexpr std::pair<std::string_view, Op> kComparisons[] = {
        {"=", Op::kEq}, {"<>", Op::kNe}, {"<", Op::kLt},
        {">", Op::kGt}, {"<=", Op::kLe}, {">=", Op::kGe}};
    Op op = Op::kNone;
    for (const auto& [symbol, candidate] : kComparisons) {
      if (AtPunct(symbol)) op = candidate;
    }
    if (op == Op::kNone) break;
    Next();
    ExprPtr right;
    PARLEY_RETURN_IF_ERROR(ParsePredicate(&right));
    ExprPtr next_left = CloneExpr(*right);
    depth_[next_left.get()] = DepthOf(right.get());
    ExprPtr cmp;
    PARLEY_RETURN_IF_ERROR(MakeBinary(op, std::move(left), std::move(right), &cmp));
    if (chain) {
      PARLEY_RETURN_IF_ERROR(MakeBinary(Op::kAnd, std::move(chain), std::move(cmp), &chain));
    } else {
      chain = std::move(cmp);
    }
    left = std::move(next_left);
  }
  *out = chain ? std::move(chain) : std::move(left);
  return Status::OK();
}

// predicate := add-sub ( IN add-sub | STARTS WITH add-sub | ENDS WITH add-sub
//                      | CONTAINS add-sub | '=~' add-sub | IS [NOT] NULL )*
Status Parser::ParsePredicate(ExprPtr* out) {
  PARLEY_RETURN_IF_ERROR(ParseAddSub(out));
  for (;;) {
    Op op = Op::kNone;
    if (AtKeyword("IN")) {
      op = Op::kIn;
      Next();
    } else if (AtKeyword("STARTS") && AtKeyword("WITH", 1)) {
      op = Op::kStartsWith;
      Next();
      Next();
    } else if (AtKeyword("ENDS") && AtKeyword("WITH", 1)) {
      op = Op::kEndsWith;
      Next();
      Next();
    } else if (AtKeyword("CONTAINS")) {
      op = Op::kContains;
      Next();
    } else if (AtPunct("=~")) {
      op = Op::kRegexMatch;
      Next();
    } else if (AtKeyword("IS")) {
      Next();
      bool negated = AcceptKeyword("NOT");
      PARLEY_RETURN_IF_ERROR(ExpectKeyword("NULL"));
      auto e = NewExpr(ExprKind::kIsNull, (*out)->pos);
      e->negated = negated;
      e->operands.push_back(std::move(*out));
      e->text = TextFrom(e->pos.offset);
      PARLEY_RETURN_IF_ERROR(Seal(e.get()));
      *out = std::move(e);
      continue;
    } else {
      return Status::OK();
    }
    ExprPtr right;
    PARLEY_RETURN_IF_ERROR(ParseAddSub(&right));
    PARLEY_RETURN_IF_ERROR(MakeBinary(op, std::move(*out), std::move(right), out));
  }
}

// add-sub := mul-div (('+' | '-') mul-div)*
Status Parser::ParseAddSub(ExprPtr* out) {
  PARLEY_RETURN_IF_ERROR(ParseMulDiv(out));
  for (;;) {
    Op op = AtPunct("+") ? Op::kAdd : AtPunct("-") ? Op::kSub : Op::kNone;
    if (op == Op::kNone) return Status::OK();
    Next();
    ExprPtr right;
    PARLEY_RETURN_IF_ERROR(ParseMulDiv(&right));
    PARLEY_RETURN_IF_ERROR(MakeBinary(op, std::move(*out), std::move(right), out));
  }
}

// mul-div := power (('*' | '/' | '%') power)*
Status Parser::ParseMulDiv(ExprPtr* out) {
  PARLEY_RETURN_IF_ERROR(ParsePower(out));
  for (;;) {
    Op op = AtPunct("*") ? Op::kMul : AtPunct("/") ? Op::kDiv : AtPunct("%") ? Op::kMod : Op::kNone;
    if (op == Op::kNone) return Status::OK();
    Next();
    ExprPtr right;
    PARLEY_RETURN_IF_ERROR(ParsePower(&right));
    PARLEY_RETURN_IF_ERROR(MakeBinary(op, std::move(*out), std::move(right), out));
  }
}

// power := unary ('^' unary)*, left-associative as in openCypher: 2^3^2 is (2^3)^2.
Status Parser::ParsePower(ExprPtr* out) {
  PARLEY_RETURN_IF_ERROR(ParseUnary(out));
  while (AcceptPunct("^")) {
    ExprPtr right;
    PARLEY_RETURN_IF_ERROR(ParseUnary(&right));
    PARLEY_RETURN_IF_ERROR(MakeBinary(Op::kPow, std::move(*out), std::move(right), out));
  }
  return Status::OK();
}

// unary := ('+' | '-') unary | postfix. A '-' right before a number literal is part of the
// literal, so that -9223372036854775808 (whose magnitude is not an int64) is valid.
Status Parser::ParseUnary(ExprPtr* out) {
  bool minus = AtPunct("-");
  if (!minus && !AtPunct("+")) return ParsePostfix(out);
  DepthGuard guard(this);
  PARLEY_RETURN_IF_ERROR(CheckNesting());
  SourcePos pos = Next().pos;
  const Token& t = Peek();
  bool postfix_follows = AtPunct(".", 1) || AtPunct("[", 1) || AtPunct(":", 1);
  if (minus && (t.kind == TokenKind::kInteger || t.kind == TokenKind::kFloat) && !postfix_follows) {
    return ParseNumber(/*negative=*/true, pos, out);
  }
  auto e = NewExpr(ExprKind::kUnary, pos);
  e->op = minus ? Op::kNegate : Op::kPlus;
  ExprPtr operand;
  PARLEY_RETURN_IF_ERROR(ParseUnary(&operand));
  e->operands.push_back(std::move(operand));
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

// postfix := atom ( '.' key | '[' expr ']' | '[' [expr] '..' [expr] ']' | (':' label)+ )*
Status Parser::ParsePostfix(ExprPtr* out) {
  PARLEY_RETURN_IF_ERROR(ParseAtom(out));
  for (;;) {
    SourcePos pos = (*out)->pos;
    ExprPtr e;
    if (AcceptPunct(".")) {
      e = NewExpr(ExprKind::kProperty, pos);
      PARLEY_RETURN_IF_ERROR(ParseSymbolicName("a property key", &e->name));
      e->operands.push_back(std::move(*out));
    } else if (AtPunct("[")) {
      Next();
      ExprPtr lower, upper;
      if (!AtPunct("..")) PARLEY_RETURN_IF_ERROR(ParseExpression(&lower));
      if (AcceptPunct("..")) {
        e = NewExpr(ExprKind::kSlice, pos);
        if (!AtPunct("]")) PARLEY_RETURN_IF_ERROR(ParseExpression(&upper));
        e->operands.push_back(std::move(*out));
        e->operands.push_back(std::move(lower));
        e->operands.push_back(std::move(upper));
      } else {
        e = NewExpr(ExprKind::kSubscript, pos);
        e->operands.push_back(std::move(*out));
        e->operands.push_back(std::move(lower));
      }
      PARLEY_RETURN_IF_ERROR(ExpectPunct("]"));
    } else if (AtPunct(":")) {
      e = NewExpr(ExprKind::kHasLabels, pos);
      while (AcceptPunct(":")) {
        std::string label;
        PARLEY_RETURN_IF_ERROR(ParseSymbolicName("a label name", &label));
        e->labels.push_back(std::move(label));
      }
      e->operands.push_back(std::move(*out));
    } else {
      return Status::OK();
    }
    e->text = TextFrom(pos.offset);
    PARLEY_RETURN_IF_ERROR(Seal(e.get()));
    *out = std::move(e);
  }
}

// atom := literal | parameter | list | list comprehension | map | CASE | function call
//       | pattern | '(' expr ')' | variable
Status Parser::ParseAtom(ExprPtr* out) {
  const Token& t = Peek();
  SourcePos pos = t.pos;
  switch (t.kind) {
    case TokenKind::kInteger:
    case TokenKind::kFloat:
      return ParseNumber(/*negative=*/false, pos, out);
    case TokenKind::kString: {
      auto e = NewExpr(ExprKind::kLiteral, pos);
      e->value = Value(Next().text);
      e->text = TextFrom(pos.offset);
      PARLEY_RETURN_IF_ERROR(Seal(e.get()));
      *out = std::move(e);
      return Status::OK();
    }
    case TokenKind::kParameter: {
      auto e = NewExpr(ExprKind::kParameter, pos);
      e->name = Next().text;
      e->text = TextFrom(pos.offset);
      PARLEY_RETURN_IF_ERROR(Seal(e.get()));
      *out = std::move(e);
      return Status::OK();
    }
    case TokenKind::kEnd:
      return Unexpected("an expression");
    default:
      break;
  }
  if (AtPunct("[")) return ParseListOrComprehension(out);
  if (AtPunct("{")) return ParseMapLiteral(out);
  if (AtPunct("(")) {
    // A pattern when the bracket is followed by a relationship: `(a)-->()`, `(a)<-[:T]-(b)`.
    int close = match_[pos_];
    if (close >= 0 && AtRelationshipStart(static_cast<size_t>(close) + 1 - pos_)) {
      return ParsePatternExpression(out);
    }
    return ParseParenthesized(out);
  }
  if (t.kind == TokenKind::kWord) {
    bool is_true = IsKeyword(t, "TRUE"), is_false = IsKeyword(t, "FALSE");
    if (is_true || is_false || IsKeyword(t, "NULL")) {
      Next();
      auto e = NewExpr(ExprKind::kLiteral, pos);
      if (is_true || is_false) e->value = Value(is_true);
      e->text = TextFrom(pos.offset);
      PARLEY_RETURN_IF_ERROR(Seal(e.get()));
      *out = std::move(e);
      return Status::OK();
    }
    if (IsKeyword(t, "CASE")) return ParseCase(out);
  }
  if (t.kind == TokenKind::kWord && AtPunct("(", 1)) {
    static constexpr std::string_view kQuantifiers[] = {"ANY", "ALL", "NONE", "SINGLE"};
    for (std::string_view q : kQuantifiers) {
      if (IsKeyword(t, q) && AtVariable(2) && AtKeyword("IN", 3)) return ParseQuantifier(out);
    }
    if (IsKeyword(t, "REDUCE") && AtVariable(2) && AtPunct("=", 3)) return ParseReduce(out);
  }
  if ((IsKeyword(t, "EXISTS") || IsKeyword(t, "COUNT")) && AtPunct("{", 1)) {
    return ParseSubquery(out);
  }
  if (AtVariable() && AtPunct("{", 1)) return ParseMapProjection(out);
  if (AtName()) {
    // A function name may be namespaced (a.b.c): look past name ('.' name)* for a '('.
    size_t k = 1;
    while (AtPunct(".", k) && AtName(k + 1)) k += 2;
    if (AtPunct("(", k)) return ParseFunctionCall(out);
  }
  if (AtVariable()) {
    auto e = NewExpr(ExprKind::kVariable, pos);
    e->name = Next().text;
    e->text = TextFrom(pos.offset);
    PARLEY_RETURN_IF_ERROR(Seal(e.get()));
    *out = std::move(e);
    return Status::OK();
  }
  return Unexpected("an expression");
}

// A number literal, negated when a '-' came right before it. Integers must fit int64.
Status Parser::ParseNumber(bool negative, SourcePos pos, ExprPtr* out) {
  const Token& t = Next();
  auto e = NewExpr(ExprKind::kLiteral, pos);
  if (t.kind == TokenKind::kFloat) {
    e->value = Value(negative ? -t.float_value : t.float_value);
  } else {
    constexpr uint64_t kMinMagnitude = uint64_t{1} << 63;  // |INT64_MIN|
    if (t.int_overflow || t.int_value > (negative ? kMinMagnitude : kMinMagnitude - 1)) {
      return ErrorAt(t.pos, "Integer literal is too large");
    }
    int64_t v = t.int_value == kMinMagnitude ? INT64_MIN : static_cast<int64_t>(t.int_value);
    if (negative && v != INT64_MIN) v = -v;
    e->value = Value(v);
  }
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

// list := '[' [expr (',' expr)*] ']'
// comprehension := '[' variable IN expr [WHERE expr] ['|' expr] ']'
Status Parser::ParseListOrComprehension(ExprPtr* out) {
  // `[(a)-->(b) | ...]` and `[p = (a)-->(b) | ...]` are pattern comprehensions.
  size_t paren = AtVariable(1) && AtPunct("=", 2) ? 3 : 1;
  if (AtPunct("(", paren)) {
    int close = match_[pos_ + paren];
    if (close >= 0 && AtRelationshipStart(static_cast<size_t>(close) + 1 - pos_)) {
      return ParsePatternComprehension(out);
    }
  }
  SourcePos pos = Next().pos;  // '['
  ExprPtr e;
  if (AtVariable() && AtKeyword("IN", 1)) {
    e = NewExpr(ExprKind::kListComprehension, pos);
    e->name = Next().text;
    Next();  // IN
    ExprPtr list, where, projection;
    PARLEY_RETURN_IF_ERROR(ParseExpression(&list));
    if (AcceptKeyword("WHERE")) PARLEY_RETURN_IF_ERROR(ParseExpression(&where));
    if (AcceptPunct("|")) PARLEY_RETURN_IF_ERROR(ParseExpression(&projection));
    e->operands.push_back(std::move(list));
    e->operands.push_back(std::move(where));
    e->operands.push_back(std::move(projection));
  } else {
    e = NewExpr(ExprKind::kList, pos);
    if (!AtPunct("]")) {
      do {
        ExprPtr item;
        PARLEY_RETURN_IF_ERROR(ParseExpression(&item));
        e->operands.push_back(std::move(item));
      } while (AcceptPunct(","));
    }
  }
  PARLEY_RETURN_IF_ERROR(ExpectPunct("]"));
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

// map := '{' [key ':' expr (',' key ':' expr)*] '}'; keys may be keywords or `quoted`.
Status Parser::ParseMapLiteral(ExprPtr* out) {
  SourcePos pos = Peek().pos;
  PARLEY_RETURN_IF_ERROR(ExpectPunct("{"));
  auto e = NewExpr(ExprKind::kMap, pos);
  if (!AtPunct("}")) {
    do {
      std::string key;
      PARLEY_RETURN_IF_ERROR(ParseSymbolicName("a property key", &key));
      PARLEY_RETURN_IF_ERROR(ExpectPunct(":"));
      ExprPtr value;
      PARLEY_RETURN_IF_ERROR(ParseExpression(&value));
      e->keys.push_back(std::move(key));
      e->operands.push_back(std::move(value));
    } while (AcceptPunct(","));
  }
  PARLEY_RETURN_IF_ERROR(ExpectPunct("}"));
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

// case := CASE [expr] (WHEN expr THEN expr)+ [ELSE expr] END
Status Parser::ParseCase(ExprPtr* out) {
  SourcePos pos = Next().pos;  // CASE
  auto e = NewExpr(ExprKind::kCase, pos);
  if (!AtKeyword("WHEN")) {
    ExprPtr test;
    PARLEY_RETURN_IF_ERROR(ParseExpression(&test));
    e->operands.push_back(std::move(test));
    e->has_test = true;
  }
  if (!AtKeyword("WHEN")) return Unexpected("WHEN");
  while (AcceptKeyword("WHEN")) {
    ExprPtr when, then;
    PARLEY_RETURN_IF_ERROR(ParseExpression(&when));
    PARLEY_RETURN_IF_ERROR(ExpectKeyword("THEN"));
    PARLEY_RETURN_IF_ERROR(ParseExpression(&then));
    e->operands.push_back(std::move(when));
    e->operands.push_back(std::move(then));
  }
  if (AcceptKeyword("ELSE")) {
    ExprPtr otherwise;
    PARLEY_RETURN_IF_ERROR(ParseExpression(&otherwise));
    e->operands.push_back(std::move(otherwise));
    e->has_else = true;
  }
  if (!AtKeyword("END")) return Unexpected(e->has_else ? "END" : "WHEN, ELSE or END");
  Next();
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

// call := name ('.' name)* '(' [DISTINCT] [expr (',' expr)*] ')' | name '(' '*' ')'
Status Parser::ParseFunctionCall(ExprPtr* out) {
  SourcePos pos = Peek().pos;
  auto e = NewExpr(ExprKind::kFunction, pos);
  e->name = Next().text;
  while (AcceptPunct(".")) e->name += "." + Next().text;
  PARLEY_RETURN_IF_ERROR(ExpectPunct("("));
  if (AtPunct("*") && AtPunct(")", 1)) {
    Next();
    e->star = true;
  } else {
    if (AcceptKeyword("DISTINCT")) e->distinct = true;
    if (!AtPunct(")")) {
      do {
        ExprPtr arg;
        PARLEY_RETURN_IF_ERROR(ParseExpression(&arg));
        e->operands.push_back(std::move(arg));
      } while (AcceptPunct(","));
    }
  }
  PARLEY_RETURN_IF_ERROR(ExpectPunct(")"));
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

// '(' expr ')': the brackets only group, so the result is the inner expression itself, but
// with the '(' as its position and the brackets in its text, so that a column or an enclosing
// expression such as `(a + b) * c` reads as written.
Status Parser::ParseParenthesized(ExprPtr* out) {
  SourcePos pos = Next().pos;  // '('
  PARLEY_RETURN_IF_ERROR(ParseExpression(out));
  PARLEY_RETURN_IF_ERROR(ExpectPunct(")"));
  (*out)->text = TextFrom(pos.offset);
  (*out)->pos = pos;
  return Status::OK();
}

// A pattern used as a predicate: (a)-[:T]->(b) in WHERE or RETURN.
Status Parser::ParsePatternExpression(ExprPtr* out) {
  SourcePos pos = Peek().pos;
  auto part = std::make_shared<PatternPart>();
  part->pos = pos;
  PARLEY_RETURN_IF_ERROR(ParsePatternElement(part.get()));
  auto e = NewExpr(ExprKind::kPattern, pos);
  e->pattern = std::move(part);
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

// quantifier := (ANY | ALL | NONE | SINGLE) '(' variable IN expr [WHERE expr] ')'
Status Parser::ParseQuantifier(ExprPtr* out) {
  SourcePos pos = Peek().pos;
  auto e = NewExpr(ExprKind::kQuantifier, pos);
  const Token& word = Next();
  e->quantifier = IsKeyword(word, "ANY")    ? Quantifier::kAny
                  : IsKeyword(word, "ALL")  ? Quantifier::kAll
                  : IsKeyword(word, "NONE") ? Quantifier::kNone
                                            : Quantifier::kSingle;
  Next();  // '('
  e->name = Next().text;
  Next();  // IN
  ExprPtr list, where;
  PARLEY_RETURN_IF_ERROR(ParseExpression(&list));
  if (AcceptKeyword("WHERE")) PARLEY_RETURN_IF_ERROR(ParseExpression(&where));
  PARLEY_RETURN_IF_ERROR(ExpectPunct(")"));
  e->operands.push_back(std::move(list));
  e->operands.push_back(std::move(where));
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

// reduce := REDUCE '(' variable '=' expr ',' variable IN expr '|' expr ')'
Status Parser::ParseReduce(ExprPtr* out) {
  SourcePos pos = Peek().pos;
  auto e = NewExpr(ExprKind::kReduce, pos);
  Next();  // REDUCE
  Next();  // '('
  e->name = Next().text;
  Next();  // '='
  ExprPtr init, list, step;
  PARLEY_RETURN_IF_ERROR(ParseExpression(&init));
  PARLEY_RETURN_IF_ERROR(ExpectPunct(","));
  PARLEY_RETURN_IF_ERROR(ParseVariable(&e->element));
  PARLEY_RETURN_IF_ERROR(ExpectKeyword("IN"));
  PARLEY_RETURN_IF_ERROR(ParseExpression(&list));
  PARLEY_RETURN_IF_ERROR(ExpectPunct("|"));
  PARLEY_RETURN_IF_ERROR(ParseExpression(&step));
  PARLEY_RETURN_IF_ERROR(ExpectPunct(")"));
  e->operands.push_back(std::move(init));
  e->operands.push_back(std::move(list));
  e->operands.push_back(std::move(step));
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

// map projection := variable '{' [entry (',' entry)*] '}'
Status Parser::ParseMapProjection(ExprPtr* out) {
  SourcePos pos = Peek().pos;
  auto base = NewExpr(ExprKind::kVariable, pos);
  base->name = Next().text;
  base->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(base.get()));
  auto e = NewExpr(ExprKind::kMapProjection, pos);
  e->operands.push_back(std::move(base));
  Next();  // '{'
  if (!AtPunct("}")) {
    do {
      PARLEY_RETURN_IF_ERROR(ParseMapProjectionEntry(e.get()));
    } while (AcceptPunct(","));
  }
  PARLEY_RETURN_IF_ERROR(ExpectPunct("}"));
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

// entry := '.' key (that property of the base) | '.' '*' (all its properties)
//        | key ':' expr | variable (keyed by its name)
Status Parser::ParseMapProjectionEntry(Expr* projection) {
  const Expr& base = *projection->operands[0];
  SourcePos pos = Peek().pos;
  if (AcceptPunct(".")) {
    if (AcceptPunct("*")) {
      projection->keys.emplace_back();
      projection->operands.push_back(nullptr);
      return Status::OK();
    }
    auto e = NewExpr(ExprKind::kProperty, pos);
    PARLEY_RETURN_IF_ERROR(ParseSymbolicName("a property key or '*'", &e->name));
    e->operands.push_back(CloneExpr(base));
    e->text = base.text + TextFrom(pos.offset);
    PARLEY_RETURN_IF_ERROR(Seal(e.get()));
    projection->keys.push_back(e->name);
    projection->operands.push_back(std::move(e));
    return Status::OK();
  }
  if (AtName() && AtPunct(":", 1)) {
    projection->keys.push_back(Next().text);
    Next();  // ':'
    ExprPtr value;
    PARLEY_RETURN_IF_ERROR(ParseExpression(&value));
    projection->operands.push_back(std::move(value));
    return Status::OK();
  }
  if (!AtVariable()) return Unexpected("'.', a key or a variable in a map projection");
  auto e = NewExpr(ExprKind::kVariable, pos);
  e->name = Next().text;
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  projection->keys.push_back(e->name);
  projection->operands.push_back(std::move(e));
  return Status::OK();
}

// subquery := (EXISTS | COUNT) '{' body '}'
Status Parser::ParseSubquery(ExprPtr* out) {
  DepthGuard guard(this);
  PARLEY_RETURN_IF_ERROR(CheckNesting());
  SourcePos pos = Peek().pos;
  auto e = NewExpr(IsKeyword(Next(), "EXISTS") ? ExprKind::kExists : ExprKind::kCountSubquery, pos);
  Next();  // '{'
  e->subquery = std::make_shared<Query>();
  PARLEY_RETURN_IF_ERROR(ParseSubqueryBody(e->subquery.get()));
  PARLEY_RETURN_IF_ERROR(ExpectPunct("}"));
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  // The body's expressions hang below this one: count them in its depth.
  int depth = DepthOfQuery(*e->subquery) + 1;
  depth_[e.get()] = depth;
  if (depth > kMaxDepth) {
    return ErrorAt(pos, "Expression is nested too deeply (more than " + std::to_string(kMaxDepth) +
                            " levels)");
  }
  *out = std::move(e);
  return Status::OK();
}

// body := Clause+ (a query whose clauses see the enclosing row) | pattern [WHERE expr]
Status Parser::ParseSubqueryBody(Query* body) {
  static constexpr std::string_view kClauseWords[] = {"MATCH",  "OPTIONAL", "WITH",   "UNWIND",
                                                      "RETURN", "CREATE",   "MERGE",  "SET",
                                                      "DELETE", "DETACH",   "REMOVE", "CALL"};
  for (std::string_view kw : kClauseWords) {
    if (AtKeyword(kw)) return ParseSingleQuery(&body->clauses);
  }
  Clause match;
  match.kind = ClauseKind::kMatch;
  match.pos = Peek().pos;
  PARLEY_RETURN_IF_ERROR(ParsePattern(&match.pattern));
  if (AcceptKeyword("WHERE")) PARLEY_RETURN_IF_ERROR(ParseExpression(&match.where));
  body->clauses.push_back(std::move(match));
  return Status::OK();
}

// The depth of the deepest expression a query holds.
int Parser::DepthOfQuery(const Query& q) const {
  int d = 0;
  for (const Clause& c : q.clauses) {
    for (const PatternPart& part : c.pattern.parts) d = std::max(d, DepthOfPattern(part));
    d = std::max({d, DepthOf(c.where.get()), DepthOf(c.unwind_expr.get())});
    const Projection& p = c.projection;
    for (const ProjectionItem& item : p.items) d = std::max(d, DepthOf(item.expr.get()));
    for (const SortItem& item : p.order_by) d = std::max(d, DepthOf(item.expr.get()));
    d = std::max({d, DepthOf(p.where.get()), DepthOf(p.skip.get()), DepthOf(p.limit.get())});
  }
  return d;
}

// pattern comprehension := '[' [variable '='] element [WHERE expr] '|' expr ']'
Status Parser::ParsePatternComprehension(ExprPtr* out) {
  SourcePos pos = Next().pos;  // '['
  auto part = std::make_shared<PatternPart>();
  PARLEY_RETURN_IF_ERROR(ParsePatternPart(part.get()));
  auto e = NewExpr(ExprKind::kPatternComprehension, pos);
  e->pattern = std::move(part);
  ExprPtr where, projection;
  if (AcceptKeyword("WHERE")) PARLEY_RETURN_IF_ERROR(ParseExpression(&where));
  PARLEY_RETURN_IF_ERROR(ExpectPunct("|"));
  PARLEY_RETURN_IF_ERROR(ParseExpression(&projection));
  PARLEY_RETURN_IF_ERROR(ExpectPunct("]"));
  e->operands.push_back(std::move(where));
  e->operands.push_back(std::move(projection));
  e->text = TextFrom(pos.offset);
  PARLEY_RETURN_IF_ERROR(Seal(e.get()));
  *out = std::move(e);
  return Status::OK();
}

}  // namespace

Status ParseQuery(std::string_view text, Query* query) {
  *query = Query();
  std::vector<Token> tokens;
  PARLEY_RETURN_IF_ERROR(Tokenize(text, &tokens));
  Parser parser(text, std::move(tokens));
  Query parsed;
  Status s = parser.ParseQuery(&parsed);
  if (s.ok()) *query = std::move(parsed);
  return s;
}

}  // namespace parley::query
