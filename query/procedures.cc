#include "query/procedures.h"

#include <set>

#include "query/value_ops.h"

namespace parley::query {

const char* ProcTypeName(ProcType type) {
  switch (type) {
    case ProcType::kAny:
      return "ANY";
    case ProcType::kString:
      return "STRING";
    case ProcType::kInteger:
      return "INTEGER";
    case ProcType::kFloat:
      return "FLOAT";
    case ProcType::kNumber:
      return "NUMBER";
    case ProcType::kBoolean:
      return "BOOLEAN";
    case ProcType::kNode:
      return "NODE";
    case ProcType::kRelationship:
      return "RELATIONSHIP";
    case ProcType::kPath:
      return "PATH";
    case ProcType::kList:
      return "LIST";
    case ProcType::kMap:
      return "MAP";
  }
  return "ANY";
}

const std::vector<ProcedureInfo>& AllProcedures() {
  static const std::vector<ProcedureInfo> registry = [] {
    std::vector<ProcedureInfo> r;
    AddCatalogProcedures(&r);
    AddAnalyticsProcedures(&r);
    AddSearchProcedures(&r);
    return r;
  }();
  return registry;
}

const ProcedureInfo* LookupProcedure(std::string_view name) {
  for (const ProcedureInfo& p : AllProcedures()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

size_t RequiredArguments(const ProcedureInfo& proc) {
  size_t n = 0;
  while (n < proc.params.size() && !proc.params[n].default_value) ++n;
  return n;
}

int OutputIndex(const ProcedureInfo& proc, std::string_view column) {
  for (size_t i = 0; i < proc.outputs.size(); ++i) {
    if (proc.outputs[i].name == column) return static_cast<int>(i);
  }
  return -1;
}

std::string Signature(const ProcedureInfo& proc) {
  std::string s = proc.name + "(";
  for (size_t i = 0; i < proc.params.size(); ++i) {
    if (i) s += ", ";
    s += proc.params[i].name;
    if (proc.params[i].default_value) s += " = " + CypherText(*proc.params[i].default_value);
    s += std::string(" :: ") + ProcTypeName(proc.params[i].type);
  }
  s += ") :: (";
  for (size_t i = 0; i < proc.outputs.size(); ++i) {
    if (i) s += ", ";
    s += proc.outputs[i].name + " :: " + ProcTypeName(proc.outputs[i].type);
  }
  return s + ")";
}

namespace {

// True if `v` (not null) is a value of `type`.
bool Fits(ProcType type, const Value& v) {
  switch (type) {
    case ProcType::kAny:
      return true;
    case ProcType::kString:
      return v.is_string();
    case ProcType::kInteger:
      return v.is_int();
    case ProcType::kFloat:
    case ProcType::kNumber:
      return v.is_number();
    case ProcType::kBoolean:
      return v.is_bool();
    case ProcType::kNode:
      return v.is_node();
    case ProcType::kRelationship:
      return v.is_relationship();
    case ProcType::kPath:
      return v.is_path();
    case ProcType::kList:
      return v.is_list();
    case ProcType::kMap:
      return v.is_map();
  }
  return false;
}

// The sorted names in `counts` whose count is above zero, one row each.
void NamesInUse(const std::map<std::string, int64_t>& counts, ProcedureRows* rows) {
  for (const auto& [name, count] : counts) {
    if (count > 0) rows->push_back({Value(name)});
  }
}

Status Labels(const std::vector<Value>&, ExecContext& ctx, ProcedureRows* rows) {
  if (!ctx.store()) return Status::OK();
  GraphStats stats;
  PARLEY_RETURN_IF_ERROR(ctx.store()->GetStats(&stats, ctx.snapshot()));
  NamesInUse(stats.labels, rows);
  return Status::OK();
}

Status RelationshipTypes(const std::vector<Value>&, ExecContext& ctx, ProcedureRows* rows) {
  if (!ctx.store()) return Status::OK();
  GraphStats stats;
  PARLEY_RETURN_IF_ERROR(ctx.store()->GetStats(&stats, ctx.snapshot()));
  NamesInUse(stats.types, rows);
  return Status::OK();
}

// Reads every node and relationship once (the store keeps no list of keys in use), checking
// the query's limits as it goes.
Status PropertyKeys(const std::vector<Value>&, ExecContext& ctx, ProcedureRows* rows) {
  if (!ctx.store()) return Status::OK();
  std::set<std::string> keys;
  auto add = [&](const PropertyMap& props) -> Status {
    PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
    for (const auto& [key, value] : props) keys.insert(key);
    return Status::OK();
  };
  PARLEY_RETURN_IF_ERROR(
      ctx.store()->ForEachNode([&](const Node& n) { return add(n.properties); }, ctx.snapshot()));
  PARLEY_RETURN_IF_ERROR(ctx.store()->ForEachRelationship(
      [&](const Relationship& r) { return add(r.properties); }, ctx.snapshot()));
  for (const std::string& k : keys) rows->push_back({Value(k)});
  return Status::OK();
}

}  // namespace

Status CoerceArgument(const ProcedureInfo& proc, size_t index, const Value& in, Value* out) {
  const ProcedureParam& param = proc.params[index];
  if (in.is_null() || Fits(param.type, in)) {
    *out = param.type == ProcType::kFloat && in.is_int() ? Value(in.as_number()) : in;
    return Status::OK();
  }
  return Status::InvalidInput("Type mismatch: argument '" + param.name + "' of " + proc.name +
                              "() must be " + ProcTypeName(param.type) + ", got " + TypeName(in));
}

void AddCatalogProcedures(std::vector<ProcedureInfo>* registry) {
  registry->push_back(
      {"db.labels", {}, {{"label", ProcType::kString}}, "the node labels in use, sorted", Labels});
  registry->push_back({"db.relationshipTypes",
                       {},
                       {{"relationshipType", ProcType::kString}},
                       "the relationship types in use, sorted",
                       RelationshipTypes});
  registry->push_back({"db.propertyKeys",
                       {},
                       {{"propertyKey", ProcType::kString}},
                       "the property keys of stored nodes and relationships, sorted",
                       PropertyKeys});
}

}  // namespace parley::query
