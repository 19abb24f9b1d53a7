// Places: where the events of a document happened.
//
// Two sources name a place. The dateline ("KYIV, Ukraine (AP) —", "WASHINGTON —", "Paris,
// March 3 (Reuters) -") says where the report was filed; a name after a locative word in a
// sentence ("in Paris", "near the town of Bakhmut", "in eastern Ukraine", "at Kuwait's port")
// says where something happened there. A name elsewhere is not taken as a place: a capital or
// country as a sentence's subject ("Moscow rejected the offer", "Iran said") is a government,
// which the actor mentions (core/mentions.h) already read as one.
//
// A name may be several places (Paris in France, Texas or Ontario; Georgia the country or the
// US state). The choice: a qualifier written after the name wins ("Paris, Texas", "ATLANTA,
// Ga."); a cue before it narrows the kind ("the state of Georgia", "the republic of Georgia");
// else each candidate scores its size (a city by population, a country above any city, a
// region in between) plus the context: the dateline's country and region, the other places
// the article names, and the countries of the actors it names.
//
// An event takes the place its sentence names nearest its words, else the dateline's.
#pragma once

#include <string_view>
#include <vector>

#include "core/facts.h"
#include "core/gazetteer.h"
#include "core/mentions.h"
#include "core/text.h"

namespace parley {

struct PlaceMention {
  int sentence = 0;
  int32_t start = 0;  // byte span of the name in the document
  int32_t end = 0;
  bool dateline = false;
  EventPlace place;  // resolved
};

struct DocumentPlaces {
  std::vector<PlaceMention> mentions;  // in text order; the dateline's first if any
  int dateline = -1;                   // index into mentions, -1 if the article has none
};

// Finds and resolves the places `text` names (split into `sentences`, with its actor
// mentions). The dateline is looked for at the start of sentence `article_start` (where the
// article's own text begins when its headline was put before it).
DocumentPlaces FindPlaces(const Gazetteer& gazetteer, std::string_view text,
                          const std::vector<Sentence>& sentences, const DocumentActors& actors,
                          size_t article_start = 0);

// Where a fact of sentence `sentence` spanning bytes [start, end) of the document happened:
// the place its sentence names nearest that span, else the dateline's; null when neither names
// one.
const PlaceMention* PlaceOf(const DocumentPlaces& places, int64_t sentence, int64_t start,
                            int64_t end);

// Sets each event's place: the one its sentence names nearest its span, else the dateline's.
void PlaceEvents(const DocumentPlaces& places, std::vector<Event>* events);

}  // namespace parley
