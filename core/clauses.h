// Clause extraction: from a Link Grammar analysis to clauses — who (subject), the predicate
// (auxiliaries, negation, verb, particle), what (object) and further arguments — the raw
// material of open triples and typed events.
//
// It walks the constituent tree the way ClausIE walks a dependency tree: every verb group with
// its subject (inherited through coordination, control verbs and relative pronouns) becomes a
// clause; noun phrases, prepositional phrases and complement clauses after it become its
// object and arguments. Complement clauses are extracted too and linked to their governing
// clause, which is how "X demanded that Y lift sanctions" yields both the demand and its content.
#pragma once

#include <string>
#include <vector>

#include "core/link_parser.h"

namespace parley {

// A range of words of the ParseTree, inclusive; empty when first < 0.
struct WordSpan {
  int first = -1;
  int last = -1;
  bool empty() const { return first < 0; }
};

struct Clause {
  WordSpan subject;
  std::vector<int> predicate;  // words of the relation phrase, in order
  int verb = -1;               // the main (last content) verb of the predicate
  WordSpan object;             // first complement (NP, clause, or PP object when the
                               // predicate took its preposition)
  std::vector<WordSpan> args;  // further complements (PPs, adverbials)
  bool negated = false;
  std::string modal;  // "must", "should", "may", ... if the predicate has one
  bool passive = false;
  bool infinitive = false;         // the clause is a "to ..." complement
  int parent = -1;                 // the clause whose complement this clause is
  WordSpan complement;             // the complement clause's span, if the object is a clause
  int complement_clause = -1;      // index of the clause extracted from that complement
  bool subject_inherited = false;  // subject taken from a governing or coordinated clause
};

// Word classes read off Link Grammar's subscripts and a closed-class list.
bool IsVerbWord(const ParsedWord& w);
bool IsAuxiliary(const std::string& lower_word);
bool IsModal(const std::string& lower_word);

// How plausible an analysis looks to clause extraction: clauses with a subject and a verb
// count, verbs read as nouns after "to" and verb phrases without a verb count against.
int ClauseScore(const ParseTree& tree);

// Extracts the clauses of one parsed sentence.
std::vector<Clause> ExtractClauses(const ParseTree& tree);

}  // namespace parley
