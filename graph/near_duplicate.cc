#include "graph/near_duplicate.h"

#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include "util/data_path.h"
#include "util/hash.h"
#include "util/json_field.h"
#include "util/strings.h"

namespace parley {
namespace {

// A 64-bit mixer (splitmix64's finaliser): turns one shingle hash into the i-th of many.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

Status NearDuplicates::Load(const std::string& path, NearDuplicates* out) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Status::InvalidInput(path + ": expected a JSON object");
  PARLEY_RETURN_IF_ERROR(JsonField(j, "shingle_words", 4, path, &out->shingle_words_));
  PARLEY_RETURN_IF_ERROR(JsonField(j, "hashes", 64, path, &out->hashes_));
  PARLEY_RETURN_IF_ERROR(JsonField(j, "bands", 16, path, &out->bands_));
  PARLEY_RETURN_IF_ERROR(JsonField(j, "threshold", 0.8, path, &out->threshold_));
  if (out->shingle_words_ < 1 || out->hashes_ < 1 || out->bands_ < 1 ||
      out->hashes_ % out->bands_ != 0 || out->threshold_ <= 0 || out->threshold_ > 1) {
    return Status::InvalidInput(
        path + ": needs shingle_words >= 1, hashes a multiple of bands, 0 < threshold <= 1");
  }
  return Status::OK();
}

Status NearDuplicates::LoadDefault(NearDuplicates* out) {
  return Load(DataPath("near_duplicates.json"), out);
}

std::vector<int64_t> NearDuplicates::Signature(std::string_view text) const {
  std::vector<std::string> words = LowerWords(text);
  if (static_cast<int>(words.size()) < shingle_words_) return {};
  std::vector<uint64_t> mins(hashes_, std::numeric_limits<uint64_t>::max());
  for (size_t i = 0; i + shingle_words_ <= words.size(); ++i) {
    std::string shingle = words[i];
    for (int k = 1; k < shingle_words_; ++k) shingle += " " + words[i + k];
    uint64_t h = IdFor(shingle);
    for (int k = 0; k < hashes_; ++k) {
      uint64_t v = Mix(h ^ Mix(static_cast<uint64_t>(k)));
      if (v < mins[k]) mins[k] = v;
    }
  }
  // Stored as signed 63-bit integers (the store's integers).
  std::vector<int64_t> out(hashes_);
  for (int k = 0; k < hashes_; ++k) out[k] = static_cast<int64_t>(mins[k] >> 1);
  return out;
}

std::vector<std::string> NearDuplicates::Bands(const std::vector<int64_t>& sig) const {
  std::vector<std::string> out;
  if (static_cast<int>(sig.size()) != hashes_) return out;
  int rows = hashes_ / bands_;
  for (int b = 0; b < bands_; ++b) {
    std::string key;
    for (int r = 0; r < rows; ++r) key += std::to_string(sig[b * rows + r]) + ",";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%d:%016llx", b, static_cast<unsigned long long>(IdFor(key)));
    out.push_back(buf);
  }
  return out;
}

double NearDuplicates::Similarity(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

}  // namespace parley
