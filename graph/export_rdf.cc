// N-Triples and Turtle: nodes and relationships as resources under Parley's IRIs (export.h).
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

#include "graph/export_writer.h"
#include "util/strings.h"

namespace parley::exporting {
namespace {

// An IRI-safe name: letters, digits, '_' and '-' kept, anything else percent-encoded.
std::string IriName(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '_' || c == '-') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string Iri(std::string_view prefix, std::string_view rest) {
  return "<" + std::string(prefix) + std::string(rest) + ">";
}

// One literal with its XML Schema datatype.
std::string Literal(const Value& v) {
  const std::string xsd = "^^<http://www.w3.org/2001/XMLSchema#";
  switch (v.type()) {
    case Value::Type::kBool:
      return Quoted(v.as_bool() ? "true" : "false", true) + xsd + "boolean>";
    case Value::Type::kInt:
      return Quoted(std::to_string(v.as_int()), true) + xsd + "integer>";
    case Value::Type::kFloat: {
      double d = v.as_float();
      std::string text = std::isnan(d)   ? "NaN"
                         : std::isinf(d) ? (d > 0 ? "INF" : "-INF")
                                         : ShortestDouble(d);
      return Quoted(text, true) + xsd + "double>";
    }
    default:
      return Quoted(Text(v), true);
  }
}

}  // namespace

// N-Triples, or with `turtle` Turtle: the same triples (N-Triples is a subset of Turtle)
// after prefix declarations, so that a Turtle reader and a person see the vocabulary.
Status WriteTriples(const GraphStore& store, std::ostream& out, const ExportOptions& opt,
                    bool turtle) {
  if (turtle) {
    out << "@prefix parley: <" << kVocabIri << "> .\n"
        << "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        << "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n";
  }
  const std::string rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
  auto properties = [&](const std::string& subject, const PropertyMap& props) {
    for (const auto& [k, v] : props) {
      // A list becomes one triple per item.
      if (v.is_list()) {
        for (const Value& item : v.as_list()) {
          out << subject << " " << Iri(kVocabIri, IriName(k)) << " " << Literal(item) << " .\n";
        }
      } else {
        out << subject << " " << Iri(kVocabIri, IriName(k)) << " " << Literal(v) << " .\n";
      }
    }
  };
  return Walk(
      store, opt,
      [&](const Node& n) {
        std::string s = Iri(kNodeIri, std::to_string(n.id));
        for (const auto& l : n.labels)
          out << s << " " << rdf_type << " " << Iri(kVocabIri, IriName(l)) << " .\n";
        properties(s, n.properties);
        return WriteStatus(out);
      },
      [&](const Relationship& r) {
        // The relationship as one direct triple, and as a resource carrying its properties.
        std::string s = Iri(kNodeIri, std::to_string(r.start));
        std::string o = Iri(kNodeIri, std::to_string(r.end));
        std::string rel = Iri(kRelIri, std::to_string(r.id));
        out << s << " " << Iri(kVocabIri, IriName(r.type)) << " " << o << " .\n";
        out << rel << " " << rdf_type << " " << Iri(kVocabIri, IriName(r.type)) << " .\n";
        out << rel << " " << Iri(kVocabIri, "start") << " " << s << " .\n";
        out << rel << " " << Iri(kVocabIri, "end") << " " << o << " .\n";
        properties(rel, r.properties);
        return WriteStatus(out);
      });
}

}  // namespace parley::exporting
