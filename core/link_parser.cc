#include "core/link_parser.h"

#include <link-grammar/link-includes.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <mutex>

namespace parley {

struct LinkParser::Impl {
  Options options;
  Dictionary dict = nullptr;
  ~Impl() {
    if (dict) dictionary_delete(dict);
  }
};

namespace {

// Link Grammar reports notes (locales, combinatorial explosions) on stderr; only its errors
// concern a user of Parley. Its handler is per thread, so every parsing thread installs it.
void QuietLinkGrammar() {
  thread_local bool installed = false;
  if (installed) return;
  installed = true;
  lg_error_set_handler(
      [](lg_errinfo* e, void*) {
        if (e->severity <= lg_Error) std::fprintf(stderr, "parley: link-grammar: %s", e->text);
      },
      nullptr);
}

// How many of the best-ranked linkages are tried for one whose constituent tree is complete.
constexpr int kLinkagesTried = 8;

// Splits Link Grammar's "word.subscript" / "word[!<CAPITALIZED-WORDS>]" into its parts.
void SplitWord(const char* raw, ParsedWord* w) {
  std::string s = raw;
  if (s.size() > 2 && s.front() == '[' && s.back() == ']') {
    w->unlinked = true;
    s = s.substr(1, s.size() - 2);
  }
  if (auto b = s.find('['); b != std::string::npos && b > 0) {
    w->capitalized_guess = s.find("CAPITALIZED") != std::string::npos;
    s = s.substr(0, b);
  }
  // A subscript follows the last '.', unless the word itself ends in '.' ("U.S.", "Mr.").
  auto dot = s.rfind('.');
  if (dot != std::string::npos && dot > 0 && dot + 1 < s.size() &&
      std::isalpha(static_cast<unsigned char>(s[dot + 1]))) {
    w->tag = s.substr(dot + 1);
    s = s.substr(0, dot);
  }
  w->text = s;
}

void Ranges(Constituent* c) {
  if (c->label.empty()) {
    c->first = c->last = c->word;
    return;
  }
  for (auto& ch : c->children) {
    Ranges(&ch);
    if (ch.first < 0) continue;
    if (c->first < 0 || ch.first < c->first) c->first = ch.first;
    c->last = std::max(c->last, ch.last);
  }
}

}  // namespace

bool ParseConstituentString(std::string_view s, int word_count, Constituent* root) {
  std::vector<Constituent*> stack;
  Constituent top;
  top.label = "TOP";
  stack.push_back(&top);
  int next_word = 1;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '(') {
      size_t j = s.find_first_of(" )", i + 1);
      if (j == std::string_view::npos) return false;
      Constituent node;
      node.label = std::string(s.substr(i + 1, j - i - 1));
      stack.back()->children.push_back(std::move(node));
      stack.push_back(&stack.back()->children.back());
      i = j;
    } else if (c == ')') {
      if (stack.size() <= 1) return false;
      stack.pop_back();
      ++i;
    } else {
      // A leaf: a word up to the next space or ')' — but a word may itself contain ')' as
      // punctuation, so a leaf made only of brackets is one character.
      size_t j = i + 1;
      if (c != ')' && c != '(') {
        while (j < s.size() && s[j] != ' ' && s[j] != ')' && s[j] != '\n') ++j;
      }
      Constituent leaf;
      leaf.word = next_word++;
      stack.back()->children.push_back(std::move(leaf));
      i = j;
    }
  }
  if (top.children.size() != 1 || next_word - 1 != word_count) return false;
  *root = std::move(top.children[0]);
  Ranges(root);
  return true;
}

Status LinkParser::Create(const Options& options, std::unique_ptr<LinkParser>* out) {
  QuietLinkGrammar();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->dict = dictionary_create_lang("en");
  if (!impl->dict) {
    return Status::IOError(
        "cannot load the Link Grammar English dictionary (install link-grammar-dictionaries-en)");
  }
  out->reset(new LinkParser(std::move(impl)));
  return Status::OK();
}

LinkParser::LinkParser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LinkParser::~LinkParser() = default;

ParseTree LinkParser::Parse(std::string_view text, const Scorer& score) const {
  QuietLinkGrammar();
  ParseTree tree;
  std::string input(text);
  if (input.empty()) return tree;
  Parse_Options po = parse_options_create();
  parse_options_set_verbosity(po, 0);
  parse_options_set_max_parse_time(po, impl_->options.max_seconds);
  parse_options_set_linkage_limit(po, 64);
  parse_options_set_spell_guess(po, 0);
  parse_options_set_repeatable_rand(po, true);
  Sentence sent = sentence_create(input.c_str(), impl_->dict);
  int n = 0;
  if (sent && sentence_split(sent, po) == 0 &&
      sentence_length(sent) <= impl_->options.max_words + 2) {
    parse_options_set_min_null_count(po, 0);
    parse_options_set_max_null_count(po, 0);
    n = sentence_parse(sent, po);
    if (n <= 0 && sentence_length(sent) <= impl_->options.null_retry_max_words + 2) {
      parse_options_reset_resources(po);
      parse_options_set_min_null_count(po, 1);
      parse_options_set_max_null_count(po, sentence_length(sent));
      n = sentence_parse(sent, po);
    }
  }
  // The parser ranks linkages; the constituent printer sometimes drops clauses joined by a
  // comma, so take the best-ranked linkage whose tree covers every word, or else the best one
  // without a tree.
  int tries = std::min(n, kLinkagesTried);
  int best = -1;
  for (int li = 0; li < tries && (score || tree.root.label.empty()); ++li) {
    Linkage lk = linkage_create(li, sent, po);
    if (!lk) continue;
    ParseTree candidate;
    candidate.null_count = sentence_null_count(sent);
    candidate.kind = candidate.null_count == 0 ? ParseTree::kFull : ParseTree::kPartial;
    int nw = linkage_get_num_words(lk);
    candidate.words.resize(nw);
    for (int i = 0; i < nw; ++i) {
      ParsedWord& w = candidate.words[i];
      SplitWord(linkage_get_word(lk, i), &w);
      w.start = linkage_get_word_byte_start(lk, i);
      w.end = linkage_get_word_byte_end(lk, i);
    }
    int nl = linkage_get_num_links(lk);
    for (int k = 0; k < nl; ++k) {
      candidate.links.push_back({linkage_get_link_label(lk, k),
                                 static_cast<int>(linkage_get_link_lword(lk, k)),
                                 static_cast<int>(linkage_get_link_rword(lk, k))});
    }
    char* cs = linkage_print_constituent_tree(lk, SINGLE_LINE);
    if (cs) {
      if (!ParseConstituentString(cs, nw - 2, &candidate.root)) candidate.root = Constituent();
      linkage_free_constituent_tree_str(cs);
    }
    linkage_delete(lk);
    if (candidate.root.label.empty()) {
      if (li == 0) tree = std::move(candidate);
      continue;
    }
    int value = score ? score(candidate) : 0;
    if (tree.root.label.empty() || value > best) {
      best = value;
      tree = std::move(candidate);
    }
  }
  if (sent) sentence_delete(sent);
  parse_options_delete(po);
  return tree;
}

}  // namespace parley
