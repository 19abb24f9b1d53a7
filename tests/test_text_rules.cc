// The small text rules every part shares (util/utf8.h, util/strings.h): UTF-8 read and written
// one character at a time, case over every script that has it, trimming, CSV fields and the
// shortest form of a float; and through the query language, the same rules where a user meets
// them.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "core/lexicon.h"
#include "tests/test_util.h"
#include "util/json_field.h"
#include "util/strings.h"
#include "util/utf8.h"
#include "util/words.h"

using namespace parley;

TEST_CASE("UTF-8 decodes a character at a time, a bad byte as one", "[text]") {
  // "aé€😀": one to four bytes.
  std::string s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
  std::vector<int32_t> cps;
  for (size_t i = 0; i < s.size();) cps.push_back(NextCodePoint(s, &i));
  CHECK(cps == std::vector<int32_t>{'a', 0xe9, 0x20ac, 0x1f600});
  CHECK(CodePointCount(s) == 4);
  CHECK(Characters(s) ==
        std::vector<std::string_view>{"a", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"});
  std::string back;
  for (int32_t cp : cps) AppendUtf8(static_cast<char32_t>(cp), &back);
  CHECK(back == s);

  // A stray continuation byte, an overlong form, a surrogate and a truncated sequence: each
  // byte that starts no well-formed sequence is one character of its own.
  for (std::string bad : {"\x80", "\xc0\xaf", "\xed\xa0\x80", "\xe2\x82"}) {
    size_t i = 0;
    CHECK(NextCodePoint(bad, &i) == kNotUtf8);
    CHECK(i == 1);
    size_t at = 99;
    CHECK_FALSE(IsValidUtf8("ok" + bad, &at));
    CHECK(at == 2);
  }
  CHECK(IsValidUtf8(s));
  CHECK(Characters("a\xff"
                   "b") == std::vector<std::string_view>{"a", "\xff", "b"});
}

TEST_CASE("case is mapped in every script that has it", "[text]") {
  // Greek, Cyrillic, Armenian, Georgian Mtavruli and Deseret (four-byte) letters.
  CHECK(ToLowerUtf8("\xce\x91\xce\x98\xce\x97\xce\x9d\xce\x91") ==
        "\xce\xb1\xce\xb8\xce\xb7\xce\xbd\xce\xb1");  // ΑΘΗΝΑ -> αθηνα
  CHECK(ToUpperUtf8("\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0") ==
        "\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90");  // москва -> МОСКВА
  CHECK(ToUpperUtf8("\xd5\xa5\xd6\x80\xd5\xa5\xd5\xbe\xd5\xa1\xd5\xb6") ==
        "\xd4\xb5\xd5\x90\xd4\xb5\xd5\x8e\xd4\xb1\xd5\x86");     // երևան -> ԵՐԵՎԱՆ
  CHECK(ToLowerUtf8("\xe1\xb2\x95") == "\xe1\x83\x95");          // Ვ -> ვ
  CHECK(ToLowerUtf8("\xf0\x90\x90\x80") == "\xf0\x90\x90\xa8");  // 𐐀 -> 𐐨
  // Latin Extended-A, where upper and lower case do not simply alternate by parity.
  CHECK(ToLowerUtf8("\xc4\xb9\xc5\x81\xc5\xb9") == "\xc4\xba\xc5\x82\xc5\xba");  // ĹŁŹ -> ĺłź
  // Scripts without case, digits and bytes that are not UTF-8 stay as they are.
  CHECK(ToUpperUtf8("\xe6\x9d\xb1\xe4\xba\xac 2024 \xff") == "\xe6\x9d\xb1\xe4\xba\xac 2024 \xff");
  CHECK(IsUpperCaseLetter(0x0556));        // Ֆ
  CHECK(IsLowerCaseLetter(0x0586));        // ֆ
  CHECK(IsUpperCaseLetter(0x01c5));        // ǅ, title case, starts a capitalised word
  CHECK_FALSE(IsUpperCaseLetter(0x0138));  // ĸ is lower case
  CHECK(IsLowerCaseLetter(0x0138));
  CHECK_FALSE(IsUpperCaseLetter(0x5317));  // 北 has no case
  CHECK_FALSE(IsLowerCaseLetter(kNotUtf8));
  // Lower, for keys and keywords, maps ASCII only: dictionary keys keep their accents.
  CHECK(Lower("\xc3\x89mile ABC") == "\xc3\x89mile abc");
  CHECK(Upper("abc-\xc3\xa9") == "ABC-\xc3\xa9");
  CHECK(EqualsIgnoringCase("dayOfWeek", "DAYOFWEEK"));
  CHECK_FALSE(EqualsIgnoringCase("day", "days"));
}

TEST_CASE("trimming, CSV fields and the shortest float", "[text]") {
  CHECK(Trim(" \t\v\f a b \r\n") == "a b");
  CHECK(TrimLeft("  a  ") == "a  ");
  CHECK(TrimRight("  a  ") == "  a");
  CHECK(Trim(" \n ").empty());

  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"no\"") == "\"say \"\"no\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField("") == "");

  CHECK(ShortestDouble(0.1) == "0.1");
  CHECK(ShortestDouble(0.1 + 0.2) == "0.30000000000000004");
  CHECK(ShortestDouble(3) == "3");
  CHECK(ShortestDouble(1e20) == "1e+20");
  CHECK(ShortestDouble(1.5e-5) == "1.5e-05");
  CHECK(ShortestDouble(-2.5) == "-2.5");
  // 16 significant digits where 17 would print a digit that is not there.
  CHECK(ShortestDouble(1.0000000000000002) == "1.0000000000000002");
  CHECK(ShortestDouble(5e-324) == "5e-324");
  for (double d : {0.1, 2.0 / 3.0, 1e300, 123456.789, 6.02214076e23, 1.0000000000000002}) {
    CHECK(std::stod(ShortestDouble(d)) == d);
  }
  std::string digits;
  int exponent = 0;
  ShortestDigits(-2.675, &digits, &exponent);
  CHECK(digits == "2675");
  CHECK(exponent == 0);
  ShortestDigits(0.00125, &digits, &exponent);
  CHECK(digits == "125");
  CHECK(exponent == -3);
}

TEST_CASE("the query language cases, counts and slices any script", "[text]") {
  test::TempDir tmp;
  auto q = [&](const std::string& query) {
    test::RunResult r = test::RunParley({"query", "--db", tmp / "db", "--format", "jsonl", query});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  // Armenian upper and lower case; size, left and reverse by character.
  CHECK(q("RETURN toUpper('\xd5\xa5\xd6\x80\xd5\xa5\xd5\xbe\xd5\xa1\xd5\xb6') AS u, "
          "toLower('\xd4\xb5\xd5\x90\xd4\xb5\xd5\x8e\xd4\xb1\xd5\x86') AS l, "
          "size('\xe6\x9d\xb1\xe4\xba\xac') AS n, left('\xce\xb1\xce\xb2\xce\xb3', 2) AS two, "
          "reverse('a\xf0\x9f\x98\x80"
          "b') AS r") ==
        "{\"u\":\"\xd4\xb5\xd5\x90\xd4\xb5\xd5\x8e\xd4\xb1\xd5\x86\","
        "\"l\":\"\xd5\xa5\xd6\x80\xd5\xa5\xd5\xbe\xd5\xa1\xd5\xb6\",\"n\":2,"
        "\"two\":\"\xce\xb1\xce\xb2\",\"r\":\"b\xf0\x9f\x98\x80"
        "a\"}\n");
}

TEST_CASE("a data file's wrongly typed field is an error, not an exception", "[text]") {
  nlohmann::json j =
      nlohmann::json::parse(R"({"name": 5, "hashes": 64, "threshold": 1, "ratio": 1.5})");
  std::string name;
  Status s = JsonField<std::string>(j, "name", "", "x.json", &name);
  CHECK(s.code() == Status::Code::kInvalidInput);
  CHECK(s.message() == "x.json.name: expected a string");
  int hashes = 0;
  REQUIRE(JsonField(j, "hashes", 1, "x.json", &hashes).ok());
  CHECK(hashes == 64);
  double threshold = 0;
  REQUIRE(JsonField(j, "threshold", 0.5, "x.json", &threshold).ok());  // an integer is a number
  CHECK(threshold == 1.0);
  REQUIRE(JsonField<std::string>(j, "missing", "none", "x.json", &name).ok());
  CHECK(name == "none");
  CHECK_FALSE(JsonField(j, "ratio", 1, "x.json", &hashes).ok());  // 1.5 is not an integer
  CHECK_FALSE(JsonField<std::string>(nlohmann::json::array(), "id", "", "x.json", &name).ok());

  // The lexicon's policies file with a policy whose name is a number.
  test::TempDir tmp;
  LexiconFiles files = Lexicon::DefaultFiles();
  files.policies = tmp / "policies.json";
  test::WriteFile(files.policies, R"({"policies": [{"id": "p1", "name": 7}]})");
  Lexicon lex;
  Status loaded = Lexicon::Load(files, &lex);
  CHECK(loaded.code() == Status::Code::kInvalidInput);
  CHECK(loaded.message() == files.policies + ": policies[0].name: expected a string");
}

TEST_CASE("words of any script, and a word without the punctuation around it", "[text]") {
  // Greek and Armenian words, a CJK comma and an em dash between them.
  CHECK(Words("\xce\xb1\xce\xb8\xce\xae\xce\xbd\xce\xb1\xe3\x80\x81"
              "\xd5\xa5\xd6\x80\xd5\xa5\xd5\xbe\xd5\xa1\xd5\xb6 \xe2\x80\x94 2024!") ==
        std::vector<std::string_view>{"\xce\xb1\xce\xb8\xce\xae\xce\xbd\xce\xb1",
                                      "\xd5\xa5\xd6\x80\xd5\xa5\xd5\xbe\xd5\xa1\xd5\xb6", "2024"});
  CHECK(TrimWord("\xe2\x80\x9crelease\xe2\x80\x9d") == "release");  // “release”
  CHECK(TrimWord("Nixon's") == "Nixon");
  CHECK(TrimWord("Nixon\xe2\x80\x99s,") == "Nixon");
  CHECK(TrimWord("#Oscars") == "Oscars");
  CHECK(TrimWord("--") == "--");
  CHECK_FALSE(IsWordCharacter(kNotUtf8));
  CHECK(IsWordCharacter(0x05d0));  // Hebrew alef
}
