#include "text/segmenter.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>
#include <unordered_set>
#include <utility>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include "text/normalize.hpp"

namespace minqing::text {
namespace {

// A token is a half-open range of UTF-16 offsets into the normalised text. Ranges are collected
// first and turned into UTF-8 once, so duplicates and order are settled in one place.
struct Span {
    std::int32_t start = 0;
    std::int32_t end = 0;

    friend bool operator<(const Span& a, const Span& b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
    }
};

constexpr std::size_t kNoLimit = std::numeric_limits<std::size_t>::max();

enum class CharClass { kSeparator, kHan, kOtherWord };

// Only letters and numbers go into tokens: FTS5 unicode61 splits on everything outside L*, N*
// and Co, and PostgreSQL's default parser treats punctuation as part of hosts, paths, versions
// and the like, so anything else could make a database see a token differently than we do.
CharClass ClassOf(UChar32 c) {
    if ((U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) == 0) {
        return CharClass::kSeparator;
    }
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_HAN ? CharClass::kHan : CharClass::kOtherWord;
}

icu::BreakIterator& WordIterator() {
    // A break iterator holds the state of one walk over one text, so threads cannot share one;
    // creating one loads the rules and the CJK dictionary, so each thread keeps its own rather
    // than creating one per call.
    thread_local const std::unique_ptr<icu::BreakIterator> iterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> created(
            icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
        if (U_FAILURE(status) || created == nullptr) {
            throw std::runtime_error(std::string("ICU word break iterator unavailable: ") +
                                     u_errorName(status));
        }
        return created;
    }();
    return *iterator;
}

// Points the thread's iterator at `text` and, on leaving scope, at an empty string again, so it
// never keeps a reference to a string that is gone.
class WordWalk {
  public:
    explicit WordWalk(const icu::UnicodeString& text) : iterator_(WordIterator()) {
        iterator_.setText(text);
    }
    ~WordWalk() { iterator_.setText(Empty()); }
    WordWalk(const WordWalk&) = delete;
    WordWalk& operator=(const WordWalk&) = delete;

    icu::BreakIterator& iterator() { return iterator_; }

  private:
    static const icu::UnicodeString& Empty() {
        static const icu::UnicodeString kEmpty;
        return kEmpty;
    }

    icu::BreakIterator& iterator_;
};

bool WithinWordLimit(const icu::UnicodeString& text, const Span& span) {
    return static_cast<std::size_t>(text.countChar32(span.start, span.end - span.start)) <=
           kMaxWordCharacters;
}

// Appends the ICU words of `text`, each cut at separators and at changes between Han and other
// letters (ICU does not join them, but the Han bigrams and the words must not overlap in kind).
// Han words are appended only with `include_han`.
void AppendWords(const icu::UnicodeString& text, bool include_han, std::vector<Span>& spans) {
    WordWalk walk(text);
    icu::BreakIterator& iterator = walk.iterator();
    const char16_t* buffer = text.getBuffer();
    const auto append = [&](Span span, CharClass kind) {
        if (kind == CharClass::kSeparator || (kind == CharClass::kHan && !include_han)) {
            return;
        }
        if (WithinWordLimit(text, span)) {
            spans.push_back(span);
        }
    };
    std::int32_t word_start = iterator.first();
    for (std::int32_t word_end = iterator.next(); word_end != icu::BreakIterator::DONE;
         word_start = word_end, word_end = iterator.next()) {
        Span piece{word_start, word_start};
        CharClass piece_class = CharClass::kSeparator;
        std::int32_t offset = word_start;
        while (offset < word_end) {
            const std::int32_t char_start = offset;
            UChar32 c = 0;
            U16_NEXT(buffer, offset, word_end, c);
            const CharClass char_class = ClassOf(c);
            if (char_class != piece_class) {
                piece.end = char_start;
                append(piece, piece_class);
                piece = Span{char_start, char_start};
                piece_class = char_class;
            }
        }
        piece.end = word_end;
        append(piece, piece_class);
    }
}

// Appends, for each run of consecutive Han characters, its overlapping bigrams; single
// characters too, for every character with `all_unigrams` and otherwise only for runs of one.
void AppendHanGrams(const icu::UnicodeString& text, bool all_unigrams, std::vector<Span>& spans) {
    const char16_t* buffer = text.getBuffer();
    const std::int32_t length = text.length();
    std::int32_t run_length = 0;
    Span previous;  // the last Han character, while run_length > 0
    const auto end_run = [&] {
        if (run_length == 1 && !all_unigrams) {
            spans.push_back(previous);
        }
        run_length = 0;
    };
    std::int32_t offset = 0;
    while (offset < length) {
        const std::int32_t char_start = offset;
        UChar32 c = 0;
        U16_NEXT(buffer, offset, length, c);
        if (ClassOf(c) != CharClass::kHan) {
            end_run();
            continue;
        }
        const Span current{char_start, offset};
        if (run_length > 0) {
            spans.push_back(Span{previous.start, current.end});
        }
        if (all_unigrams) {
            spans.push_back(current);
        }
        previous = current;
        ++run_length;
    }
    end_run();
}

// The spans as UTF-8 strings in text order, each string once, at most `limit` of them.
std::vector<std::string> DistinctTokens(const icu::UnicodeString& text, std::vector<Span> spans,
                                        std::size_t limit) {
    std::sort(spans.begin(), spans.end());
    std::vector<std::string> tokens;
    std::unordered_set<std::string> seen;
    for (const Span& span : spans) {
        if (tokens.size() == limit) {
            break;
        }
        std::string token;
        text.tempSubStringBetween(span.start, span.end).toUTF8String(token);
        if (seen.insert(token).second) {
            tokens.push_back(std::move(token));
        }
    }
    return tokens;
}

std::string JoinWith(const std::vector<std::string>& parts, std::string_view separator) {
    std::string joined;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            joined += separator;
        }
        joined += parts[i];
    }
    return joined;
}

// `term` between `quote` characters, each `quote` inside doubled and, with `escape_backslash`,
// each backslash doubled too.
std::string Quoted(std::string_view term, char quote, bool escape_backslash) {
    std::string quoted(1, quote);
    for (const char c : term) {
        if (c == quote || (escape_backslash && c == '\\')) {
            quoted += c;
        }
        quoted += c;
    }
    quoted += quote;
    return quoted;
}

}  // namespace

std::string IndexTokens(std::string_view text) {
    const icu::UnicodeString normalized = NormalizeToUnicode(text);
    std::vector<Span> spans;
    AppendWords(normalized, /*include_han=*/true, spans);
    // Every Han character is indexed on its own, not only lone ones as in Lucene's CJK bigrams:
    // a one-character query (水, 暖) then finds every document containing it instead of
    // depending on whether the dictionary happened to cut that character out as a word. After
    // de-duplication this costs at most one token per distinct character.
    AppendHanGrams(normalized, /*all_unigrams=*/true, spans);
    return JoinWith(DistinctTokens(normalized, std::move(spans), kNoLimit), " ");
}

std::vector<std::string> QueryTerms(std::string_view query) {
    const icu::UnicodeString normalized = NormalizeToUnicode(query);
    std::vector<Span> spans;
    AppendWords(normalized, /*include_han=*/false, spans);
    AppendHanGrams(normalized, /*all_unigrams=*/false, spans);
    return DistinctTokens(normalized, std::move(spans), kMaxQueryTerms);
}

std::string Fts5MatchExpression(const std::vector<std::string>& terms) {
    std::vector<std::string> quoted;
    quoted.reserve(terms.size());
    for (const std::string& term : terms) {
        quoted.push_back(Quoted(term, '"', /*escape_backslash=*/false));
    }
    return JoinWith(quoted, " AND ");
}

std::string TsQueryExpression(const std::vector<std::string>& terms) {
    std::vector<std::string> quoted;
    quoted.reserve(terms.size());
    for (const std::string& term : terms) {
        quoted.push_back(Quoted(term, '\'', /*escape_backslash=*/true));
    }
    return JoinWith(quoted, " & ");
}

}  // namespace minqing::text
