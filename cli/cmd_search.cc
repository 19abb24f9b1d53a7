// parley search: the store's full-text index asked from the command line. Each hit is a node
// or relationship whose demand text, quote, name, aliases or title hold the words (or the
// "quoted phrases") asked for, ranked by BM25, with what it is, its score, the text that
// matched and the article and sentence it comes from.
//
// parley reindex: builds the full-text index again from every stored node and relationship
// (a store written before the index existed gets it at its first open for writing anyway).
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <iostream>
#include <set>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "query/result_format.h"
#include "storage/fulltext_index.h"
#include "storage/graph_store.h"

namespace parley::cli {
namespace {

// The words a query asks for, lower-cased as the index keeps them.
std::set<std::string> QueryWords(const fulltext::Query& q) {
  std::set<std::string> words;
  for (const auto& part : q.parts) words.insert(part.begin(), part.end());
  return words;
}

// The first indexed text of `props` (in fulltext::kTextProperties order, a list item by
// item) that holds one of `words`, else the first indexed text at all.
std::string MatchedText(const PropertyMap& props, const std::set<std::string>& words) {
  std::string first;
  for (const char* name : fulltext::kTextProperties) {
    auto it = props.find(name);
    if (it == props.end()) continue;
    std::vector<const Value*> values;
    if (it->second.is_list()) {
      for (const Value& v : it->second.as_list()) values.push_back(&v);
    } else {
      values.push_back(&it->second);
    }
    for (const Value* v : values) {
      if (!v->is_string()) continue;
      if (first.empty()) first = v->as_string();
      for (const std::string& w : fulltext::Tokens(v->as_string())) {
        if (words.count(w)) return v->as_string();
      }
    }
  }
  return first;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

// What one hit shows: its kind, id, matched text, articles and the sentence stating it.
struct Shown {
  std::string kind, id, text, articles, quote;
};

// The articles a node came from: itself for an article, those its REPORTED_IN
// relationships point at for an event (with the first one's quote), else those that
// contributed it.
Status DescribeNode(const GraphStore& store, const Snapshot* snap, NodeId id,
                    const std::set<std::string>& words, Shown* out) {
  Node n;
  PARLEY_RETURN_IF_ERROR(store.GetNode(id, &n, snap));
  std::vector<std::string> labels = n.labels;
  out->kind = Join(labels);
  out->id = StringProperty(n.properties, "id");
  out->text = MatchedText(n.properties, words);
  if (std::find(labels.begin(), labels.end(), "Article") != labels.end()) {
    out->articles = out->id;
    return Status::OK();
  }
  std::vector<std::string> articles;
  auto c = store.Neighbours(id, Direction::kOutgoing, "REPORTED_IN", snap);
  for (; c->Valid(); c->Next()) {
    Node a;
    PARLEY_RETURN_IF_ERROR(store.GetNode(c->entry().other, &a, snap));
    articles.push_back(StringProperty(a.properties, "id"));
    if (out->quote.empty()) {
      Relationship r;
      PARLEY_RETURN_IF_ERROR(store.GetRelationship(c->entry().rel, &r, snap));
      out->quote = StringProperty(r.properties, "quote");
    }
  }
  PARLEY_RETURN_IF_ERROR(c->status());
  if (articles.empty()) PARLEY_RETURN_IF_ERROR(store.Sources(false, id, &articles, snap));
  out->articles = Join(articles);
  return Status::OK();
}

// A relationship: its type, its start node's id (the event a REPORTED_IN reports, the actor
// of a stance), the matched text, and the article it names (its end for
// REPORTED_IN, its `articles` for a stance) with its quote.
Status DescribeRelationship(const GraphStore& store, const Snapshot* snap, RelId id,
                            const std::set<std::string>& words, Shown* out) {
  Relationship r;
  PARLEY_RETURN_IF_ERROR(store.GetRelationship(id, &r, snap));
  out->kind = r.type;
  Node from;
  PARLEY_RETURN_IF_ERROR(store.GetNode(r.start, &from, snap));
  out->id = StringProperty(from.properties, "id");
  out->text = MatchedText(r.properties, words);
  out->quote = StringProperty(r.properties, "quote");
  std::vector<std::string> articles;
  if (auto it = r.properties.find("articles"); it != r.properties.end() && it->second.is_list()) {
    for (const Value& v : it->second.as_list()) {
      if (v.is_string()) articles.push_back(v.as_string());
    }
  } else if (r.type == "REPORTED_IN") {
    Node a;
    PARLEY_RETURN_IF_ERROR(store.GetNode(r.end, &a, snap));
    articles.push_back(StringProperty(a.properties, "id"));
  } else {
    PARLEY_RETURN_IF_ERROR(store.Sources(true, id, &articles, snap));
  }
  out->articles = Join(articles);
  return Status::OK();
}

}  // namespace

Status Search(const Args& args) {
  if (args.positional().empty()) return Status::Usage("search needs the text to look for");
  std::string text;
  for (const auto& p : args.positional()) text += (text.empty() ? "" : " ") + p;
  OutputFormat format = OutputFormat::kTable;
  PARLEY_RETURN_IF_ERROR(ParseOutputFormat(args.Get("--format", "table"), &format));
  size_t limit = 10;
  if (args.Has("--limit")) {
    std::string n = args.Get("--limit");
    auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), limit);
    if (n.empty() || ec != std::errc() || end != n.data() + n.size() || limit < 1) {
      return Status::Usage("--limit: expected a positive whole number, got '" + n + "'");
    }
  }
  fulltext::Query query;
  PARLEY_RETURN_IF_ERROR(fulltext::ParseQuery(text, &query));
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &store));
  auto snap = store->GetSnapshot();
  std::vector<fulltext::Hit> hits;
  PARLEY_RETURN_IF_ERROR(store->SearchText(text, limit, &hits, snap.get()));
  std::set<std::string> words = QueryWords(query);
  auto out = ResultWriter::Make(format, std::cout);
  out->Begin({"score", "kind", "id", "text", "article", "quote"});
  for (const auto& h : hits) {
    Shown s;
    if (h.kind == fulltext::kNodeKind) {
      PARLEY_RETURN_IF_ERROR(DescribeNode(*store, snap.get(), h.id, words, &s));
    } else {
      PARLEY_RETURN_IF_ERROR(DescribeRelationship(*store, snap.get(), h.id, words, &s));
    }
    // Four decimals: enough to rank by eye, and the same bytes on every machine.
    double score = std::round(h.score * 10000) / 10000;
    out->Row({score, s.kind, s.id, s.text, s.articles, s.quote});
  }
  out->End();
  return Status::OK();
}

Status Reindex(const Args& args) {
  if (!args.positional().empty()) return Status::Usage("reindex takes no arguments");
  auto start = std::chrono::steady_clock::now();
  // A store without the index builds it when opened for writing; any other is rebuilt here.
  bool had_index = true;
  {
    std::unique_ptr<GraphStore> reader;
    PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &reader));
    std::vector<fulltext::Hit> hits;
    had_index = reader->SearchText("a", 1, &hits).code() != Status::Code::kIncompatible;
  }
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/false, &store));
  if (had_index) PARLEY_RETURN_IF_ERROR(store->RebuildTextIndex());
  PARLEY_RETURN_IF_ERROR(store->Close());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "parley: full-text index of " << store->dir() << " built in "
            << std::round(seconds * 100) / 100 << " s\n";
  return Status::OK();
}

}  // namespace parley::cli
