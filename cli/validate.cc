#include "cli/validate.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "util/data_path.h"

namespace parley::cli {

Status DateFlag(const Args& args, const std::string& flag, bool partial, std::string* date) {
  date->clear();
  if (!args.Has(flag)) return Status::OK();
  *date = args.Get(flag);
  if (IsCalendarDate(*date, partial)) return Status::OK();
  return Status::Usage(flag + ": expected a date " + (partial ? "YYYY[-MM[-DD]]" : "YYYY-MM-DD") +
                       ", got '" + *date + "'");
}

Status KnownRelationshipTypes(const GraphStore& store, const Snapshot* snap,
                              std::set<std::string>* types) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(DataPath("event_types.json"), &text));
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_object() && j.contains("types") && j["types"].is_object()) {
    for (const auto& [name, shape] : j["types"].items()) {
      for (const char* key : {"relationship", "source_rel"}) {
        if (shape.is_object() && shape.contains(key) && shape[key].is_string()) {
          types->insert(shape[key].get<std::string>());
        }
      }
    }
  }
  GraphStats stats;
  PARLEY_RETURN_IF_ERROR(store.GetStats(&stats, snap));
  for (const auto& [type, n] : stats.types) types->insert(type);
  return Status::OK();
}

}  // namespace parley::cli
