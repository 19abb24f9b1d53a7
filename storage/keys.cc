#include "storage/keys.h"

namespace parley::keys {

const char* ColumnFamilyName(int cf) {
  static const char* const kNames[kNumColumnFamilies] = {"default", "rels",  "out",      "in",
                                                         "labels",  "props", "articles", "contrib",
                                                         "owners",  "meta",  "fulltext"};
  return kNames[cf];
}

std::string PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    unsigned char last = static_cast<unsigned char>(end.back());
    if (last != 0xff) {
      end.back() = static_cast<char>(last + 1);
      return end;
    }
    end.pop_back();
  }
  return end;
}

}  // namespace parley::keys
