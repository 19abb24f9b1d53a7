// Near-duplicate articles: MinHash signatures of word shingles, so that a wire copy or a re-run
// of an article is recognised and counted once among an event's sources. The parameters are in
// data/near_duplicates.json.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace parley {

class NearDuplicates {
 public:
  // Loads the parameters from a JSON file such as data/near_duplicates.json.
  static Status Load(const std::string& path, NearDuplicates* out);
  // Loads data/near_duplicates.json from the data folder.
  static Status LoadDefault(NearDuplicates* out);

  // The MinHash signature of `text` (`hashes` values); empty when the text has fewer words
  // than a shingle.
  std::vector<int64_t> Signature(std::string_view text) const;
  // The band keys of a signature ("3:1f2e..."): two articles sharing one are compared.
  std::vector<std::string> Bands(const std::vector<int64_t>& signature) const;
  // The estimated Jaccard similarity of two signatures (0 if either is empty).
  static double Similarity(const std::vector<int64_t>& a, const std::vector<int64_t>& b);
  // True if two signatures are near-duplicates.
  bool Near(const std::vector<int64_t>& a, const std::vector<int64_t>& b) const {
    return Similarity(a, b) >= threshold_;
  }

 private:
  int shingle_words_ = 4;
  int hashes_ = 64;
  int bands_ = 16;
  double threshold_ = 0.8;
};

}  // namespace parley
