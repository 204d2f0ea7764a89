// Tokens for keyword search in Chinese. All language work happens here: SQLite FTS5 (unicode61)
// and PostgreSQL (to_tsvector('simple', …)) index the same space-separated token string and only
// split it on the spaces. Pure; thread-safe (each thread keeps its own ICU word break iterator).
//
// Han text is indexed as overlapping character bigrams plus single characters, and queries are
// cut into bigrams too, so a query matches whatever the dictionary segmentation of the document
// was (ICU cuts 供热公司 into 供|热|公司 but 供热 still finds it). Latin words and numbers are
// whole words. Every token consists of letters and digits only (general categories L and N), so
// neither database's tokenizer can split or drop part of one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace minqing::text {

/// The most terms QueryTerms returns; a longer query is cut to its first terms (in text order),
/// which only widens what it matches.
inline constexpr std::size_t kMaxQueryTerms = 32;

/// Latin words and numbers longer than this many characters are neither indexed nor searched:
/// they are IDs, hashes or garbage, and PostgreSQL refuses lexemes over 2047 bytes anyway.
inline constexpr std::size_t kMaxWordCharacters = 64;

/// The index token string for a title or content: the text normalised (NFKC, case-folded, so
/// full-width forms equal half-width ones), then, without duplicates, separated by single spaces:
///  - each word of ICU's word break iterator with punctuation, symbols and white space left out
///    (a word that mixes Han and other letters, or contains punctuation such as 3.5 or don't, is
///    cut at those points into 3 5, don t);
///  - for each run of consecutive Han characters, every overlapping bigram (暖气不热 → 暖气 气不
///    不热) and every single character (暖 气 不 热).
/// Tokens are in order of first appearance. Empty when the text holds no letters or digits.
/// Invalid UTF-8 bytes act as separators.
std::string IndexTokens(std::string_view text);

/// The terms a document's IndexTokens must all contain for the query to match, normalised as
/// IndexTokens does: each Han run of two or more characters as its overlapping bigrams (never the
/// dictionary words, which may be cut differently in the query than in a document), a lone Han
/// character as itself, and Latin words and numbers as words. Without duplicates, in text order,
/// at most kMaxQueryTerms. Empty for an empty query or one without letters or digits: callers
/// must treat that as "no keyword filter" or "no results", never pass it to a MATCH.
std::vector<std::string> QueryTerms(std::string_view query);

/// An FTS5 MATCH expression requiring every term: "t1" AND "t2" … with each term a quoted string
/// (a " inside is doubled). Empty when `terms` is empty, which FTS5 would reject.
std::string Fts5MatchExpression(const std::vector<std::string>& terms);

/// A to_tsquery('simple', …) expression requiring every term: 't1' & 't2' … with each term a
/// quoted lexeme (' doubled, \ escaped). Empty when `terms` is empty. The result is a value to
/// bind as a parameter, not SQL to splice.
std::string TsQueryExpression(const std::vector<std::string>& terms);

}  // namespace minqing::text
