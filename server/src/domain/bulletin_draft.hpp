// Writes a bulletin's sections from the figures of its period (what the statistics service
// counted), so the office edits a draft rather than a blank page; and compares a regeneration
// with the figures the sections hold. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/bulletin.hpp"

namespace minqing::domain {

/// One counted thing in the period, the period before and the same period a year before.
struct PeriodCount {
    std::string key;    ///< "walk_in", "03", a unit id …
    std::string label;  ///< its name in the text
    std::int64_t current = 0;
    std::int64_t previous = 0;
    std::int64_t year_before = 0;
};

/// A matter many reported (群体性): a case and the reports merged into it in the period.
struct CollectiveMatter {
    std::string number;
    std::string title;
    std::int64_t reports = 0;  ///< the case and those merged into it
};

/// The ranking's ends for the period, when the assessment has published it.
struct AssessmentHighlights {
    std::vector<std::string> top_units;
    std::vector<std::string> bottom_units;
    std::vector<std::string> top_districts;
    std::vector<std::string> bottom_districts;
};

/// Everything a draft is written from. Lists are in the order the text names them (largest
/// first); the builder takes the first few.
struct BulletinFacts {
    std::string area;    ///< "全市", "船营区"
    std::string period;  ///< PeriodText
    PeriodCount total;
    std::vector<PeriodCount> channels;
    std::vector<PeriodCount> categories;  ///< first level
    std::vector<PeriodCount> districts;   ///< empty for a district's own bulletin
    std::vector<PeriodCount> concerns;    ///< second-level categories
    std::int64_t overdue = 0;             ///< received in the period, overdue now
    std::vector<PeriodCount> overdue_units;
    std::int64_t red_cards = 0;  ///< received in the period, showing a red card now
    std::int64_t collective_threshold = 3;
    std::vector<CollectiveMatter> collective;
    std::optional<AssessmentHighlights> assessment;
    std::vector<BulletinCase> typical;
};

/// The section keys, in order.
inline constexpr std::string_view kOverviewSection = "overview";
inline constexpr std::string_view kChannelsSection = "channels";
inline constexpr std::string_view kCategoriesSection = "categories";
inline constexpr std::string_view kDistrictsSection = "districts";
inline constexpr std::string_view kConcernsSection = "concerns";
inline constexpr std::string_view kCollectiveSection = "collective";
inline constexpr std::string_view kOverdueSection = "overdue";
inline constexpr std::string_view kAssessmentSection = "assessment";
inline constexpr std::string_view kTypicalSection = "typical";

/// The draft's sections: one per key above (districts left out when `facts.districts` is
/// empty), each with its text, figures and, for the breakdowns, a bar chart against the
/// previous period.
std::vector<BulletinSection> DraftSections(const BulletinFacts& facts);

/// A figure whose value a regeneration changed; a figure that appeared or went away has no
/// old or no new value.
struct FigureChange {
    std::string section;
    std::string key;
    std::string label;
    std::optional<double> old_value;
    std::optional<double> new_value;
};

struct Regeneration {
    std::vector<BulletinSection> sections;
    std::vector<FigureChange> changes;
};

/// `fresh` (just drafted) with the office's work kept: an edited section keeps its text (and
/// stays edited); sections keep their order of `fresh`. The changes list each figure whose
/// value differs between `current` and `fresh`.
Regeneration Regenerate(const std::vector<BulletinSection>& current,
                        const std::vector<BulletinSection>& fresh);

/// Puts the typical cases the office picked into their section, and when its text was not
/// edited, the text that introduces them.
void SetTypicalCases(std::vector<BulletinSection>& sections, std::vector<BulletinCase> cases);

/// "增加7.2%", "减少3.0%", "持平": the change from `before` to `now`; "" when before is 0.
std::string ChangeText(std::int64_t now, std::int64_t before);

}  // namespace minqing::domain
