// Typed fields of the JSON objects in data files, read without exceptions: nlohmann::json's
// value() and get() throw when a field has another type than the one asked for, and errors
// here are values (util/status.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>

#include "util/status.h"

namespace parley {

// Sets `*out` to field `key` of `object`, or to `fallback` when the field is missing or null.
// kInvalidInput naming `where` and the key when `object` is not an object or the field is not
// a T (a string, a bool, an integer, or for a floating-point T any number).
template <typename T>
Status JsonField(const nlohmann::json& object, const std::string& key, const T& fallback,
                 const std::string& where, T* out) {
  if (!object.is_object()) return Status::InvalidInput(where + ": expected an object");
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    *out = fallback;
    return Status::OK();
  }
  bool fits;
  const char* expected;
  if constexpr (std::is_same_v<T, std::string>) {
    fits = it->is_string();
    expected = "a string";
  } else if constexpr (std::is_same_v<T, bool>) {
    fits = it->is_boolean();
    expected = "true or false";
  } else if constexpr (std::is_integral_v<T>) {
    fits = it->is_number_integer();
    expected = "an integer";
  } else {
    static_assert(std::is_floating_point_v<T>, "JsonField reads strings, bools and numbers");
    fits = it->is_number();
    expected = "a number";
  }
  if (!fits) return Status::InvalidInput(where + "." + key + ": expected " + expected);
  *out = it->get<T>();
  return Status::OK();
}

}  // namespace parley
