// The procedures `CALL` can run: a registry of named procedures, each with typed arguments,
// typed output columns and a body that produces the rows for one call.
//
// Names are dotted and matched exactly (`db.labels`). A call passes as many arguments as the
// procedure declares; each is checked against its declared type when the call runs (null is
// accepted for every type; an integer passes where a FLOAT is declared and becomes one). The
// body gets the checked arguments and the query's ExecContext (store, snapshot, limits) and
// returns its rows, each holding one value per output column in declared order.
//
// A family of procedures lives in its own file and adds itself through one Add...Procedures
// function called by AllProcedures (procedures.cc); the built-ins are:
//   db.labels()            -> label :: STRING                (labels in use, sorted)
//   db.relationshipTypes() -> relationshipType :: STRING     (types in use, sorted)
//   db.propertyKeys()      -> propertyKey :: STRING          (keys of stored nodes and
//                                                             relationships, sorted)
//   parley.pagerank(types = [], since = null, until = null)
//                          -> node :: NODE, score :: FLOAT   (actor graph, graph/analytics.h,
//                                                             filtered as `parley analyze`)
//   parley.betweenness(types = [], since = null, until = null) -> node, score as above
//   parley.search(text)   -> node :: NODE, score :: FLOAT      (full-text index, BM25, best
//                                                             first; storage/fulltext_index.h)
//   parley.searchRelationships(text) -> relationship :: RELATIONSHIP, score :: FLOAT
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/exec_context.h"
#include "storage/value.h"
#include "util/status.h"

namespace parley::query {

// The declared type of an argument or output column.
enum class ProcType {
  kAny,
  kString,
  kInteger,
  kFloat,
  kNumber,
  kBoolean,
  kNode,
  kRelationship,
  kPath,
  kList,
  kMap
};

// The type's name as Cypher writes it in signatures ("STRING", "NODE", ...).
const char* ProcTypeName(ProcType type);

struct ProcedureParam {
  std::string name;
  ProcType type = ProcType::kAny;
  // A call may leave out trailing parameters that have a default; they then take it.
  std::optional<Value> default_value;
};

struct ProcedureOutput {
  std::string name;
  ProcType type = ProcType::kAny;
};

using ProcedureRows = std::vector<std::vector<Value>>;

// Produces the rows of one call with checked `args` (one per declared parameter). It should
// call ctx.guard().Check() in loops that can run long and hold what it builds against the
// memory limit (ctx.guard().Hold / Release); the caller holds the returned rows itself.
using ProcedureBody =
    std::function<Status(const std::vector<Value>& args, ExecContext& ctx, ProcedureRows* rows)>;

struct ProcedureInfo {
  std::string name;
  std::vector<ProcedureParam> params;
  std::vector<ProcedureOutput> outputs;
  std::string description;  // one line, for the README and error messages
  ProcedureBody body;
};

// Every registered procedure, in registration order (built on first use).
const std::vector<ProcedureInfo>& AllProcedures();

// The procedure named `name` exactly, or null.
const ProcedureInfo* LookupProcedure(std::string_view name);

// How many arguments a call must pass (the parameters before the first with a default).
size_t RequiredArguments(const ProcedureInfo& proc);

// The index of output `column` in `proc`'s outputs, or -1.
int OutputIndex(const ProcedureInfo& proc, std::string_view column);

// The signature as Cypher prints it: `db.labels() :: (label :: STRING)`.
std::string Signature(const ProcedureInfo& proc);

// Checks argument `index` of a call to `proc` against its declared type and converts it
// (INTEGER to FLOAT where a FLOAT is declared) into *out; kInvalidInput naming the procedure,
// the parameter and both types when it does not fit.
Status CoerceArgument(const ProcedureInfo& proc, size_t index, const Value& in, Value* out);

// ---- families of procedures (each in its own file) ----

// db.labels, db.relationshipTypes, db.propertyKeys (procedures.cc).
void AddCatalogProcedures(std::vector<ProcedureInfo>* registry);
// parley.pagerank, parley.betweenness (procedures_analytics.cc).
void AddAnalyticsProcedures(std::vector<ProcedureInfo>* registry);
// parley.search, parley.searchRelationships: the full-text index (procedures_search.cc).
void AddSearchProcedures(std::vector<ProcedureInfo>* registry);

}  // namespace parley::query
