// What the query tests share: RowCapture, a result writer that keeps a query's columns and its
// rows in Cypher's printed form ("v1 | v2 | ..."), and QueryGraph, a scratch store to run
// queries on, with JsonQueryGraph for tests that give their parameters as JSON text.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "query/engine.h"
#include "query/value_ops.h"
#include "test_util.h"

namespace parley::test {

// Rows printed as "v1 | v2 | ...", and the columns.
class RowCapture : public ResultWriter {
 public:
  void Begin(const std::vector<std::string>& names) override { columns = names; }
  void Row(const std::vector<Value>& row) override {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + query::CypherText(row[i]);
    rows.push_back(line);
  }
  void End() override {}
  std::vector<std::string> columns, rows;
};

// What came of one query.
struct QueryResult {
  Status status;
  std::vector<std::string> columns;
  std::vector<std::string> rows;
};

// A scratch store and a way to run queries on it. Try asserts nothing; each of the others adds
// one assertion (the query succeeded, or failed for Error), so that a test's count of
// assertions does not depend on which helper it calls.
class QueryGraph {
 public:
  QueryGraph() : store_(OpenTestStore(dir_ / "db")) {}

  QueryResult Try(const std::string& text, const ValueMap& params = {},
                  const query::QueryLimits& limits = {}) {
    RowCapture c;
    QueryResult r;
    r.status = query::RunQuery(store_.get(), text, params, &c, limits);
    r.columns = c.columns;
    r.rows = c.rows;
    return r;
  }
  // The rows of a query that must succeed.
  std::vector<std::string> Run(const std::string& text, const ValueMap& params = {}) {
    QueryResult r = Try(text, params);
    INFO(text);
    INFO(r.status.message());
    REQUIRE(r.status.ok());
    return r.rows;
  }
  std::vector<std::string> Sorted(const std::string& text, const ValueMap& params = {}) {
    std::vector<std::string> rows = Run(text, params);
    std::sort(rows.begin(), rows.end());
    return rows;
  }
  // The columns of a query that must succeed.
  std::vector<std::string> Columns(const std::string& text) {
    QueryResult r = Try(text);
    REQUIRE(r.status.ok());
    return r.columns;
  }
  // The error message of a query that must fail.
  std::string Error(const std::string& text, const ValueMap& params = {},
                    const query::QueryLimits& limits = {}) {
    QueryResult r = Try(text, params, limits);
    INFO(text);
    REQUIRE(!r.status.ok());
    return r.status.message();
  }
  // The plan EXPLAIN prints for a query, one line each.
  std::string Plan(const std::string& text) {
    std::string out;
    for (const auto& line : Run("EXPLAIN " + text)) out += line + "\n";
    return out;
  }
  GraphStore* store() { return store_.get(); }

 private:
  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
};

// Parameters given as JSON text, as --params takes them; the text must parse.
inline ValueMap JsonParams(const std::string& json) {
  ValueMap params;
  Status s = query::ParseParams(json, &params);
  INFO(s.message());
  REQUIRE(s.ok());
  return params;
}

// A QueryGraph whose queries take their parameters as JSON text, "{}" when none are given. The
// text is parsed on every call, an assertion of its own before the query's.
class JsonQueryGraph : public QueryGraph {
 public:
  QueryResult Try(const std::string& text, const std::string& params = "{}",
                  const query::QueryLimits& limits = {}) {
    return QueryGraph::Try(text, JsonParams(params), limits);
  }
  std::vector<std::string> Run(const std::string& text, const std::string& params = "{}") {
    return QueryGraph::Run(text, JsonParams(params));
  }
  std::vector<std::string> Sorted(const std::string& text, const std::string& params = "{}") {
    return QueryGraph::Sorted(text, JsonParams(params));
  }
  std::string Error(const std::string& text, const std::string& params = "{}") {
    return QueryGraph::Error(text, JsonParams(params));
  }
};

}  // namespace parley::test
