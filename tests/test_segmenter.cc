// Segmenter: tokens and sentences of news text, by byte offsets that always point back at the
// original text, and no crash or slowdown on any input.
#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/segmenter.h"

using namespace parley;

namespace {

std::vector<std::string> Toks(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text, 0, int32_t(text.size()))) out.push_back(t.text);
  return out;
}

std::vector<std::string> Sents(const std::string& text) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text)) {
    out.push_back(text.substr(size_t(s.start), size_t(s.end - s.start)));
  }
  return out;
}

// Bytes a token may leave out: ASCII whitespace and controls, and the Unicode spaces and
// breaks used in the tests below. Returns the length of the whitespace at p, or 0.
size_t SpaceAt(const std::string& s, size_t p) {
  const unsigned char b = static_cast<unsigned char>(s[p]);
  if (b < 0x20 || b == ' ' || b == 0x7f) return 1;
  for (const char* ws :
       {"\xC2\xA0", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\x89", "\xEF\xBB\xBF"}) {
    if (s.compare(p, std::string(ws).size(), ws) == 0) return std::string(ws).size();
  }
  return 0;
}

// Checks every promise about offsets: tokens are exact non-empty substrings in order without
// overlap, sentences hold them in order without overlap, and (if `check_gaps`) nothing but
// whitespace is left between tokens. Returns what is wrong, or "" (one REQUIRE per text keeps
// million-token inputs fast).
std::string IntegrityError(const std::string& text, const std::vector<Sentence>& sentences,
                           bool check_gaps) {
  const int32_t size = int32_t(text.size());
  int32_t prev_end = 0;
  size_t covered = 0;  // bytes before this are accounted for
  auto gap_error = [&](size_t from, size_t to) -> std::string {
    if (!check_gaps) return "";
    for (size_t p = from; p < to;) {
      const size_t n = SpaceAt(text, p);
      if (n == 0) return "non-space byte left out at " + std::to_string(p);
      p += n;
    }
    return "";
  };
  for (const Sentence& s : sentences) {
    auto at = [&](const char* what) {
      return "sentence at " + std::to_string(s.start) + ": " + what;
    };
    if (s.tokens.empty()) return at("no tokens");
    if (s.start < prev_end) return at("overlaps the one before");
    if (s.start != s.tokens.front().start || s.end != s.tokens.back().end) {
      return at("span differs from its tokens");
    }
    for (const Token& t : s.tokens) {
      auto tat = [&](const char* what) {
        return "token at " + std::to_string(t.start) + ": " + what;
      };
      if (t.start < prev_end) return tat("out of order");
      if (t.end <= t.start || t.end > size) return tat("bad end");
      if (std::string_view(t.text) !=
          std::string_view(text).substr(size_t(t.start), size_t(t.end - t.start))) {
        return tat("text differs");
      }
      if (check_gaps) {
        if (std::string e = gap_error(covered, size_t(t.start)); !e.empty()) return e;
      }
      covered = size_t(t.end);
      prev_end = t.end;
    }
  }
  return gap_error(covered, text.size());
}

void CheckIntegrity(const std::string& text, const std::vector<Sentence>& sentences,
                    bool check_gaps) {
  const std::string error = IntegrityError(text, sentences, check_gaps);
  INFO(error);
  REQUIRE(error.empty());
}

// Tokenizing each sentence's span on its own gives the tokens the splitter gave it.
void CheckRetokenize(const std::string& text, const std::vector<Sentence>& sentences) {
  for (const Sentence& s : sentences) {
    const std::vector<Token> again = Tokenize(text, s.start, s.end);
    bool same = again.size() == s.tokens.size();
    for (size_t i = 0; same && i < again.size(); ++i) {
      same = again[i].start == s.tokens[i].start && again[i].end == s.tokens[i].end;
    }
    INFO("sentence at " << s.start);
    REQUIRE(same);
  }
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("clitics split off, inner apostrophes and hyphens stay", "[segmenter]") {
  CHECK(Toks("Chile's envoy") == V{"Chile", "'s", "envoy"});
  CHECK(Toks("Chile\xE2\x80\x99s envoy") == V{"Chile", "\xE2\x80\x99s", "envoy"});
  CHECK(Toks("They don't agree") == V{"They", "do", "n't", "agree"});
  CHECK(Toks("It can't last and won't") == V{"It", "ca", "n't", "last", "and", "wo", "n't"});
  CHECK(Toks("Isn\xE2\x80\x99t it") == V{"Is", "n\xE2\x80\x99t", "it"});
  CHECK(Toks("we're sure they've said I'll go, I'd say, I'm") ==
        V{"we", "'re", "sure", "they", "'ve", "said", "I", "'ll", "go", ",", "I", "'d", "say", ",",
          "I", "'m"});
  CHECK(Toks("Siobhan O'Donnell met D'Souza") == V{"Siobhan", "O'Donnell", "met", "D'Souza"});
  CHECK(Toks("the ministers' meeting") == V{"the", "ministers", "'", "meeting"});
  CHECK(Toks("an anti-corruption drive at an open-air rally") ==
        V{"an", "anti-corruption", "drive", "at", "an", "open-air", "rally"});
  CHECK(Toks("Ankara's F-16 deal") == V{"Ankara", "'s", "F-16", "deal"});
  CHECK(Toks("the U.S.'s allies") == V{"the", "U.S.", "'s", "allies"});
}

TEST_CASE("punctuation becomes separate tokens", "[segmenter]") {
  CHECK(Toks("Yes, no; maybe: (perhaps) [sic] really? Wow!") ==
        V{"Yes", ",", "no", ";", "maybe", ":", "(", "perhaps", ")", "[", "sic", "]", "really", "?",
          "Wow", "!"});
  CHECK(Toks("\"Enough,\" she said.") == V{"\"", "Enough", ",", "\"", "she", "said", "."});
  CHECK(
      Toks("\xE2\x80\x9C"
           "Enough\xE2\x80\x9D and \xE2\x80\x98maybe\xE2\x80\x99") ==
      V{"\xE2\x80\x9C", "Enough", "\xE2\x80\x9D", "and", "\xE2\x80\x98", "maybe", "\xE2\x80\x99"});
  CHECK(Toks("``Enough,'' she said") == V{"``", "Enough", ",", "''", "she", "said"});
  // Em and en dashes, and a double hyphen, are dashes of their own.
  CHECK(Toks("LAGOS\xE2\x80\x94The port\xE2\x80\x93rail link -- delayed") ==
        V{"LAGOS", "\xE2\x80\x94", "The", "port", "\xE2\x80\x93", "rail", "link", "--", "delayed"});
  CHECK(Toks("Wait?! Really...") == V{"Wait", "?!", "Really", "..."});
  CHECK(Toks("We waited\xE2\x80\xA6 and waited") ==
        V{"We", "waited", "\xE2\x80\xA6", "and", "waited"});
}

TEST_CASE("numbers, money and percentages", "[segmenter]") {
  CHECK(Toks("growth of 3.67% this year") == V{"growth", "of", "3.67", "%", "this", "year"});
  CHECK(Toks("a $6.2 billion fund") == V{"a", "$", "6.2", "billion", "fund"});
  CHECK(Toks("1,200 troops and 12,500,000 people") ==
        V{"1,200", "troops", "and", "12,500,000", "people"});
  CHECK(Toks("in 2018, 40 died") == V{"in", "2018", ",", "40", "died"});
  CHECK(Toks("at 10:30 on 2025-11-02") == V{"at", "10:30", "on", "2025-11-02"});
  CHECK(Toks("it rose to 4.5.") == V{"it", "rose", "to", "4.5", "."});
  CHECK(Toks("\xE2\x82\xAC"
             "40 or \xC2\xA3"
             "3") == V{"\xE2\x82\xAC", "40", "or", "\xC2\xA3", "3"});
}

TEST_CASE("abbreviations keep their period", "[segmenter]") {
  CHECK(Toks("the U.S. and U.N. and U.K. and E.U. envoys") ==
        V{"the", "U.S.", "and", "U.N.", "and", "U.K.", "and", "E.U.", "envoys"});
  CHECK(Toks("Gen. Okafor and Mr. Lindgren met Dr. Aziz") ==
        V{"Gen.", "Okafor", "and", "Mr.", "Lindgren", "met", "Dr.", "Aziz"});
  CHECK(Toks("at 9 a.m. and 5 p.m.") == V{"at", "9", "a.m.", "and", "5", "p.m."});
  CHECK(Toks("e.g., grain, i.e. wheat") == V{"e.g.", ",", "grain", ",", "i.e.", "wheat"});
  CHECK(Toks("Harold J. Pemberton") == V{"Harold", "J.", "Pemberton"});
  CHECK(Toks("U.S.-led talks") == V{"U.S.-led", "talks"});
  CHECK(Toks("Resolution No. 12") == V{"Resolution", "No.", "12"});
  // "no." that is not a number sign is a word and a period.
  CHECK(Toks("She said no.") == V{"She", "said", "no", "."});
  // A sentence-final abbreviation keeps its period; an ordinary word does not.
  CHECK(Toks("talks with the U.S.") == V{"talks", "with", "the", "U.S."});
  CHECK(Toks("talks with NATO.") == V{"talks", "with", "NATO", "."});
  CHECK(Toks("see bbc.co.uk or https://example.org/a/b?c=1.") ==
        V{"see", "bbc.co.uk", "or", "https://example.org/a/b?c=1", "."});
}

TEST_CASE("UTF-8 letters are letters", "[segmenter]") {
  CHECK(Toks("Z\xC3\xBCrich caf\xC3\xA9 Fran\xC3\xA7ois") ==
        V{"Z\xC3\xBCrich", "caf\xC3\xA9", "Fran\xC3\xA7ois"});
  // Arabic "Tehran" and "Damascus" with an Arabic comma between.
  CHECK(Toks("\xD8\xB7\xD9\x87\xD8\xB1\xD8\xA7\xD9\x86\xD8\x8C \xD8\xAF\xD9\x85\xD8\xB4\xD9\x82") ==
        V{"\xD8\xB7\xD9\x87\xD8\xB1\xD8\xA7\xD9\x86", "\xD8\x8C",
          "\xD8\xAF\xD9\x85\xD8\xB4\xD9\x82"});
  CHECK(Toks("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 said") ==
        V{"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "said"});
  // A no-break space separates words.
  CHECK(Toks("100\xC2\xA0km") == V{"100", "km"});
  // Full stops of other scripts end sentences: Devanagari danda, CJK full stop.
  CHECK(Sents("बैठक हुई। समझौता नहीं हुआ।") == V{"बैठक हुई।", "समझौता नहीं हुआ।"});
  CHECK(Sents("会谈结束。双方同意。") == V{"会谈结束。", "双方同意。"});
}

TEST_CASE("Tokenize works on a span and clamps bad offsets", "[segmenter]") {
  const std::string text = "One. Two words. Three.";
  const std::vector<Token> toks = Tokenize(text, 5, 15);
  REQUIRE(toks.size() == 3);
  CHECK(toks[0].text == "Two");
  CHECK(toks[0].start == 5);
  CHECK(toks[2].text == ".");
  CHECK(toks[2].end == 15);
  CHECK(Tokenize(text, -10, 4).size() == 2);    // "One" "."
  CHECK(Tokenize(text, 21, 1000).size() == 1);  // "."
  CHECK(Tokenize(text, 12, 3).empty());
  CHECK(Tokenize("", 0, 0).empty());
}

TEST_CASE("abbreviations do not end sentences", "[segmenter]") {
  // Each line: one sentence containing the abbreviation, then a second sentence.
  const std::vector<std::string> firsts = {
      "The U.S. envoy and U.N. monitors arrived with U.K. and E.U. officials.",
      "Gen. Haddad, Col. Ruiz, Lt. Park and Sgt. Bello inspected the base.",
      "Mr. Varga, Mrs. Tan, Ms. Ortiz and Dr. Ito signed the letter.",
      "Prof. Adeyemi briefed Sen. Walsh, Rep. Chu, Gov. Pike and Pres. Mensah.",
      "The rally on St. Anne's square honoured Martin Hale Jr. and Otto Brandt Sr. of Kiel.",
      "Shares of Norvik Inc. and Selbo Ltd. fell while Daxter Corp. and Frame Co. rose.",
      "Motion No. 4 pitted the ruling bloc vs. the opposition.",
      "Exporters of grain, cotton, etc. were hit, e.g. in the north, i.e. near the border.",
      "Voting ran from 7 a.m. until 8 p.m. in most districts.",
      "The dates were Jan. 3, Feb. 9, Mar. 2, Apr. 14 and Aug. 30 last year.",
      "Later rounds fell on Sept. 5, Sep. 19, Oct. 1, Nov. 11 and Dec. 24.",
      "President George W. Bush and John F. Kennedy both visited the city.",
      "Inflation reached 3.67 percent, up from 2.9 percent a year earlier.",
      "The minister said the plan was... still under review.",
  };
  for (const std::string& first : firsts) {
    const std::string text = first + " Talks resume next week.";
    INFO(text);
    CHECK(Sents(text) == V{first, "Talks resume next week."});
  }
}

TEST_CASE("sentence ends after abbreviations and ellipses when a new sentence starts",
          "[segmenter]") {
  CHECK(Sents("The sanctions were imposed by the U.S. The talks collapsed.") ==
        V{"The sanctions were imposed by the U.S.", "The talks collapsed."});
  CHECK(Sents("He met U.S. officials. The U.S. Treasury agreed.") ==
        V{"He met U.S. officials.", "The U.S. Treasury agreed."});
  // A name after "U.S." is ambiguous and stays in the sentence ...
  CHECK(Sents("The money went to the U.S. Congress approved it.").size() == 1);
  // ... but a line break after it ends the sentence.
  CHECK(Sents("The money went to the U.S.\nCongress approved it.") ==
        V{"The money went to the U.S.", "Congress approved it."});
  CHECK(Sents("Ports, rails, roads, etc. But funding lags.") ==
        V{"Ports, rails, roads, etc.", "But funding lags."});
  CHECK(Sents("The vote closed at 8 p.m. It was extended once.") ==
        V{"The vote closed at 8 p.m.", "It was extended once."});
  CHECK(Sents("He paused... Then he left the room.") ==
        V{"He paused...", "Then he left the room."});
  CHECK(Sents("He paused\xE2\x80\xA6 Then he left.") ==
        V{"He paused\xE2\x80\xA6", "Then he left."});
  CHECK(Sents("It ended there.... The rest is history.") ==
        V{"It ended there....", "The rest is history."});
  CHECK(Sents("She said no. Then she left.") == V{"She said no.", "Then she left."});
  // The last token keeps the abbreviation's period.
  const std::vector<Sentence> s = SplitSentences("Aid came from the U.S. Then it stopped.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].tokens.back().text == "U.S.");
}

TEST_CASE("sentences end at . ! ? and after closing quotes", "[segmenter]") {
  CHECK(Sents("Troops withdrew. Shelling stopped! Was it over? Nobody knew.") ==
        V{"Troops withdrew.", "Shelling stopped!", "Was it over?", "Nobody knew."});
  CHECK(Sents("He called it \"a grave mistake.\" Then he left.") ==
        V{"He called it \"a grave mistake.\"", "Then he left."});
  CHECK(Sents("She said it was 'over.' Nobody agreed.") ==
        V{"She said it was 'over.'", "Nobody agreed."});
  CHECK(Sents("He called it \xE2\x80\x9C"
              "a grave mistake.\xE2\x80\x9D Then he left.") == V{"He called it \xE2\x80\x9C"
                                                                 "a grave mistake.\xE2\x80\x9D",
                                                                 "Then he left."});
  CHECK(Sents("(The vote was close.) Results come Monday.") ==
        V{"(The vote was close.)", "Results come Monday."});
  CHECK(Sents("He said: \"We will not leave the U.S.\" Then he sat down.") ==
        V{"He said: \"We will not leave the U.S.\"", "Then he sat down."});
  // Quotations that carry on inside the sentence do not end it.
  CHECK(Sents("\"Stop!\" he shouted at the crowd.").size() == 1);
  CHECK(Sents("\"We will respond,\" the minister said, \"and soon.\"").size() == 1);
  CHECK(Sents("\"Is that all?\" asked the envoy. \"Yes.\" He left.") ==
        V{"\"Is that all?\" asked the envoy.", "\"Yes.\"", "He left."});
  CHECK(
      Sents("The quarrel \xE2\x80\x94 \"a family matter,\" he said \xE2\x80\x94 went on.").size() ==
      1);
}

TEST_CASE("headlines and bylines are sentences of their own", "[segmenter]") {
  const std::string article =
      "Ministers agree grain corridor deal with U.N. backing\n"
      "By Jana Novak, Staff Writer | 2025-11-02\n"
      "\n"
      "ANKARA \xE2\x80\x94 Ministers from four countries agreed on Sunday to reopen a grain "
      "corridor. The deal runs for a year.\n";
  CHECK(Sents(article) == V{"Ministers agree grain corridor deal with U.N. backing",
                            "By Jana Novak, Staff Writer | 2025-11-02",
                            "ANKARA \xE2\x80\x94 Ministers from four countries agreed on Sunday to "
                            "reopen a grain corridor.",
                            "The deal runs for a year."});
  // Without blank lines, every short unpunctuated line still stands alone.
  CHECK(Sents("Port strike spreads to Gdansk\nBy Ola Berg\nDockers walked out on Monday.") ==
        V{"Port strike spreads to Gdansk", "By Ola Berg", "Dockers walked out on Monday."});
  CHECK(Sents("Talks stall over U.S.\nBy Ola Berg | 2025-01-04\nNo progress was made.") ==
        V{"Talks stall over U.S.", "By Ola Berg | 2025-01-04", "No progress was made."});
  CHECK(Sents("Election results\r\n\r\nTurnout was high.\r\n") ==
        V{"Election results", "Turnout was high."});
  CHECK(Sents("Flooding in Sindh\nLast updated 2025-08-14\nRivers rose again.") ==
        V{"Flooding in Sindh", "Last updated 2025-08-14", "Rivers rose again."});
}

TEST_CASE("blank lines always end sentences", "[segmenter]") {
  CHECK(Sents("The talks ended without\n\nagreement on the text") ==
        V{"The talks ended without", "agreement on the text"});
  CHECK(Sents("Gen.\n\nHaddad") == V{"Gen.", "Haddad"});
  CHECK(Sents("One paragraph,\n  \t\n  another one") == V{"One paragraph,", "another one"});
  // U+2029 PARAGRAPH SEPARATOR is a paragraph break too.
  CHECK(Sents("First part\xE2\x80\xA9Second part") == V{"First part", "Second part"});
}

TEST_CASE("list items are separate sentences", "[segmenter]") {
  const std::string text =
      "The opposition listed its demands:\n"
      "- an end to the curfew\n"
      "- the release of detained students\n"
      "* new elections\n"
      "\xE2\x80\xA2 a free press\n"
      "1. a truth commission\n"
      "2. reparations\n"
      "3) a new constitution\n"
      "The government rejected them.";
  CHECK(Sents(text) == V{"The opposition listed its demands:", "- an end to the curfew",
                         "- the release of detained students", "* new elections",
                         "\xE2\x80\xA2 a free press", "1. a truth commission", "2. reparations",
                         "3) a new constitution", "The government rejected them."});
  // "1." mid-line is a number and a period; "1.5" opening a line is a number.
  CHECK(Toks("Item 1. Done") == V{"Item", "1", ".", "Done"});
  CHECK(Toks("1. Done") == V{"1.", "Done"});
  CHECK(Toks("costs rose by\n1.5 billion") == V{"costs", "rose", "by", "1.5", "billion"});
}

TEST_CASE("hard-wrapped prose is not split at line ends", "[segmenter]") {
  const std::string text =
      "Negotiators from both governments met behind closed doors on\n"
      "Tuesday for the third time this month, according to two senior\n"
      "diplomats who said the atmosphere had improved markedly since Foreign\n"
      "Minister Adaeze Obi arrived from Abuja with a new set of proposals.\n"
      "A joint statement is expected on Friday.";
  CHECK(Sents(text) == V{"Negotiators from both governments met behind closed doors on\n"
                         "Tuesday for the third time this month, according to two senior\n"
                         "diplomats who said the atmosphere had improved markedly since Foreign\n"
                         "Minister Adaeze Obi arrived from Abuja with a new set of proposals.",
                         "A joint statement is expected on Friday."});
  // A title right above wrapped prose (and as wide as it) still stands alone, as does a
  // title-case line inside it.
  const std::string title =
      "Envoys report steady progress in Geneva talks after a long night there";
  CHECK(Sents(title + "\n" + text)[0] == title);
  const std::string head = "Envoys Report Steady Progress In Geneva Talks After A Long Night There";
  CHECK(Sents("Analysis\n\n" + head + "\n" + text)[1] == head);
  // A lower-case continuation or a line ending in a comma goes on even outside wrapped text.
  CHECK(Sents("The minister said,\nafter a pause, that talks would go on.").size() == 1);
  CHECK(Sents("Talks were held in\nGeneva on Friday.").size() == 1);
}

TEST_CASE("offsets stay exact on a mixed document", "[segmenter]") {
  const std::string text =
      "\xEF\xBB\xBF  Security council meets on Sahel crisis\r\n"
      "By A. N. Other | 2025-03-01\r\n\r\n"
      "NIAMEY \xE2\x80\x94 The U.N.\xC2\xA0Security Council met on Friday.\tIt said aid "
      "(about $2.5 billion, or 3.1% of GDP) was \xE2\x80\x9Curgent.\xE2\x80\x9D\n"
      "- Food\xE2\x80\xA8- Water\n\n"
      "   Envoys\xE2\x80\x89weren't sure; O'Hara's team didn't say\xE2\x80\xA6   ";
  const std::vector<Sentence> sentences = SplitSentences(text);
  CheckIntegrity(text, sentences, true);
  CheckRetokenize(text, sentences);
  CHECK(sentences.size() == 7);
  CHECK(sentences.front().tokens.front().text == "Security");
  CHECK(sentences.back().tokens.back().text == "\xE2\x80\xA6");
}

TEST_CASE("empty and blank texts have no sentences", "[segmenter]") {
  CHECK(SplitSentences("").empty());
  CHECK(SplitSentences(" \n\t\r\n  ").empty());
  CHECK(Sents("x") == V{"x"});
  CHECK(Sents("...") == V{"..."});
}

TEST_CASE("random bytes never break the invariants", "[segmenter]") {
  std::mt19937 rng(20250301);
  // Bytes that steer the lexer and splitter into their special cases, mixed with anything.
  const std::vector<std::string> pieces = {".",
                                           "'",
                                           "\"",
                                           "\n",
                                           "\n\n",
                                           " ",
                                           "-",
                                           "U.S.",
                                           "Mr.",
                                           "n't",
                                           "'s",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9D",
                                           "\xE2\x80\xA6",
                                           "\xC2\xA0",
                                           "1.",
                                           "1,000",
                                           "3.67",
                                           "http://",
                                           "A",
                                           "the",
                                           "By",
                                           "\xE2",
                                           "\x80",
                                           "\xF0\x9F",
                                           "\xC3",
                                           "\r",
                                           ")",
                                           "?",
                                           "&",
                                           ":",
                                           "www."};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = int(rng() % 200);
    for (int i = 0; i < n; ++i) {
      if (rng() % 2) {
        text += char(rng() % 256);
      } else {
        text += pieces[rng() % pieces.size()];
      }
    }
    const std::vector<Sentence> sentences = SplitSentences(text);
    CheckIntegrity(text, sentences, false);
    CheckRetokenize(text, sentences);
    const int32_t a = int32_t(rng() % (text.size() + 10)) - 5;
    const int32_t b = int32_t(rng() % (text.size() + 10)) - 5;
    bool inside = true;
    for (const Token& t : Tokenize(text, a, b)) {
      inside = inside && t.start >= std::max(a, 0) && t.end <= b && t.end > t.start &&
               t.text == text.substr(size_t(t.start), size_t(t.end - t.start));
    }
    REQUIRE(inside);
  }
}

TEST_CASE("long and degenerate inputs take linear time", "[segmenter]") {
  const size_t kSize = 2u << 20;
  const std::vector<std::string> units = {
      "a",  ".",   "a.",        "U.S.-",        "'",     "-a",  "\n",      "\n\n",
      "1,", "x\n", "e\xCC\x81", "\xE2\x80\x94", "Gen. ", "s' ", "a\n- b\n"};
  for (const std::string& unit : units) {
    std::string text;
    while (text.size() < kSize) text += unit;
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<Sentence> sentences = SplitSentences(text);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    INFO("unit '" << unit << "' took " << secs << " s");
    CHECK(secs < 5.0);  // quadratic behaviour would take hours
    CheckIntegrity(text, sentences, false);
  }
}
