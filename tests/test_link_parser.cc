// LinkParser: complete linkages, the partial-linkage retry and its length bound.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "core/link_parser.h"

namespace {

using parley::LinkParser;
using parley::ParseTree;

std::unique_ptr<LinkParser> Make(const LinkParser::Options& o) {
  std::unique_ptr<LinkParser> p;
  REQUIRE(LinkParser::Create(o, &p).ok());
  return p;
}

// A sentence with a word run the grammar cannot link ("the the of"), so it has no complete
// linkage, padded with ordinary clauses to the given number of words.
std::string Unlinkable(int words) {
  std::string s = "The committee approved the the of plan";
  int n = 7;
  while (n + 6 <= words) {
    s += " and the council approved the budget";
    n += 6;
  }
  return s + ".";
}

}  // namespace

TEST_CASE("a grammatical sentence gets a complete linkage", "[link-parser]") {
  auto p = Make(LinkParser::Options());
  ParseTree t = p->Parse("The minister asked the council to approve the budget.");
  CHECK(t.kind == ParseTree::kFull);
  CHECK(t.null_count == 0);
  CHECK_FALSE(t.root.label.empty());
}

TEST_CASE("a short sentence with no complete linkage is parsed again with null links",
          "[link-parser]") {
  auto p = Make(LinkParser::Options());
  ParseTree t = p->Parse(Unlinkable(10));
  CHECK(t.kind == ParseTree::kPartial);
  CHECK(t.null_count > 0);
}

TEST_CASE("only the thorough setting retries a long sentence with null links", "[link-parser]") {
  std::string longer = Unlinkable(33);  // 31 words and the period
  LinkParser::Options fast;
  REQUIRE(fast.null_retry_max_words < 31);
  REQUIRE(fast.max_words >= 32);
  CHECK(Make(fast)->Parse(longer).kind == ParseTree::kFailed);
  ParseTree t = Make(LinkParser::Options::Thorough())->Parse(longer);
  CHECK(t.kind == ParseTree::kPartial);
}

TEST_CASE("only the thorough setting parses a very long sentence", "[link-parser]") {
  std::string s = "The minister said";
  for (int i = 0; i < 7; ++i) s += " that the council approved the plan";
  s += ".";  // 45 words and the period
  LinkParser::Options fast;
  REQUIRE(fast.max_words < 45);
  CHECK(Make(fast)->Parse(s).kind == ParseTree::kFailed);
  CHECK(Make(LinkParser::Options::Thorough())->Parse(s).kind != ParseTree::kFailed);
}
