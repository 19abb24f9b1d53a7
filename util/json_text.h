// JSON text that is safe to print: compact, and with no character a terminal acts on.
#pragma once

#include <string>

namespace parley {

// `json_text` (JSON as nlohmann::json's dump writes it) with DEL and the C1 controls
// (U+0080-U+009F, CSI and OSC among them) written as \u escapes: the JSON library escapes the
// C0 controls only. They can occur only inside strings, where the escapes mean the same
// characters.
std::string EscapeTerminalControls(std::string json_text);

// The compact JSON text of `j` (an nlohmann::json or ordered_json) with no terminal controls;
// a byte that is not UTF-8 is replaced by U+FFFD rather than thrown on.
template <typename Json>
std::string JsonText(const Json& j) {
  return EscapeTerminalControls(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace parley
