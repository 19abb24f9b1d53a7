// Hand edits: changes made by query (SET, REMOVE, DELETE, DETACH DELETE) to nodes and
// relationships built from extracted facts, recorded so that a later ingest of the articles
// they came from, which rebuilds those elements from the text, does not undo them.
//
// An element built from facts has an id derived from its canonical key (graph_model.cc), so a
// re-extraction that finds the same fact gives it the same id: that id is what an edit is
// keyed by. An edit is a node labelled Edit, written in the same atomic batch as the change:
//   seq, at (ISO 8601 UTC), user, query (the text), element ("node" or "relationship"),
//   element_id (the id, in decimal), target (a readable form of the element), articles (where
//   the element came from), deleted (true for DELETE), removed (property keys), labels_added,
//   labels_removed, and "set.KEY" for each property set to a value.
// Being ordinary nodes, edits show in queries:  MATCH (e:Edit) RETURN e.seq, e.target, e.user
// After an article is stored, ReapplyEdits makes every edit of an element the article put hold
// again, in the order the edits were made.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

struct HandEdit {
  int64_t seq = 0;
  std::string at, user, query;
  bool relationship = false;
  uint64_t element = 0;
  std::string target;                 // readable: labels and id, or type and ends
  std::vector<std::string> articles;  // the articles the element came from
  bool deleted = false;
  PropertyMap set;                   // properties given a value
  std::vector<std::string> removed;  // properties taken away
  std::vector<std::string> labels_added, labels_removed;
};

// The time now as ISO 8601 UTC ("2026-03-01T12:00:00Z").
std::string UtcNow();

// Every edit of `store`, by seq.
Status LoadEdits(const GraphStore& store, std::vector<HandEdit>* edits,
                 const Snapshot* snap = nullptr);

// Numbers `edits` after the stored ones, stamps them with the time, and adds their nodes to
// `batch`.
Status RecordEdits(const GraphStore& store, std::vector<HandEdit>* edits, GraphBatch* batch);

// The edits of `edits` by the element they change, each list in seq order.
using EditIndex = std::map<std::pair<bool, uint64_t>, std::vector<HandEdit>>;
EditIndex IndexEdits(const std::vector<HandEdit>& edits);

// Makes the edits of every element `facts` puts hold again (elements that are gone, or
// already as the edits leave them, need nothing), in one atomic write. `*applied` (optional)
// receives the number of elements changed.
Status ReapplyEdits(GraphStore* store, const EditIndex& index, const GraphBatch& facts,
                    int* applied = nullptr);

// Deletes the record of edit `seq` (the change it made stays; a later ingest no longer
// repeats it). kNotFound if there is none.
Status DropEdit(GraphStore* store, int64_t seq);

}  // namespace parley
