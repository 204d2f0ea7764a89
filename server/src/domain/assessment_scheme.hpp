// The assessment scheme (考核办法) as plain data: which measures make the composite score and
// with what weight, the points deducted for red cards, 通报 and reopened cases and added for
// praise, the peer groups ranked together and the fewest cases a ranked unit must have. An
// administrator edits it; each version is kept so a past assessment can be read again. Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/assessment_measure.hpp"

namespace minqing::domain {

/// Units ranked against each other (never a bureau against a community).
enum class PeerGroup {
    kCityUnits,      // member units of the city
    kDistrictUnits,  // member units of a district, ranked within their district
    kDistricts,      // district divisions (their green-channel offices)
    kStreets,
    kCommunities,
    kGridWorkers,  // the grid workers who record cases (users, not org units)
};
std::string_view PeerGroupName(PeerGroup group);
std::optional<PeerGroup> ParsePeerGroup(std::string_view name);
std::span<const PeerGroup> AllPeerGroups();

struct WeightedMeasure {
    AssessmentMeasure measure = AssessmentMeasure::kResponse;
    /// Share of the composite, 0–1; the weights sum to 1.
    double weight = 0;
};

struct AssessmentScheme {
    /// Which version of the rules an assessment was computed with (1, 2, …).
    int version = 1;
    /// The composite: Σ weight × measure in percent (a lower-is-better measure as 100 − it).
    std::vector<WeightedMeasure> weights;
    /// Grid workers record cases and handle none: their composite is their own measures'
    /// (by default valid reports alone), ranked among grid workers only.
    std::vector<WeightedMeasure> grid_worker_weights;
    /// Points off the composite for each red card (overdue step the sweep supervised).
    double points_per_red_card = 0;
    /// Points off for each 通报 (supervision level 3).
    double points_per_bulletin = 0;
    /// Points off for each case of the unit reopened in the period.
    double points_per_reopen = 0;
    /// Points added for each praise case (表扬) naming the unit, closed in the period.
    double points_per_praise = 0;
    /// The groups that are ranked; units of other groups are listed unranked.
    std::vector<PeerGroup> ranked_groups;
    /// A unit with fewer counted cases is listed but not ranked.
    int min_cases = 0;
    /// Days after the preliminary results are published during which units may appeal.
    int appeal_days = 7;
};

/// The scheme of WORKFLOW.md: composite = 0.2 response + 0.4 resolution + 0.4 satisfaction
/// (grid workers: valid reports), 1 point off per red card, 2 per 通报, 1 per reopened case,
/// 0.5 added per praise case, every peer group ranked, at least 5 cases to be ranked, appeals
/// within 7 days of the preliminary results.
AssessmentScheme DefaultScheme();

/// Every problem with `scheme`, by field: "version" (≥ 1), "weights[i].weight" (≥ 0, finite:
/// "out_of_range"), "weights[i].measure" (unknown: "invalid"; listed twice: "duplicate"; average
/// handling days, which is no percentage: "not_a_ratio"), "weights" (must sum to 1: "bad_sum";
/// empty: "required"), the same for "gridWorkerWeights", "pointsPer…" (≥ 0: "out_of_range"),
/// "minCases" (≥ 0: "out_of_range"), "appealDays" (1–60: "out_of_range"). Empty when valid.
std::vector<FieldError> ValidateScheme(const AssessmentScheme& scheme);

}  // namespace minqing::domain
