#include "cli/validate.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "util/data_path.h"

namespace parley::cli {

bool IsCalendarDate(std::string_view s, bool partial) {
  auto digits = [&](size_t from, size_t n, int* value) {
    *value = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
      *value = *value * 10 + (s[i] - '0');
    }
    return true;
  };
  int year, month, day;
  if (!digits(0, 4, &year)) return false;
  if (s.size() == 4) return partial;
  if (s.size() < 7 || s[4] != '-' || !digits(5, 2, &month) || month < 1 || month > 12) return false;
  if (s.size() == 7) return partial;
  if (s.size() != 10 || s[7] != '-' || !digits(8, 2, &day)) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day >= 1 && day <= days;
}

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
