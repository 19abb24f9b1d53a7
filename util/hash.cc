// Stable hashes for ids and content fingerprints. They must never change between versions:
// stored ids and hashes depend on them.
#include "util/hash.h"

#include <cstdio>

namespace parley {
namespace {

uint64_t Fnv1a(std::string_view data, uint64_t seed) {
  uint64_t h = 0xcbf29ce484222325ull ^ seed;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

// splitmix64's finaliser: spreads FNV's weak low bits over the whole word.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

}  // namespace

uint64_t IdFor(std::string_view key) {
  uint64_t id = Mix(Fnv1a(key, 0)) & 0x7fffffffffffffffull;
  return id == 0 ? 1 : id;  // 0 means "no node" in places
}

std::string HashHex(std::string_view data) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx",
                static_cast<unsigned long long>(Mix(Fnv1a(data, 0))),
                static_cast<unsigned long long>(Mix(Fnv1a(data, 0x9e3779b97f4a7c15ull))));
  return buf;
}

}  // namespace parley
