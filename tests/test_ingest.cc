// Tests of ingest in process (graph/ingest.h): articles in hand stored into an open store with
// a per-article outcome, and the article lines and texts a caller hands over
// (core/document_reader.h).
#include <catch2/catch.hpp>

#include "core/document_reader.h"
#include "core/extractor.h"
#include "graph/ingest.h"
#include "test_util.h"

namespace parley {
namespace {

Document Article(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.title = "A test story";
  d.date = "2026-02-03";
  d.text = text;
  return d;
}

const char* kFirst =
    "Farmers in the valley demanded that the government lower fuel taxes. "
    "The minister refused to meet them.";
const char* kSecond = "Teachers called on the city council to raise their wages.";

}  // namespace

TEST_CASE("IngestArticles stores documents and says what became of each", "[ingest]") {
  test::TempDir dir;
  auto store = test::OpenTestStore(dir / "db");
  const Extractor* extractor = &test::SharedExtractor();
  IngestOptions options;
  options.jobs = 2;
  options.fingerprint = "test-fingerprint";

  std::vector<IngestedArticle> results;
  REQUIRE(IngestArticles(store.get(), *extractor, options,
                         {Article("a", kFirst), Article("b", kSecond)}, &results)
              .ok());
  REQUIRE(results.size() == 2);
  CHECK(results[0].id == "a");
  CHECK(results[0].outcome == ArticleOutcome::kAdded);
  CHECK_FALSE(results[0].reused);
  CHECK(results[0].text_bytes == std::string(kFirst).size());
  CHECK(results[1].id == "b");
  CHECK(results[1].outcome == ArticleOutcome::kAdded);
  ArticleRecord stored;
  REQUIRE(store->GetArticle("a", &stored).ok());
  CHECK(stored.text == kFirst);

  // The same articles again: unchanged, and not extracted again (the key matches); a changed
  // text replaces what its article stored. Results keep the input order.
  REQUIRE(IngestArticles(store.get(), *extractor, options,
                         {Article("a", kFirst), Article("b", std::string(kSecond) + " Now.")},
                         &results)
              .ok());
  REQUIRE(results.size() == 2);
  CHECK(results[0].outcome == ArticleOutcome::kUnchanged);
  CHECK(results[0].reused);
  CHECK(results[1].id == "b");
  CHECK(results[1].outcome == ArticleOutcome::kReplaced);
  CHECK_FALSE(results[1].reused);

  // Without a fingerprint nothing is reused: the article is extracted and found unchanged.
  options.fingerprint.clear();
  REQUIRE(IngestArticles(store.get(), *extractor, options, {Article("a", kFirst)}, &results).ok());
  REQUIRE(results.size() == 1);
  CHECK(results[0].outcome == ArticleOutcome::kUnchanged);
  CHECK_FALSE(results[0].reused);

  IngestTally tally;
  for (const auto& r : results) tally.Add(r);
  CHECK(tally.unchanged == 1);
  CHECK(tally.articles() == 1);
}

TEST_CASE("IngestArticles refuses a read-only store and stores nothing", "[ingest]") {
  test::TempDir dir;
  { auto created = test::OpenTestStore(dir / "db"); }
  auto store = test::OpenTestStore(dir / "db", /*read_only=*/true);
  const Extractor* extractor = &test::SharedExtractor();
  std::vector<IngestedArticle> results;
  Status s =
      IngestArticles(store.get(), *extractor, IngestOptions(), {Article("a", kFirst)}, &results);
  CHECK_FALSE(s.ok());
  CHECK(results.empty());
}

TEST_CASE("ParseArticleLine reads a JSONL article and names what a bad line lacks", "[ingest]") {
  Document d;
  REQUIRE(ParseArticleLine(R"({"id":7,"title":"T","date":"2026-01-02","body":"Some text."})",
                           "req:1", &d)
              .ok());
  CHECK(d.id == "7");
  CHECK(d.title == "T");
  CHECK(d.date == "2026-01-02");
  CHECK(d.text == "Some text.");
  REQUIRE(ParseArticleLine(R"({"text":"Only text."})", "req:2", &d).ok());
  CHECK(d.id == "req:2");

  Status s = ParseArticleLine(R"({"id":"x","title":"no text"})", "req:3", &d);
  CHECK(s.code() == Status::Code::kInvalidInput);
  CHECK(s.message() == "article x has no text (\"text\" or \"body\")");
  s = ParseArticleLine("[1, 2]", "req:4", &d);
  CHECK(s.message() == "not a JSON object");
}

TEST_CASE("ArticleFromText names a text by its hash and reads its header", "[ingest]") {
  Document a =
      ArticleFromText("Strike ends\nBy A. Writer | 2026-03-14\n\nThe strike ended.", "api");
  CHECK(a.id.rfind("api:", 0) == 0);
  CHECK(a.id.size() == 4 + 16);
  CHECK(a.title == "Strike ends");
  CHECK(a.date == "2026-03-14");
  CHECK(a.source == "api");
  Document b = ArticleFromText(
      "\xEF\xBB\xBFStrike ends\nBy A. Writer | 2026-03-14\n\nThe strike ended.", "api");
  CHECK(b.id == a.id);  // a byte order mark does not make another article
  CHECK(ArticleFromText("Other text.", "api").id != a.id);
}

}  // namespace parley
