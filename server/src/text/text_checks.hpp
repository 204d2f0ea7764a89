// Checks every free-text input goes through: valid UTF-8, no control characters, length in
// characters (code points, so 20 Chinese characters count as 20). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace minqing::text {

/// Code points in valid UTF-8 text; nullopt when the bytes are not valid UTF-8.
std::optional<std::size_t> CountCharacters(std::string_view utf8);

/// True when the text holds C0/C1 control characters other than tab, LF and CR (or, with
/// `single_line`, any of those three as well).
bool HasControlCharacters(std::string_view utf8, bool single_line);

/// True when the text holds characters that reorder or hide what is shown: bidirectional
/// overrides, isolates and marks (U+202A–202E, U+2066–2069, U+200E/F, U+061C), zero-width
/// spaces and non-joiners, word joiners, byte-order marks, soft hyphens, and zero-width joiners
/// that do not follow a pictograph (emoji sequences keep theirs).
bool HasHiddenCharacters(std::string_view utf8);

/// The field-error reason for a text value, or nullopt when it is fine: "required",
/// "invalid_utf8", "control_characters", "hidden_characters" (single-line text only: names,
/// titles and file names, where a hidden override could disguise what is shown),
/// "too_long".
std::optional<std::string> CheckText(std::string_view utf8, std::size_t max_characters,
                                     bool required, bool single_line);

/// Leading and trailing ASCII white space removed.
std::string Trim(std::string_view text);

}  // namespace minqing::text
