// Occurrences: what happened, as the lead of a report names it.
//
// A news report names the happening it is about in its headline and first sentences ("A
// strong earthquake struck ...", "Police arrested ...", "the army shelled ..."), however
// differently each outlet words the rest, and whether or not the actors in it are ones the
// dictionaries know. An occurrence is one such word of the lead, placed and dated: reports of
// one happening name it by the same word or a synonym, in the same country, on the same day,
// and the store links them by that (graph/event_key.h, EventKeys::OccurrenceKey).
//
// A happening word is
// - a noun whose first WordNet sense is an event or a natural phenomenon (lexicographer files
//   noun.event, noun.phenomenon: "explosion", "flood", "hurricane"), other than the general
//   words that name any happening ("case", "result", "change");
// - a verb the CAMEO verb dictionary codes as material conflict (its root's QuadClass is 4:
//   "arrest", "shell", "kill") unless it is one of the most polysemous ("take", "break"); or that
//   it codes as material cooperation (QuadClass 2: "resign") or lists without a code while WordNet
//   files its first sense as a social, competitive, contact or communicative act ("elect",
//   "appoint", "intercept"), when the verb has at most four WordNet senses (one of many, "make",
//   "give", "report", names whatever its object makes it); never a change of a quantity ("rise",
//   "increase");
// - a noun of an act, or of an act told ("protest"), that WordNet derives from such a verb
//   ("shelling", "election").
// A word after a determiner is read as a noun only; a word whose first noun sense is a thing,
// person or group ("police", "bomb"), or a plural of a noun that names no happening ("forces"),
// is not read as a verb.
//
// Reports word one happening differently, so a happening is compared by its sense: a verb by
// the first word of its first sense's synset ("bomb" -> "bombard"), or of the synset WordNet
// says that sense causes ("kill" -> "die": "killed ten" and "ten died" tell one happening); a
// noun of an act by its verb ("shelling" -> "shell"); an event noun by its first sense's first
// word ("temblor" -> "earthquake"), or by the verb that word derives from ("death" -> "die").
//
// Where: the place its sentence names nearest the word, else the first place the lead names
// (a headline rarely says where), else the dateline's (where the report was filed), else the
// country of the first actor its sentence names, else of the lead's first actor; a word
// placed in no country is no occurrence. When: the extractor dates it as it dates events
// (core/event_dates.h), a word its sentence does not date taking the first day the lead dates
// one by (core/extractor.cc).
#pragma once

#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/event_coding.h"
#include "core/facts.h"
#include "core/gazetteer.h"
#include "core/mentions.h"
#include "core/places.h"
#include "core/text.h"
#include "core/verb_dictionary.h"

namespace parley {

class HappeningWords {
 public:
  // Reads verbs' codes from `verbs` and their QuadClass from `coding`; both must outlive this.
  HappeningWords(const VerbDictionary& verbs, const EventCoding& coding)
      : verbs_(verbs), coding_(coding) {}

  // The word the happening named by `word` is compared by ("bombing" -> "bombard", "quakes"
  // -> "earthquake"); "" when `word` names no happening. `after_determiner`: the word follows
  // "the", "a", "its", a number and the like, so it is read as a noun only.
  // Safe to call from several threads at once.
  std::string What(std::string_view word, bool after_determiner) const;

 private:
  // What() without the memo.
  std::string Read(const std::string& lower, bool after_determiner) const;
  // True if the verb `lemma` names a happening (see the file comment).
  bool HappeningVerb(const std::string& lemma) const;

  const VerbDictionary& verbs_;
  const EventCoding& coding_;
  // What() of the words read so far (WordNet's synset lines are parsed on every read): by the
  // word, lower case, with '\1' after it when it follows a determiner. Bounded: past
  // kMemoWords words, new ones are read each time.
  static constexpr size_t kMemoWords = 1 << 17;
  mutable std::shared_mutex memo_mutex_;
  mutable std::unordered_map<std::string, std::string> memo_;
};

// The occurrences of sentences [0, lead_end) of a document split into `sentences`, placed by
// `places` and by the countries of `actors` (through `gazetteer`), in text order; one per
// happening word. Their dates are left for the caller to set.
std::vector<Occurrence> FindOccurrences(const HappeningWords& words,
                                        const std::vector<Sentence>& sentences, size_t lead_end,
                                        const DocumentPlaces& places, const DocumentActors& actors,
                                        const Gazetteer& gazetteer);

}  // namespace parley
