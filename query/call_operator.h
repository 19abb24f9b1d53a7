// The operator of a CALL clause: runs a registered procedure (procedures.h) once per input row
// and yields one row per row it produces.
#pragma once

#include <utility>
#include <vector>

#include "query/plan.h"
#include "query/procedures.h"

namespace parley::query {

// For each input row: evaluates `args` (one per parameter of `proc`), checks their types,
// runs the procedure and, for each row it produces, the input row with output
// `yields[i].first` stored in slot `yields[i].second`. The rows of one call are held (and
// counted against the memory limit) until they are passed on.
OperatorPtr MakeProcedureCall(OperatorPtr input, const ProcedureInfo* proc,
                              std::vector<CExprPtr> args, std::vector<std::pair<int, int>> yields,
                              ExecContext& ctx);

}  // namespace parley::query
