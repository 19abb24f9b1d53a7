// The operators of the updating clauses SET, REMOVE, DELETE and MERGE, and the eager buffer
// that gives every updating clause its clause-at-a-time meaning.
//
// openCypher defines a query clause by clause: an update sees every row of the clauses before
// it, and the clauses after it see all of its changes. A pull pipeline interleaves them, so the
// planner puts an Eager buffer on both sides of an update that shares the query with reads:
// the reads before it finish before it changes anything, and its changes are all made before
// the reads after it start. Changes go to the ExecContext (see exec_context.h), which shows
// them to the rest of the query and writes them in one batch at the end.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "query/ast.h"
#include "query/operators.h"
#include "query/plan.h"

namespace parley::query {

// One compiled item of SET or REMOVE (see SetItem in ast.h).
struct SetAction {
  SetItem::Kind kind = SetItem::Kind::kProperty;
  bool remove = false;  // REMOVE: the property or labels go
  SourcePos pos;
  CExprPtr target;  // the node or relationship changed (null: nothing happens)
  std::string key;  // kProperty
  CExprPtr value;   // SET's value
  std::vector<std::string> labels;
};

// Applies `action` on `row` through the context.
Status ApplySetAction(const SetAction& action, Row& row, ExecContext& ctx);

// Each input row after `actions` are applied in order (SET, REMOVE).
OperatorPtr MakeSet(OperatorPtr input, std::vector<SetAction> actions, bool remove,
                    ExecContext& ctx);

// Each input row after the values of `targets` (nodes, relationships, paths, or lists of them;
// null is skipped) are deleted; with `detach`, a deleted node's relationships go too.
OperatorPtr MakeDelete(OperatorPtr input, std::vector<CExprPtr> targets, bool detach,
                       ExecContext& ctx);

// MERGE of one pattern part: `match` finds it (its new slots are the ones `create` makes);
// `create` makes it when no match exists. `checks` are the property maps of the pattern, none
// of whose values may be null.
struct MergeSpec {
  std::shared_ptr<PatternPlan> match;
  std::vector<CreatePart> create;
  std::vector<CExprPtr> checks;
  std::vector<SetAction> on_create, on_match;
};
// For each input row, one row per match of the pattern with ON MATCH SET applied, or else one
// row with the pattern created and ON CREATE SET applied. Later rows see what earlier ones made.
OperatorPtr MakeMerge(OperatorPtr input, MergeSpec spec, ExecContext& ctx);

// With `hold`, reads its whole input before giving the first row (counting the rows against
// the memory limit); without, passes rows through. Either way, *finish is set to a function
// that reads whatever input is left, so that the clauses below run to their end.
OperatorPtr MakeEager(OperatorPtr input, bool hold, ExecContext& ctx,
                      std::function<Status()>* finish);

}  // namespace parley::query
