// parley link: cross-document coreference of given mentions. Reads documents with their event
// and entity mentions (JSONL, one document a line), groups the documents by what they report
// and clusters the mentions (core/linker.h); prints one cluster a line, singletons included:
// {"cluster_id","type","mentions":[{"doc_id","start","end"}]}.
//
// Offsets are character (code point) offsets into "text", end exclusive, as in the linking
// bench's format; they are printed back as given. Any bad line stops the run with file:line.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/facts.h"
#include "core/linker.h"
#include "util/utf8.h"

namespace parley::cli {
namespace {

using json = nlohmann::json;

// Byte offset of each code point of `text`, plus one past the end (`text` is valid UTF-8).
std::vector<size_t> CodePointOffsets(const std::string& text) {
  std::vector<size_t> at;
  at.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsLeadByte(text[i])) at.push_back(i);
  }
  at.push_back(text.size());
  return at;
}

Status ReadId(const json& j, const char* key, std::string* out) {
  auto it = j.find(key);
  if (it == j.end()) return Status::InvalidInput(std::string(key) + ": missing");
  if (it->is_string()) {
    *out = it->get<std::string>();
  } else if (it->is_number_integer()) {
    *out = std::to_string(it->get<int64_t>());
  } else {
    return Status::InvalidInput(std::string(key) + ": expected a string");
  }
  if (out->empty()) return Status::InvalidInput(std::string(key) + ": empty");
  return Status::OK();
}

Status ReadOffset(const json& m, const char* key, const std::string& where, int64_t* out) {
  auto it = m.find(key);
  if (it == m.end() || !it->is_number_integer()) {
    return Status::InvalidInput(where + "." + key + ": expected an integer");
  }
  *out = it->get<int64_t>();
  return Status::OK();
}

Status ReadString(const json& m, const char* key, const std::string& where, std::string* out) {
  auto it = m.find(key);
  if (it == m.end() || it->is_null()) return Status::OK();
  if (!it->is_string()) return Status::InvalidInput(where + "." + key + ": expected a string");
  *out = it->get<std::string>();
  return Status::OK();
}

// Parses one document line into `docs` and its mentions into `mentions`.
Status ParseDocument(const std::string& line, std::vector<LinkDocument>* docs,
                     std::vector<LinkMention>* mentions) {
  if (size_t bad; !IsValidUtf8(line, &bad)) {
    return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(bad));
  }
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidInput("invalid JSON");
  if (!j.is_object()) return Status::InvalidInput("expected a JSON object");
  LinkDocument doc;
  PARLEY_RETURN_IF_ERROR(ReadId(j, "doc_id", &doc.id));
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) return Status::InvalidInput("text: expected a string");
  doc.text = text->get<std::string>();
  PARLEY_RETURN_IF_ERROR(ReadString(j, "date", "document", &doc.date));
  auto ms = j.find("mentions");
  if (ms == j.end() || !ms->is_array()) return Status::InvalidInput("mentions: expected an array");
  std::vector<size_t> cp = CodePointOffsets(doc.text);
  const int64_t length = static_cast<int64_t>(cp.size()) - 1;
  auto span = [&](int64_t s, int64_t e) { return doc.text.substr(cp[s], cp[e] - cp[s]); };
  const int index = static_cast<int>(docs->size());
  for (size_t i = 0; i < ms->size(); ++i) {
    const json& m = (*ms)[i];
    std::string where = "mentions[" + std::to_string(i) + "]";
    if (!m.is_object()) return Status::InvalidInput(where + ": expected an object");
    LinkMention lm;
    lm.doc = index;
    PARLEY_RETURN_IF_ERROR(ReadOffset(m, "start", where, &lm.start));
    PARLEY_RETURN_IF_ERROR(ReadOffset(m, "end", where, &lm.end));
    if (lm.start < 0 || lm.end <= lm.start || lm.end > length) {
      return Status::InvalidInput(where + ": offsets " + std::to_string(lm.start) + "-" +
                                  std::to_string(lm.end) + " outside the text (" +
                                  std::to_string(length) + " characters)");
    }
    PARLEY_RETURN_IF_ERROR(ReadString(m, "type", where, &lm.type));
    if (lm.type != "event" && lm.type != "entity") {
      return Status::InvalidInput(where + ".type: expected \"event\" or \"entity\"");
    }
    PARLEY_RETURN_IF_ERROR(ReadString(m, "tag", where, &lm.tag));
    PARLEY_RETURN_IF_ERROR(ReadString(m, "head", where, &lm.head));
    if (lm.head.empty() && m.contains("head_start") && m.contains("head_end")) {
      int64_t hs = 0, he = 0;
      PARLEY_RETURN_IF_ERROR(ReadOffset(m, "head_start", where, &hs));
      PARLEY_RETURN_IF_ERROR(ReadOffset(m, "head_end", where, &he));
      if (hs < 0 || he <= hs || he > length) {
        return Status::InvalidInput(where + ": head offsets outside the text");
      }
      lm.head = span(hs, he);
    }
    lm.text = span(lm.start, lm.end);
    mentions->push_back(std::move(lm));
  }
  docs->push_back(std::move(doc));
  return Status::OK();
}

}  // namespace

Status Link(const Args& args) {
  std::string format = args.Get("--format", "jsonl");
  if (format != "jsonl") return Status::Usage("--format: only jsonl is supported");
  if (args.positional().size() != 1) return Status::Usage("link takes one DOCS.jsonl file (or -)");
  const std::string& path = args.positional()[0];
  std::ifstream file;
  std::istream* in = &std::cin;
  std::string shown = path == "-" ? "stdin" : path;
  if (path != "-") {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Status::NotFound("no such file: " + path);
    if (std::filesystem::is_directory(path, ec)) {
      return Status::InvalidInput(path + " is a folder; link takes a JSONL file");
    }
    file.open(path, std::ios::binary);
    if (!file) return Status::IOError("cannot read " + path);
    in = &file;
  }
  Linker linker;
  PARLEY_RETURN_IF_ERROR(Linker::LoadDefault(&linker));

  std::vector<LinkDocument> docs;
  std::vector<LinkMention> mentions;
  std::map<std::string, int64_t> line_of_id;
  std::string line;
  for (int64_t n = 1; std::getline(*in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Status s = ParseDocument(line, &docs, &mentions);
    if (s.ok()) {
      auto [it, added] = line_of_id.emplace(docs.back().id, n);
      if (!added) {
        s = Status::InvalidInput("doc_id " + docs.back().id + " already on line " +
                                 std::to_string(it->second));
      }
    }
    if (!s.ok()) return s.WithContext(shown + ":" + std::to_string(n));
  }
  if (in->bad()) return Status::IOError("read failed: " + shown);

  std::vector<int> groups = linker.ClusterDocuments(docs, mentions);
  std::vector<int> cluster = linker.ClusterMentions(docs, groups, mentions);
  // Clusters in the order of their numbers, i.e. of their first mention.
  int count = 0;
  for (int c : cluster) count = std::max(count, c + 1);
  std::vector<std::vector<size_t>> members(count);
  for (size_t i = 0; i < mentions.size(); ++i) members[cluster[i]].push_back(i);
  for (int c = 0; c < count; ++c) {
    auto& ms = members[c];
    std::sort(ms.begin(), ms.end(), [&](size_t a, size_t b) {
      const LinkMention& x = mentions[a];
      const LinkMention& y = mentions[b];
      if (docs[x.doc].id != docs[y.doc].id) return docs[x.doc].id < docs[y.doc].id;
      return x.start != y.start ? x.start < y.start : x.end < y.end;
    });
    json out = {{"cluster_id", mentions[ms[0]].type + "-" + std::to_string(c + 1)},
                {"type", mentions[ms[0]].type},
                {"mentions", json::array()}};
    for (size_t i : ms) {
      const LinkMention& m = mentions[i];
      out["mentions"].push_back({{"doc_id", docs[m.doc].id}, {"start", m.start}, {"end", m.end}});
    }
    std::cout << out.dump() << "\n";
  }
  std::cout.flush();
  if (!std::cout) return Status::IOError("cannot write the output");
  return Status::OK();
}

}  // namespace parley::cli
