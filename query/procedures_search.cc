// The full-text procedures: the store's index (storage/fulltext_index.h) asked from Cypher.
//   parley.search(text)              -> node :: NODE, score :: FLOAT
//   parley.searchRelationships(text) -> relationship :: RELATIONSHIP, score :: FLOAT
// Rows come best first by BM25 score (ties by id), every match; `LIMIT` bounds them as usual.
// A null text gives no rows; a text with no word or an open quote is an error, as is a store
// written before the index existed (opened read-only, it says what to run).
#include "query/procedures.h"
#include "storage/fulltext_index.h"
#include "storage/graph_store.h"

namespace parley::query {
namespace {

// The hits of `args[0]` of element kind `kind`, one row each (the element, its score).
Status Search(char kind, const std::vector<Value>& args, ExecContext& ctx, ProcedureRows* rows) {
  if (!ctx.store() || args[0].is_null()) return Status::OK();
  PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
  std::vector<fulltext::Hit> hits;
  PARLEY_RETURN_IF_ERROR(ctx.store()->SearchText(args[0].as_string(), 0, &hits, ctx.snapshot()));
  // The hits are held while the rows are made from them.
  const size_t bytes = hits.size() * sizeof(fulltext::Hit);
  PARLEY_RETURN_IF_ERROR(ctx.guard().Hold(bytes));
  Status s;
  for (const fulltext::Hit& h : hits) {
    if (h.kind != kind) continue;
    if (kind == fulltext::kNodeKind) {
      rows->push_back({ExecContext::NodeRef(h.id), Value(h.score)});
      continue;
    }
    Relationship r;
    s = ctx.store()->GetRelationship(h.id, &r, ctx.snapshot());
    if (!s.ok()) break;
    rows->push_back({ExecContext::RelRef(r.id, r.type, r.start, r.end), Value(h.score)});
  }
  ctx.guard().Release(bytes);
  return s;
}

}  // namespace

void AddSearchProcedures(std::vector<ProcedureInfo>* registry) {
  registry->push_back(
      {"parley.search",
       {{"text", ProcType::kString, std::nullopt}},
       {{"node", ProcType::kNode}, {"score", ProcType::kFloat}},
       "nodes whose demand text, name, aliases or title hold the words or \"phrases\" of text, "
       "best first (BM25)",
       [](const std::vector<Value>& args, ExecContext& ctx, ProcedureRows* rows) {
         return Search(fulltext::kNodeKind, args, ctx, rows);
       }});
  registry->push_back(
      {"parley.searchRelationships",
       {{"text", ProcType::kString, std::nullopt}},
       {{"relationship", ProcType::kRelationship}, {"score", ProcType::kFloat}},
       "relationships whose quote or text hold the words or \"phrases\" of text, best first "
       "(BM25)",
       [](const std::vector<Value>& args, ExecContext& ctx, ProcedureRows* rows) {
         return Search(fulltext::kRelationshipKind, args, ctx, rows);
       }});
}

}  // namespace parley::query
