// Event coding: what a CAMEO code means to event-data users. For a code the verb dictionary
// gives ("0874", "163", "10"), its full form, root, GDELT QuadClass and Goldstein value, and
// its PLOVER event type, mode and context; and what the tables are read from:
//   data/gdelt/CAMEO.goldsteinscale.txt  GDELT's Goldstein value of every CAMEO code
//   data/gdelt/quad_class.tsv            the QuadClass of each root (1-4)
//   data/plover/cameo_plover.tsv         the CAMEO -> PLOVER crosswalk (CC BY-SA 4.0)
// A code a table lacks takes the value of its longest prefix the table holds (1952 -> 195),
// as the CAMEO hierarchy makes a sub-code a kind of its parent.
#pragma once

#include <string>
#include <unordered_map>

#include "core/facts.h"
#include "util/status.h"

namespace parley {

struct EventCode {
  std::string cameo;   // the full code: a bare root is written as its "not specified" code
                       // ("10" -> "100"), as GDELT's EventCode column does
  std::string root;    // the two-digit root ("10")
  int quad_class = 0;  // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
                       // 4 material conflict; 0 when the code is no CAMEO code
  double goldstein = 0;
  std::string plover_type, plover_mode, plover_context;
};

class EventCoding {
 public:
  // Reads the three tables; a malformed line is an error "FILE:LINE: what".
  static Status Load(const std::string& goldstein_file, const std::string& quad_file,
                     const std::string& plover_file, EventCoding* out);
  // The tables of the data folder, read once (thread-safe); null with the error in `status`
  // (if given) when they cannot be read.
  static const EventCoding* Default(Status* status = nullptr);

  // Codes `cameo` (2 to 4 digits). False, with `out` cleared, for anything else.
  bool Code(const std::string& cameo, EventCode* out) const;

  // Sets the coding fields of `e` from its cameo code (which becomes the full code) and its
  // status: PLOVER's context gains "historical" for a reported_past event, "future" for a
  // future one and "hypothetical" for a hypothetical or conditional one, as the PLOVER manual
  // asks the coder to mark them. An event whose code is no CAMEO code is left uncoded.
  void Fill(Event* e) const;

 private:
  struct Plover {
    std::string type, mode, context;
  };
  std::unordered_map<std::string, double> goldstein_;
  std::unordered_map<std::string, int> quad_;
  std::unordered_map<std::string, Plover> plover_;
};

}  // namespace parley
