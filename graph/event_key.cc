#include "graph/event_key.h"

#include <nlohmann/json.hpp>

#include "core/lemmatizer.h"
#include "util/data_path.h"
#include "util/strings.h"

namespace parley {
namespace {

// A word's lemma: as a verb if WordNet knows that reading ("lifted" -> "lift"), else as a noun
// ("sanctions" -> "sanction").
std::string LemmaOf(const std::string& word) {
  const Lemmatizer& lem = Lemmatizer::Get();
  std::string verb = lem.Lemma(word, WordClass::kVerb);
  if (lem.Knows(verb, WordClass::kVerb)) return verb;
  return lem.Lemma(word, WordClass::kNoun);
}

}  // namespace

Status EventKeys::Load(const std::string& path, EventKeys* out) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("stopwords") ||
      !j["stopwords"].is_array()) {
    return Status::InvalidInput(path + ": expected {\"period\": ..., \"stopwords\": [...]}");
  }
  out->stopwords_.clear();
  for (const auto& w : j["stopwords"]) {
    if (!w.is_string()) return Status::InvalidInput(path + ": stopwords: expected strings");
    out->stopwords_.insert(Lower(w.get<std::string>()));
  }
  std::string period = j.value("period", "month");
  if (period != "month" && period != "day") {
    return Status::InvalidInput(path + ": period: expected \"month\" or \"day\"");
  }
  out->by_day_ = period == "day";
  return Linker::LoadDefault(&out->linker_);
}

Status EventKeys::LoadDefault(EventKeys* out) {
  return Load(DataPath("event_keys.json"), out);
}

std::string EventKeys::Signature(const Event& e) const {
  std::vector<std::string> lemmas;
  for (const std::string& w : LowerWords(e.content, "'-")) {
    if (stopwords_.count(w)) continue;
    if (lemmas.empty()) {
      // The head is read as the linker reads an event's head, so that "the withdrawal of
      // troops" and "withdraw the troops" share it.
      LinkMention head;
      head.type = "event";
      head.head = w;
      lemmas.push_back(linker_.HeadLemma(head));
    } else {
      lemmas.push_back(LemmaOf(w));
    }
    if (lemmas.size() == 2) break;
  }
  std::string first = lemmas.empty() ? "" : lemmas[0];
  std::string second;
  for (const PolicyRef& p : e.policies) {
    second = !p.id.empty() ? p.id : Slug(p.name, '-');
    if (!second.empty()) break;
  }
  if (second.empty() && lemmas.size() > 1) second = lemmas[1];
  return first + "|" + second;
}

std::string EventKeys::Period(std::string_view date) const {
  size_t len = by_day_ ? 10 : 7;
  return date.size() >= len ? std::string(date.substr(0, len)) : "";
}

std::string EventKeys::Key(const Event& e, std::string_view source, std::string_view target,
                           std::string_view date) const {
  return e.type + "|" + (e.negated ? "not" : "") + "|" + std::string(source) + "|" +
         std::string(target) + "|" + Signature(e) + "|" + Period(date);
}

}  // namespace parley
