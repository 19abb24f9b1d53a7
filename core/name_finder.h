// Name shapes: the word-level tests the actor finder uses to tell names of people and bodies
// from ordinary words without lists of names: a common English word is one WordNet knows
// and writes only in lower case ("says", "barriers"; not "Bush", "Okafor"); a title-case
// line (a headline) capitalises common words, which are then no names; honorifics ("Mr",
// "Lady", "Prof.") introduce a person; an all-capitals word is an acronym.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace parley {

// True if WordNet knows `word` (any case; as a noun, verb, adjective or adverb, inflected or
// not) and never writes it with a capital.
bool CommonWord(std::string_view word);

// True if the sentence is a title-case line: of its words of four letters or more, at least
// three, and all but one, start with a capital (and not every letter is a capital).
bool TitleCase(const std::vector<Token>& tokens);

// True if every letter of the sentence's words is a capital (a wire headline in capitals).
bool AllCaps(const std::vector<Token>& tokens);

// True for an honorific written before a person's name ("Mr", "Mrs.", "Dr", "Lady", "Sir").
bool Honorific(std::string_view word);

// True for an acronym: 2 to 6 capital letters (digits and '&' allowed after the first).
bool Acronym(std::string_view word);

// True for the lower-case particles inside people's names ("de", "van", "bin", "al").
bool NameParticle(std::string_view word);

// The lemma of `word` read as a noun, lower case ("protesters" -> "protester").
std::string NounLemma(std::string_view word);

}  // namespace parley
