#include "core/petrarch_dictionary.h"

#include <map>

#include "util/strings.h"

namespace parley {
namespace {

// One line of a dictionary with its comment taken off.
struct Line {
  int number = 0;
  std::string_view text;  // trimmed, without the comment
  std::string_view note;  // the '#' comment's text, trimmed
};

// Splits `text` into lines without comments, skipping empty ones. XML comments may span lines.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}

  bool Next(Line* out) {
    while (pos_ < text_.size()) {
      size_t nl = text_.find('\n', pos_);
      if (nl == std::string_view::npos) nl = text_.size();
      std::string_view raw = text_.substr(pos_, nl - pos_);
      pos_ = nl + 1;
      ++number_;
      std::string kept;
      std::string_view rest = raw;
      // XML comments: what is inside is dropped, over as many lines as it runs.
      std::string buf;
      while (!rest.empty()) {
        if (in_xml_comment_) {
          size_t end = rest.find("-->");
          if (end == std::string_view::npos) {
            rest = {};
            break;
          }
          rest.remove_prefix(end + 3);
          in_xml_comment_ = false;
          continue;
        }
        size_t start = rest.find("<!--");
        size_t hash = rest.find('#');
        if (start != std::string_view::npos && (hash == std::string_view::npos || start < hash)) {
          buf.append(rest.substr(0, start));
          rest.remove_prefix(start + 4);
          in_xml_comment_ = true;
          continue;
        }
        buf.append(rest);
        rest = {};
      }
      line_ = std::move(buf);
      std::string_view l = line_;
      std::string_view note;
      size_t hash = l.find('#');
      if (hash != std::string_view::npos) {
        note = Trim(l.substr(hash + 1));
        // "#MleH 23 Jul 2009# NGO_Actors": only the first comment's text is a note.
        size_t second = note.find('#');
        if (second != std::string_view::npos) note = Trim(note.substr(0, second));
        l = l.substr(0, hash);
      }
      l = Trim(l);
      // "<!" lines that are not comments are directives of other tools (XML headers).
      if (l.empty() || l.substr(0, 2) == "<!") continue;
      out->number = number_;
      out->text = l;
      out->note = note;
      return true;
    }
    return false;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int number_ = 0;
  bool in_xml_comment_ = false;
  std::string line_;
};

Status LineError(const std::string& path, int line, const std::string& what) {
  return Status::InvalidInput(path + ":" + std::to_string(line) + ": " + what);
}

// A phrase's words (split at '_' and blanks), upper-cased and joined by ' '; empty if none.
std::string Phrase(std::string_view s) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += word;
    word.clear();
  };
  for (char c : s) {
    if (c == '_' || IsSpace(c)) {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return Upper(out);
}

bool IsCodeChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '~';
}

// Reads the inside of one "[CODE ...]".
Status ReadRestriction(std::string_view inside, PetrarchCode* out, std::string* what) {
  inside = Trim(inside);
  size_t sp = 0;
  while (sp < inside.size() && !IsSpace(inside[sp])) ++sp;
  std::string_view code = inside.substr(0, sp);
  std::string_view dates = Trim(inside.substr(sp));
  if (code.empty()) {
    *what = "empty code '[]'";
    return Status::InvalidInput("");
  }
  for (char c : code) {
    if (!IsCodeChar(c)) {
      *what = "bad character '" + std::string(1, c) + "' in code '" + std::string(code) + "'";
      return Status::InvalidInput("");
    }
  }
  out->code = Upper(code);
  if (dates.empty()) return Status::OK();
  out->dated = true;
  auto date = [&](std::string_view d, int32_t* day) {
    if (ParsePetrarchDate(d, day)) return true;
    *what = "bad date '" + std::string(d) + "' (expected YYYYMMDD or YYMMDD)";
    return false;
  };
  // "> 140608": a blank after the sign is read as PETRARCH reads it.
  std::string squeezed;
  if ((dates[0] == '<' || dates[0] == '>') && dates.size() > 1 && IsSpace(dates[1])) {
    squeezed = std::string(1, dates[0]) + std::string(Trim(dates.substr(1)));
    dates = squeezed;
  }
  if (dates.find_first_of(" \t") != std::string_view::npos) {
    *what = "unexpected text '" + std::string(dates) + "' after the code's date";
    return Status::InvalidInput("");
  }
  if (dates[0] == '<' || dates[0] == '>') {
    int32_t d;
    if (!date(Trim(dates.substr(1)), &d)) return Status::InvalidInput("");
    (dates[0] == '<' ? out->to : out->from) = d;
    return Status::OK();
  }
  size_t dash = dates.find('-');
  if (dash == std::string_view::npos) {
    // A lone date reads as PETRARCH reads it: from that day on.
    if (!date(dates, &out->from)) return Status::InvalidInput("");
    return Status::OK();
  }
  std::string_view a = dates.substr(0, dash), b = dates.substr(dash + 1);
  if (a.empty() && b.empty()) {
    *what = "date restriction '-' names no date";
    return Status::InvalidInput("");
  }
  if (!a.empty() && !date(a, &out->from)) return Status::InvalidInput("");
  if (!b.empty() && !date(b, &out->to)) return Status::InvalidInput("");
  return Status::OK();
}

// Reads every "[...]" of `s` (nothing else may be there but blanks) into `codes`.
Status ReadRestrictions(const std::string& path, int line, std::string_view s,
                        std::string_view note, std::vector<PetrarchCode>* codes) {
  s = Trim(s);
  while (!s.empty()) {
    if (s[0] != '[') {
      // Text after the codes is a remark (the MNC lists carry a sector and a turnover there),
      // unless it looks like a code gone wrong.
      if (!codes->empty() && s.find_first_of("[]") == std::string_view::npos) return Status::OK();
      return LineError(path, line,
                       "unexpected text '" + std::string(s) + "' (expected [CODE ...])");
    }
    size_t close = s.find(']');
    size_t open = s.find('[', 1);
    if (close == std::string_view::npos || (open != std::string_view::npos && open < close)) {
      return LineError(path, line, "'[' without its ']'");
    }
    PetrarchCode c;
    std::string what;
    if (!ReadRestriction(s.substr(1, close - 1), &c, &what).ok())
      return LineError(path, line, what);
    c.note = std::string(note);
    codes->push_back(std::move(c));
    s = Trim(s.substr(close + 1));
  }
  return Status::OK();
}

std::string RegularPlural(const std::string& p) {
  if (p.empty()) return p;
  if (p.back() == 'Y') return p.substr(0, p.size() - 1) + "IES";
  if (p.back() == 'S') return p + "ES";
  return p + "S";
}

}  // namespace

bool ParsePetrarchDate(std::string_view s, int32_t* day) {
  // Six digits (YYMMDD) or eight (YYYYMMDD). As in PETRARCH, seven are read as YYMMDD, and
  // of more than eight only the first eight count.
  if (s.size() < 6) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  int year, month, d;
  if (s.size() >= 8) {
    year = std::stoi(std::string(s.substr(0, 4)));
    month = std::stoi(std::string(s.substr(4, 2)));
    d = std::stoi(std::string(s.substr(6, 2)));
  } else {
    year = std::stoi(std::string(s.substr(0, 2)));
    year += year <= 30 ? 2000 : 1900;
    month = std::stoi(std::string(s.substr(2, 2)));
    d = std::stoi(std::string(s.substr(4, 2)));
  }
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || d < 1 || d > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && d == 29 && !leap) return false;
  *day = year * 10000 + month * 100 + d;
  return true;
}

Status ReadPetrarchActors(const std::string& path, std::string_view text,
                          std::vector<PetrarchActor>* out) {
  out->clear();
  Lines lines(text);
  Line l;
  while (lines.Next(&l)) {
    if (l.text[0] == '[') {
      if (out->empty()) return LineError(path, l.number, "a code line before any actor");
      PARLEY_RETURN_IF_ERROR(ReadRestrictions(path, l.number, l.text, l.note, &out->back().codes));
      continue;
    }
    if (l.text[0] == '+') {
      if (out->empty()) return LineError(path, l.number, "a synonym ('+') before any actor");
      std::string_view s = l.text.substr(1);
      size_t bracket = s.find('[');
      std::string p = Phrase(s.substr(0, bracket));
      if (p.empty()) return LineError(path, l.number, "empty synonym");
      out->back().phrases.push_back(std::move(p));
      if (bracket != std::string_view::npos) {
        PARLEY_RETURN_IF_ERROR(
            ReadRestrictions(path, l.number, s.substr(bracket), l.note, &out->back().codes));
      }
      continue;
    }
    if (l.text.find(']') != std::string_view::npos && l.text.find('[') == std::string_view::npos) {
      return LineError(path, l.number, "']' without its '['");
    }
    size_t bracket = l.text.find('[');
    PetrarchActor a;
    a.line = l.number;
    std::string_view phrase = l.text.substr(0, bracket);
    for (char c : phrase) {
      if (c == '{' || c == '}' || c == ']') {
        return LineError(path, l.number, "unexpected '" + std::string(1, c) + "' in actor phrase");
      }
    }
    a.phrases.push_back(Phrase(phrase));
    if (bracket != std::string_view::npos) {
      PARLEY_RETURN_IF_ERROR(
          ReadRestrictions(path, l.number, l.text.substr(bracket), l.note, &a.codes));
    }
    out->push_back(std::move(a));
  }
  return Status::OK();
}

Status ReadPetrarchAgents(const std::string& path, std::string_view text,
                          std::vector<PetrarchAgent>* out, std::vector<std::string>* warnings) {
  out->clear();
  std::map<std::string, std::vector<std::string>> sets;  // substitution sets by marker name
  Lines lines(text);
  Line l;
  while (lines.Next(&l)) {
    std::string_view s = l.text;
    size_t bang = s.find('!');
    size_t eq = s.find('=');
    if (bang != std::string_view::npos && eq != std::string_view::npos && bang < eq) {
      size_t bang2 = s.find('!', bang + 1);
      if (bang2 == std::string_view::npos || bang2 > eq) {
        return LineError(path, l.number, "substitution set needs '!NAME! = A, B, ...'");
      }
      std::string name(s.substr(bang + 1, bang2 - bang - 1));
      std::vector<std::string>& members = sets[name];
      members.clear();
      std::string_view list = s.substr(eq + 1);
      while (!list.empty()) {
        size_t comma = list.find(',');
        std::string m = Phrase(list.substr(0, comma));
        if (!m.empty()) members.push_back(std::move(m));
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
      }
      if (members.empty())
        return LineError(path, l.number, "substitution set !" + name + "! is empty");
      continue;
    }
    size_t open = s.find('[');
    if (open == std::string_view::npos) {
      if (s.find(']') != std::string_view::npos)
        return LineError(path, l.number, "']' without its '['");
      if (warnings) {
        warnings->push_back(path + ":" + std::to_string(l.number) + ": agent '" + std::string(s) +
                            "' has no [code]; line skipped");
      }
      continue;
    }
    size_t close = s.find_first_of("]}", open + 1);
    if (close == std::string_view::npos) return LineError(path, l.number, "'[' without its ']'");
    if (!Trim(s.substr(close + 1)).empty()) {
      return LineError(
          path, l.number,
          "unexpected text '" + std::string(Trim(s.substr(close + 1))) + "' after the code");
    }
    std::string_view code = Trim(s.substr(open + 1, close - open - 1));
    PetrarchAgent a;
    a.line = l.number;
    size_t tilde = code.find('~');
    if (code.empty() || tilde == std::string_view::npos ||
        code.find('~', tilde + 1) != std::string_view::npos ||
        (tilde != 0 && tilde != code.size() - 1) || code.size() == 1) {
      return LineError(
          path, l.number,
          "agent code '" + std::string(code) + "' needs one '~' before or after it (~GOV, NGO~)");
    }
    a.before = tilde != 0;
    std::string_view bare = a.before ? code.substr(0, code.size() - 1) : code.substr(1);
    for (char c : bare) {
      if (!IsCodeChar(c) || c == '~') {
        return LineError(
            path, l.number,
            "bad character '" + std::string(1, c) + "' in agent code '" + std::string(code) + "'");
      }
    }
    a.code = Upper(bare);
    std::string_view head = s.substr(0, open);
    std::string plural;
    bool explicit_plural = false;
    size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      size_t brace2 = head.find('}', brace);
      if (brace2 == std::string_view::npos) return LineError(path, l.number, "'{' without its '}'");
      if (!Trim(head.substr(brace2 + 1)).empty()) {
        return LineError(path, l.number, "unexpected text after the plural '{...}'");
      }
      plural = Phrase(head.substr(brace + 1, brace2 - brace - 1));
      explicit_plural = true;
      head = head.substr(0, brace);
    } else if (head.find('}') != std::string_view::npos) {
      return LineError(path, l.number, "'}' without its '{'");
    }
    std::string raw = std::string(Trim(head));
    size_t m1 = raw.find('!');
    if (m1 != std::string::npos) {
      size_t m2 = raw.find('!', m1 + 1);
      if (m2 == std::string::npos)
        return LineError(path, l.number, "substitution marker '!' without its closing '!'");
      std::string name = raw.substr(m1 + 1, m2 - m1 - 1);
      auto it = sets.find(name);
      if (it == sets.end())
        return LineError(path, l.number, "substitution set !" + name + "! is not defined above");
      for (const std::string& m : it->second) {
        PetrarchAgent e = a;
        e.phrase = Phrase(raw.substr(0, m1) + m + raw.substr(m2 + 1));
        if (!e.phrase.empty()) out->push_back(std::move(e));
      }
      continue;
    }
    a.phrase = Phrase(raw);
    if (a.phrase.empty()) return LineError(path, l.number, "agent code with no phrase");
    if (!explicit_plural) plural = RegularPlural(a.phrase);
    out->push_back(a);
    if (!plural.empty() && plural != a.phrase) {
      a.phrase = plural;
      out->push_back(std::move(a));
    }
  }
  return Status::OK();
}

DictionaryFormat DetectDictionaryFormat(std::string_view path, std::string_view text) {
  std::string p = Upper(path);
  auto has = [&](std::string_view ext) {
    return p.size() >= ext.size() && (p.compare(p.size() - ext.size(), ext.size(), ext) == 0 ||
                                      p.find(std::string(ext) + ".") != std::string::npos);
  };
  if (p.size() >= 5 && p.compare(p.size() - 5, 5, ".JSON") == 0) return DictionaryFormat::kJson;
  if (has(".AGENTS")) return DictionaryFormat::kAgents;
  if (has(".ACTORS")) return DictionaryFormat::kActors;
  std::string_view t = Trim(text);
  if (!t.empty() && (t[0] == '{' || t[0] == '[')) return DictionaryFormat::kJson;
  Lines lines(text);
  Line l;
  int seen = 0;
  while (lines.Next(&l) && seen++ < 200) {
    size_t open = l.text.rfind('[');
    if (open == std::string_view::npos) continue;
    std::string_view code = l.text.substr(open + 1);
    if (!code.empty() && (code[0] == '~' || code.find("~]") != std::string_view::npos))
      return DictionaryFormat::kAgents;
  }
  return DictionaryFormat::kActors;
}

}  // namespace parley
