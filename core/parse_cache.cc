#include "core/parse_cache.h"

namespace parley {

ParseTree ParseCache::Parse(const LinkParser& parser, const std::string& sentence,
                            const LinkParser::Scorer& score) {
  {
    std::lock_guard lock(mu_);
    auto it = index_.find(sentence);
    if (it != index_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second);
      ++hits_;
      return it->second->second;
    }
    ++misses_;
  }
  ParseTree tree = parser.Parse(sentence, score);
  if (capacity_ == 0) return tree;
  std::lock_guard lock(mu_);
  if (index_.count(sentence)) return tree;  // another thread parsed it meanwhile
  lru_.emplace_front(sentence, tree);
  index_[sentence] = lru_.begin();
  if (lru_.size() > capacity_) {
    index_.erase(lru_.back().first);
    lru_.pop_back();
  }
  return tree;
}

size_t ParseCache::hits() const {
  std::lock_guard lock(mu_);
  return hits_;
}

size_t ParseCache::misses() const {
  std::lock_guard lock(mu_);
  return misses_;
}

}  // namespace parley
