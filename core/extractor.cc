#include "core/extractor.h"

#include <optional>
#include <set>

#include "core/actor_dictionary.h"
#include "core/clauses.h"
#include "core/event_coding.h"
#include "core/event_dates.h"
#include "core/event_status.h"
#include "core/events.h"
#include "core/gazetteer.h"
#include "core/headline.h"
#include "core/lemmatizer.h"
#include "core/lexicon.h"
#include "core/mentions.h"
#include "core/occurrences.h"
#include "core/parse_cache.h"
#include "core/places.h"
#include "core/segmenter.h"
#include "core/triples.h"
#include "util/data_path.h"
#include "util/strings.h"

namespace parley {

struct Extractor::Impl {
  Options options;
  std::unique_ptr<LinkParser> parser;
  ActorDictionary actors;
  Lexicon lexicon;
  Gazetteer places;
  const EventCoding* coding = nullptr;
  std::unique_ptr<HappeningWords> happenings;
  mutable ParseCache cache{0};
  explicit Impl(const Options& o) : options(o), cache(o.parse_cache_entries) {}
};

namespace {

// The sentences of an article's own text, after its headline, that make its lead.
constexpr size_t kLeadSentences = 2;

// The sentence as handed to the parser, the same length as the original so that the parser's
// byte offsets are the document's: Treebank-style quotes (`` and '') become '"', and the
// spaces inside a multi-word actor name become '_' so that the parser reads it as one word
// ("United_States") instead of guessing at its parts.
std::string ParserInput(std::string_view doc, const Sentence& s,
                        const std::vector<const ActorMention*>& mentions) {
  std::string out(doc.substr(s.start, s.end - s.start));
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '`' && out[i + 1] == '`') {
      out[i] = '"';
      out[i + 1] = ' ';
    } else if (out[i] == '\'' && out[i + 1] == '\'') {
      out[i] = ' ';
      out[i + 1] = '"';
    }
  }
  // A dateline ("DUBAI —", "WASHINGTON, March 3 (Reuters) -") is not part of the sentence's
  // grammar: blank it out.
  size_t i = 0;
  while (i < out.size() && (std::isupper(static_cast<unsigned char>(out[i])) || out[i] == ' ' ||
                            out[i] == ',' || out[i] == '.'))
    ++i;
  if (i >= 3 && i < out.size()) {
    size_t j = i;
    if (out.compare(j, 3, "\xe2\x80\x94") == 0 || out.compare(j, 3, "\xe2\x80\x93") == 0) {
      j += 3;
    } else if (out[j] == '-') {
      while (j < out.size() && out[j] == '-') ++j;
    } else {
      j = 0;
    }
    if (j > 0) {
      for (size_t k = 0; k < j; ++k) out[k] = ' ';
    }
  }
  for (const ActorMention* m : mentions) {
    for (int32_t b = m->apposition_start; b >= 0 && b < m->apposition_end; ++b)
      out[b - s.start] = ' ';
  }
  for (const ActorMention* m : mentions) {
    if (m->kind != ActorMention::kName && m->kind != ActorMention::kCapital &&
        m->kind != ActorMention::kDemonym)
      continue;
    bool plain = true;
    for (int32_t b = m->start; b < m->end; ++b) {
      unsigned char c = static_cast<unsigned char>(doc[b]);
      if (!(std::isalnum(c) || c == ' ' || c == '.' || c >= 0x80)) plain = false;
    }
    if (!plain) continue;
    // The periods of an abbreviation ("U.N.") would end the sentence for the parser; the last
    // one stays where it also ends the sentence.
    std::string_view after = doc.substr(m->end, s.end - m->end);
    bool ends_sentence = after.find_first_not_of(" \t\r\n\"'") == std::string_view::npos;
    for (int32_t b = m->start; b < m->end; ++b) {
      char& c = out[b - s.start];
      if (c == ' ' || (c == '.' && !(b + 1 == m->end && ends_sentence))) c = '_';
    }
  }
  return out;
}

// Whether a sentence can hold a fact of interest: an actor and a word of the lexicon, or a
// demand cue (a demand or appeal verb or noun, an obligation modal) whoever its subject is,
// since a demand's source need not be an actor any dictionary holds.
bool WorthParsing(const Sentence& s, const std::vector<const ActorMention*>& mentions,
                  const Lexicon& lex, size_t long_words) {
  const Lemmatizer& lem = Lemmatizer::Get();
  auto demand_like = [](const PredicateEntry* e) {
    return e && (e->type == "demand" || e->type == "appeal");
  };
  // A long sentence costs several times an ordinary one to parse: unless it states a demand,
  // it is parsed only when it names two actors, one to act and one to be acted on (0: no limit).
  size_t words = 0;
  for (const Token& t : s.tokens)
    words += std::isalnum(static_cast<unsigned char>(t.text[0])) ? 1 : 0;
  std::set<std::string> actors;
  for (const ActorMention* m : mentions) actors.insert(m->actor);
  bool enough_actors = long_words > 0 && words > long_words ? actors.size() >= 2 : !actors.empty();
  for (const Token& t : s.tokens) {
    std::string lw = Lower(t.text);
    const PredicateEntry* verb = lex.Verb(lem.Lemma(lw, WordClass::kVerb));
    const PredicateEntry* noun = lex.Noun(lem.Lemma(lw, WordClass::kNoun));
    if (lex.IsDemandModal(lw) || lw == "must" || lw == "should" || demand_like(verb) ||
        demand_like(noun))
      return true;
    if (enough_actors && (verb || noun)) return true;
  }
  return false;
}

// Whether two events are of one kind for telling a headline's event from the text's: one
// CAMEO root, or both requests (a demand, an appeal: a headline's "calls on" is often the
// text's "demanded").
bool SameKind(const Event& a, const Event& b) {
  auto request = [](const Event& e) { return e.type == "demand" || e.type == "appeal"; };
  if (request(a) || request(b)) return request(a) && request(b);
  return a.cameo.substr(0, 2) == b.cameo.substr(0, 2);
}

// A headline restates the event its article reports: an event of the headline (before
// `body_at`) is dropped where the text states one of the same kind by the same source, with
// the same target or with one of the two naming none; the text's, with its words, stays.
void DropRestatedHeadlineEvents(int32_t body_at, std::vector<Event>* events) {
  auto restated = [&](const Event& h) {
    if (h.start >= body_at) return false;
    for (const Event& e : *events) {
      if (e.start >= body_at && e.negated == h.negated && e.source.entity == h.source.entity &&
          (e.target.entity == h.target.entity || e.target.entity.empty() ||
           h.target.entity.empty()) &&
          SameKind(e, h))
        return true;
    }
    return false;
  };
  std::vector<Event> kept;
  for (const Event& e : *events) {
    if (!restated(e)) kept.push_back(e);
  }
  *events = std::move(kept);
}

// Takes the facts of a text that is the headline, a blank line and the article (Extract) back
// to the article: an event stated in the headline gets sentence -1, offsets into the title and
// the title as its quote; everything else moves back by the headline's bytes and sentences.
// Mentions and triples of the headline go (they have no place in the article's text); an
// actor named only there stays, without mentions, when an event of the headline names it.
void MoveOutOfHeadline(const Document& doc, const std::vector<Sentence>& sentences, int32_t body_at,
                       DocumentFacts* facts) {
  int64_t headline_sentences = 0;
  for (const Sentence& s : sentences) headline_sentences += s.start < body_at ? 1 : 0;
  std::set<std::string> named;
  for (Event& e : facts->events) {
    if (e.start < body_at) {
      e.sentence = -1;
      e.start = std::min<int64_t>(e.start, doc.title.size());
      e.end = std::min<int64_t>(e.end, doc.title.size());
      e.quote = doc.title;
      named.insert(e.source.entity);
      named.insert(e.target.entity);
    } else {
      e.sentence -= headline_sentences;
      e.start -= body_at;
      e.end -= body_at;
    }
  }
  for (Occurrence& o : facts->occurrences) {
    if (o.start < body_at) {
      o.sentence = -1;
      o.start = std::min<int64_t>(o.start, doc.title.size());
      o.end = std::min<int64_t>(o.end, doc.title.size());
    } else {
      o.sentence -= headline_sentences;
      o.start -= body_at;
      o.end -= body_at;
    }
  }
  std::erase_if(facts->triples, [&](const Triple& t) { return t.start < body_at; });
  for (Triple& t : facts->triples) {
    t.sentence -= headline_sentences;
    t.start -= body_at;
    t.end -= body_at;
  }
  for (Entity& e : facts->entities) {
    std::erase_if(e.mentions, [&](const Mention& m) { return m.start < body_at; });
    for (Mention& m : e.mentions) {
      m.start -= body_at;
      m.end -= body_at;
    }
  }
  std::erase_if(facts->entities,
                [&](const Entity& e) { return e.mentions.empty() && !named.count(e.id); });
}

}  // namespace

Status Extractor::Create(const Options& options, std::unique_ptr<Extractor>* out) {
  auto impl = std::make_unique<Impl>(options);
  PARLEY_RETURN_IF_ERROR(LinkParser::Create(options.parser, &impl->parser));
  PARLEY_RETURN_IF_ERROR(ActorDictionary::Load(DataPath("actors.json"), PetrarchDictionaries(),
                                               options.actors_file, &impl->actors));
  PARLEY_RETURN_IF_ERROR(Lexicon::LoadDefault(&impl->lexicon));
  PARLEY_RETURN_IF_ERROR(Gazetteer::LoadDefault(&impl->places));
  Status coding;
  impl->coding = EventCoding::Default(&coding);
  PARLEY_RETURN_IF_ERROR(coding);
  impl->happenings = std::make_unique<HappeningWords>(impl->lexicon.verbs(), *impl->coding);
  if (!Lemmatizer::Get().loaded()) {
    return Status::IOError("cannot read WordNet from /usr/share/wordnet (install wordnet-base)");
  }
  out->reset(new Extractor(std::move(impl)));
  return Status::OK();
}

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

size_t Extractor::parses() const {
  return impl_->cache.misses();
}
size_t Extractor::cache_hits() const {
  return impl_->cache.hits();
}

void Extractor::Extract(const Document& doc, DocumentFacts* facts) const {
  *facts = DocumentFacts();
  facts->doc = doc.id;
  facts->title = doc.title;
  facts->date = doc.date;
  facts->source = doc.source;
  facts->text = doc.text;
  // The title is read as the article's opening sentence, in sentence case (core/headline.h).
  // Where the text starts with it (a text file's first line) it is read there, its case
  // changed in a copy of the text. Otherwise `text` is the headline, a blank line and the
  // article, and every offset and sentence number is taken back to the article's own text at
  // the end (MoveOutOfHeadline).
  std::string work;
  size_t body_at = 0;
  if (!doc.title.empty() && !impl_->options.single_sentence) {
    std::string title = doc.title;
    for (char& c : title) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    std::vector<std::pair<int32_t, int32_t>> names;
    for (const ActorMention& m :
         FindActors(impl_->actors, title, SplitSentences(title), doc.date).mentions) {
      if (m.kind != ActorMention::kPronoun) names.emplace_back(m.start, m.end);
    }
    std::string headline = HeadlineSentence(title, names);
    size_t at = doc.text.find_first_not_of(" \t\r\n#");
    if (at != std::string::npos && doc.text.compare(at, title.size(), title) == 0) {
      work = doc.text;
      work.replace(at, title.size(), headline, 0, title.size());
    } else {
      work = headline + "\n\n";
      body_at = work.size();
      work += doc.text;
    }
  }
  std::string_view text = work.empty() ? std::string_view(doc.text) : std::string_view(work);
  std::vector<Sentence> sentences;
  if (impl_->options.single_sentence) {
    Sentence s;
    s.start = 0;
    s.end = static_cast<int32_t>(text.size());
    s.tokens = Tokenize(text, 0, s.end);
    sentences.push_back(std::move(s));
  } else {
    sentences = SplitSentences(text);
  }
  DocumentActors actors = FindActors(impl_->actors, text, sentences, doc.date);
  size_t article_start = 0;
  while (article_start < sentences.size() &&
         sentences[article_start].start < static_cast<int32_t>(body_at))
    ++article_start;
  DocumentPlaces places = FindPlaces(impl_->places, text, sentences, actors, article_start);
  std::vector<std::vector<const ActorMention*>> by_sentence(sentences.size());
  for (const ActorMention& m : actors.mentions) {
    if (m.sentence >= 0 && m.sentence < static_cast<int>(sentences.size()))
      by_sentence[m.sentence].push_back(&m);
  }
  DiscourseState discourse;
  // Every event of a sentence gets its status (read off the sentence) and its coding.
  size_t coded = 0;
  auto code_events = [&](const Sentence& s) {
    for (; coded < facts->events.size(); ++coded) {
      Event& e = facts->events[coded];
      e.status = ReadEventStatus(text, s.start, s.end, e, doc.date);
      impl_->coding->Fill(&e);
    }
  };
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    if (s.tokens.empty()) continue;
    SentenceAnalysis sa;
    sa.doc = text;
    sa.offset = s.start;
    sa.sentence = &s;
    sa.index = static_cast<int>(i);
    sa.mentions = by_sentence[i];
    if (static_cast<size_t>(s.end - s.start) > impl_->options.max_sentence_bytes ||
        (impl_->options.selective_parsing &&
         !WorthParsing(s, by_sentence[i], impl_->lexicon, impl_->options.long_sentence_words))) {
      // Not parsed: the demand frames are still read off the tokens, and the speaker and open
      // quotation carried on.
      ExtractEvents(sa, impl_->lexicon, &discourse, &facts->events);
      code_events(s);
      continue;
    }
    std::string input = ParserInput(text, s, by_sentence[i]);
    ParseTree tree = impl_->cache.Parse(*impl_->parser, input, ClauseScore);
    std::vector<Clause> clauses = ExtractClauses(tree);
    const auto& ms = by_sentence[i];
    auto entity_of = [&ms](int32_t b, int32_t e) -> std::string {
      const ActorMention* best = nullptr;
      for (const ActorMention* m : ms) {
        // A mention whose appositive part the parser did not see may run past the phrase.
        int32_t m_end = m->apposition_start >= 0 ? m->apposition_start : m->end;
        if (m->start >= b && m_end <= e && (!best || m->end - m->start > best->end - best->start))
          best = m;
      }
      return best ? best->actor : "";
    };
    ClausesToTriples(tree, clauses, text, s.start, static_cast<int>(i), &facts->triples, entity_of);
    sa.tree = &tree;
    sa.clauses = &clauses;
    ExtractEvents(sa, impl_->lexicon, &discourse, &facts->events);
    code_events(s);
  }
  PlaceEvents(places, &facts->events);
  // What happened, as the lead names it: the headline and the article's first sentences (the
  // first three sentences of a text that carries its own headline).
  size_t lead_end = body_at ? article_start + kLeadSentences : kLeadSentences + 1;
  facts->occurrences =
      FindOccurrences(*impl_->happenings, sentences, lead_end, places, actors, impl_->places);
  // When each event and occurrence happened: the date expressions of its sentence, read once a
  // sentence.
  std::vector<std::optional<std::vector<DateExpression>>> dates(sentences.size());
  auto date = [&](auto& fact) {
    static const std::vector<DateExpression> kNone;
    const std::vector<DateExpression>* found = &kNone;
    if (fact.sentence >= 0 && static_cast<size_t>(fact.sentence) < sentences.size()) {
      auto& d = dates[fact.sentence];
      const Sentence& s = sentences[fact.sentence];
      if (!d) d = FindDateExpressions(text, s.start, s.end, doc.date);
      found = &*d;
    }
    EventDate when = DateEvent(text, *found, static_cast<int32_t>(fact.start),
                               static_cast<int32_t>(fact.end), doc.date);
    fact.event_date = std::move(when.date);
    fact.date_granularity = std::move(when.granularity);
    fact.date_basis = std::move(when.basis);
    fact.date_text = std::move(when.text);
  };
  for (Event& e : facts->events) date(e);
  for (Occurrence& o : facts->occurrences) date(o);
  // A headline names a happening without its day, which the lead's sentences give: a happening
  // its own sentence does not date takes the first day the lead dates one by (else stays on
  // the report's day), so that a report filed a day later still names the day it happened.
  auto lead_day = std::find_if(
      facts->occurrences.begin(), facts->occurrences.end(),
      [](const Occurrence& o) { return o.date_basis == "event" && o.date_granularity == "day"; });
  if (lead_day != facts->occurrences.end()) {
    Occurrence dated = *lead_day;
    for (Occurrence& o : facts->occurrences) {
      if (o.date_basis != "report") continue;
      o.event_date = dated.event_date;
      o.date_granularity = dated.date_granularity;
      o.date_basis = dated.date_basis;
      o.date_text = dated.date_text;
    }
  }
  for (auto& [id, e] : actors.entities) {
    if (!e.mentions.empty()) facts->entities.push_back(std::move(e));
  }
  if (body_at) {
    DropRestatedHeadlineEvents(static_cast<int32_t>(body_at), &facts->events);
    MoveOutOfHeadline(doc, sentences, static_cast<int32_t>(body_at), facts);
  }
}

}  // namespace parley
