// ParseCache: remembers the parses of recent sentences, so that a sentence repeated across
// articles (wire copies, boilerplate) is parsed once. Bounded in entries; thread-safe.
#pragma once

#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/link_parser.h"

namespace parley {

class ParseCache {
 public:
  explicit ParseCache(size_t capacity) : capacity_(capacity) {}

  // The parse of `sentence`, from the cache or from `parser` (outside the lock, so that
  // threads parse in parallel).
  ParseTree Parse(const LinkParser& parser, const std::string& sentence,
                  const LinkParser::Scorer& score = nullptr);

  size_t hits() const;
  size_t misses() const;

 private:
  using Entry = std::pair<std::string, ParseTree>;
  size_t capacity_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t hits_ = 0, misses_ = 0;
};

}  // namespace parley
