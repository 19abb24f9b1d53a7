// Stable hashes: ids for canonical keys and fingerprints of content. They must never change
// between versions, since stored ids and hashes depend on them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley {

// A stable 63-bit id for a canonical key (FNV-1a folded through a 64-bit mixer). Parley's
// node and relationship ids are IdFor("Actor:IRN"), IdFor("Demand:<doc>:<start>:<end>:..."),
// and so on, so that the same fact gets the same id on every machine.
uint64_t IdFor(std::string_view key);

// Lower-case hex of a 128-bit hash of `data` (article content and facts fingerprints).
std::string HashHex(std::string_view data);

}  // namespace parley
