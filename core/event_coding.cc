// Reading the coding tables (GDELT's Goldstein scale and QuadClass, the PLOVER crosswalk) and
// looking a CAMEO code up in them.
#include "core/event_coding.h"

#include <cctype>
#include <charconv>
#include <mutex>
#include <vector>

#include "util/data_path.h"
#include "util/strings.h"

namespace parley {
namespace {

bool IsCameo(const std::string& c) {
  if (c.size() < 2 || c.size() > 4) return false;
  for (char ch : c)
    if (!std::isdigit(static_cast<unsigned char>(ch))) return false;
  int root = (c[0] - '0') * 10 + (c[1] - '0');
  return root >= 1 && root <= 20;
}

// The tab-separated fields of each line of `path` that is neither blank, a '#' comment nor
// the header (its first field is `header`), with the line number.
Status ReadRows(const std::string& path, const std::string& header, size_t min_fields,
                std::vector<std::pair<int, std::vector<std::string>>>* rows) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
  int n = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    at = end + 1;
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (Trim(line).empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    size_t s = 0;
    for (size_t t; (t = line.find('\t', s)) != std::string::npos; s = t + 1)
      f.push_back(line.substr(s, t - s));
    f.push_back(line.substr(s));
    if (f[0] == header) continue;
    if (f.size() < min_fields) {
      return Status::InvalidInput(path + ":" + std::to_string(n) + ": expected " +
                                  std::to_string(min_fields) + " tab-separated fields");
    }
    if (!IsCameo(f[0])) {
      return Status::InvalidInput(path + ":" + std::to_string(n) + ": '" + f[0] +
                                  "' is no CAMEO code");
    }
    rows->push_back({n, std::move(f)});
  }
  return Status::OK();
}

// The value for the longest prefix of `code` that `table` holds, or null.
template <typename T>
const T* Longest(const std::unordered_map<std::string, T>& table, const std::string& code) {
  for (size_t len = code.size(); len >= 2; --len) {
    auto it = table.find(code.substr(0, len));
    if (it != table.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace

Status EventCoding::Load(const std::string& goldstein_file, const std::string& quad_file,
                         const std::string& plover_file, EventCoding* out) {
  *out = EventCoding();
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  PARLEY_RETURN_IF_ERROR(ReadRows(goldstein_file, "CAMEOEVENTCODE", 2, &rows));
  for (const auto& [n, f] : rows) {
    double v = 0;
    const char* b = f[1].data();
    auto [end, ec] = std::from_chars(b, b + f[1].size(), v);
    if (ec != std::errc() || end != b + f[1].size() || v < -10 || v > 10) {
      return Status::InvalidInput(goldstein_file + ":" + std::to_string(n) + ": '" + f[1] +
                                  "' is no Goldstein value (-10 to 10)");
    }
    out->goldstein_[f[0]] = v;
  }
  rows.clear();
  PARLEY_RETURN_IF_ERROR(ReadRows(quad_file, "root", 2, &rows));
  for (const auto& [n, f] : rows) {
    if (f[0].size() != 2 || f[1].size() != 1 || f[1][0] < '1' || f[1][0] > '4') {
      return Status::InvalidInput(quad_file + ":" + std::to_string(n) +
                                  ": expected a two-digit root and a QuadClass 1-4");
    }
    out->quad_[f[0]] = f[1][0] - '0';
  }
  rows.clear();
  PARLEY_RETURN_IF_ERROR(ReadRows(plover_file, "code", 4, &rows));
  for (const auto& [n, f] : rows) {
    if (f[1].empty())
      return Status::InvalidInput(plover_file + ":" + std::to_string(n) + ": no PLOVER type");
    out->plover_[f[0]] = {f[1], f[2], f[3]};
  }
  // Every root must be coded by every table, so that every code gets all its values.
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    if (!out->goldstein_.count(root) || !out->quad_.count(root) ||
        !Longest(out->plover_, root + "0")) {
      return Status::InvalidInput("the coding tables (" + goldstein_file + ", " + quad_file + ", " +
                                  plover_file + ") do not all code root " + root);
    }
  }
  return Status::OK();
}

const EventCoding* EventCoding::Default(Status* status) {
  static EventCoding coding;
  static Status loaded =
      Load(DataPath("gdelt/CAMEO.goldsteinscale.txt"), DataPath("gdelt/quad_class.tsv"),
           DataPath("plover/cameo_plover.tsv"), &coding);
  if (status) *status = loaded;
  return loaded.ok() ? &coding : nullptr;
}

bool EventCoding::Code(const std::string& cameo, EventCode* out) const {
  *out = EventCode();
  if (!IsCameo(cameo)) return false;
  out->cameo = cameo.size() == 2 ? cameo + "0" : cameo;
  out->root = cameo.substr(0, 2);
  auto q = quad_.find(out->root);
  if (q != quad_.end()) out->quad_class = q->second;
  if (const double* g = Longest(goldstein_, out->cameo)) out->goldstein = *g;
  if (const Plover* p = Longest(plover_, out->cameo)) {
    out->plover_type = p->type;
    out->plover_mode = p->mode;
    out->plover_context = p->context;
  }
  return true;
}

void EventCoding::Fill(Event* e) const {
  EventCode c;
  if (!Code(e->cameo, &c)) return;
  e->cameo = c.cameo;
  e->quad_class = c.quad_class;
  e->goldstein = c.goldstein;
  e->plover_type = c.plover_type;
  e->plover_mode = c.plover_mode;
  e->plover_context = c.plover_context;
  std::string extra = e->status == "reported_past"                                  ? "historical"
                      : e->status == "future"                                       ? "future"
                      : (e->status == "hypothetical" || e->status == "conditional") ? "hypothetical"
                                                                                    : "";
  if (!extra.empty()) e->plover_context += (e->plover_context.empty() ? "" : "; ") + extra;
}

}  // namespace parley
