#include "domain/assessment.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "domain/assessment_tally.hpp"

namespace minqing::domain {
namespace {

constexpr double kFullScore = 100.0;
// Composites are compared at this precision, so 0.1 + 0.2 and 0.3 tie as people read them.
constexpr double kTieScale = 1e6;

// The peer group an org unit is ranked in, and the district that bounds a district's units.
std::pair<std::optional<PeerGroup>, OrgUnitId> GroupOf(const OrgTree& tree, AssessedUnit unit) {
    if (unit.kind == AssessedUnit::Kind::kUser) {
        return {PeerGroup::kGridWorkers, 0};
    }
    const OrgUnit* org = tree.Find(unit.id);
    if (org == nullptr) {
        return {std::nullopt, 0};
    }
    if (org->kind == OrgKind::kUnit) {
        if (org->level == OrgLevel::kCity) {
            return {PeerGroup::kCityUnits, 0};
        }
        if (org->level == OrgLevel::kDistrict) {
            return {PeerGroup::kDistrictUnits, org->parent_id.value_or(0)};
        }
        return {std::nullopt, 0};
    }
    if (org->kind != OrgKind::kDivision) {
        return {std::nullopt, 0};
    }
    switch (org->level) {
        case OrgLevel::kDistrict:
            return {PeerGroup::kDistricts, 0};
        case OrgLevel::kStreet:
            return {PeerGroup::kStreets, 0};
        case OrgLevel::kCommunity:
            return {PeerGroup::kCommunities, 0};
        case OrgLevel::kCity:
        case OrgLevel::kGrid:
            break;
    }
    return {std::nullopt, 0};
}

std::int64_t DistinctCases(const std::map<AssessmentMeasure, MeasureResult>& measures) {
    std::set<CaseId> cases;
    for (const auto& [measure, result] : measures) {
        cases.insert(result.counted.begin(), result.counted.end());
    }
    return static_cast<std::int64_t>(cases.size());
}

// Σ weight × value over the weighted measures with data, the weights scaled to those present:
// a unit is not marked down for a measure nothing let it show (no rated case yet).
std::optional<double> MeasureScore(const std::vector<WeightedMeasure>& weights,
                                   const std::map<AssessmentMeasure, MeasureResult>& measures) {
    double sum = 0;
    double weight_present = 0;
    for (const WeightedMeasure& weighted : weights) {
        const auto found = measures.find(weighted.measure);
        if (found == measures.end()) {
            continue;
        }
        const std::optional<double> value = found->second.Value(weighted.measure);
        if (!value) {
            continue;
        }
        sum += weighted.weight * (HigherIsBetter(weighted.measure) ? *value : kFullScore - *value);
        weight_present += weighted.weight;
    }
    if (weight_present <= 0) {
        return std::nullopt;
    }
    return sum / weight_present;
}

UnitAssessment Score(AssessedUnit unit, const UnitTally& tally, const AssessmentScheme& scheme,
                     const OrgTree& tree) {
    UnitAssessment assessed;
    assessed.unit = unit;
    std::tie(assessed.group, assessed.group_scope) = GroupOf(tree, unit);
    assessed.measures = tally.measures;
    assessed.adjustments = tally.adjustments;
    assessed.case_count = DistinctCases(tally.measures);
    const bool grid = unit.kind == AssessedUnit::Kind::kUser;
    assessed.measure_score =
        MeasureScore(grid ? scheme.grid_worker_weights : scheme.weights, tally.measures);
    if (assessed.measure_score) {
        double composite = *assessed.measure_score;
        for (const ScoreAdjustment& adjustment : tally.adjustments) {
            composite += adjustment.points;
        }
        assessed.composite = std::clamp(composite, 0.0, kFullScore);
    }
    assessed.below_minimum = assessed.case_count < scheme.min_cases;
    return assessed;
}

bool Ranked(const UnitAssessment& unit, const AssessmentScheme& scheme) {
    return unit.group && unit.composite && !unit.below_minimum &&
           std::ranges::find(scheme.ranked_groups, *unit.group) != scheme.ranked_groups.end();
}

double TieKey(double composite) {
    return std::round(composite * kTieScale);
}

// Within a group (already sorted best first), equal composites share the better rank.
void RankGroups(std::vector<UnitAssessment>& units, const AssessmentScheme& scheme) {
    std::size_t position_in_group = 0;
    for (std::size_t i = 0; i < units.size(); ++i) {
        UnitAssessment& unit = units[i];
        const bool new_group = i == 0 || units[i - 1].group != unit.group ||
                               units[i - 1].group_scope != unit.group_scope;
        if (new_group) {
            position_in_group = 0;
        }
        if (!Ranked(unit, scheme)) {
            continue;
        }
        ++position_in_group;
        const UnitAssessment* previous = i > 0 && !new_group ? &units[i - 1] : nullptr;
        if (previous != nullptr && previous->rank &&
            TieKey(*previous->composite) == TieKey(*unit.composite)) {
            unit.rank = previous->rank;
        } else {
            unit.rank = static_cast<int>(position_in_group);
        }
    }
}

// By group and scope; within one, ranked units best first, then the others; then by unit.
bool Before(const UnitAssessment& a, const UnitAssessment& b, const AssessmentScheme& scheme) {
    const auto group = [](const UnitAssessment& u) {
        return std::tuple(!u.group.has_value(), u.group.value_or(PeerGroup::kCityUnits),
                          u.group_scope);
    };
    if (group(a) != group(b)) {
        return group(a) < group(b);
    }
    const bool ranked_a = Ranked(a, scheme);
    const bool ranked_b = Ranked(b, scheme);
    if (ranked_a != ranked_b) {
        return ranked_a;
    }
    if (ranked_a && TieKey(*a.composite) != TieKey(*b.composite)) {
        return *a.composite > *b.composite;
    }
    return a.unit < b.unit;
}

}  // namespace

std::vector<UnitAssessment> Assess(const std::vector<CaseFacts>& cases,
                                   const AssessmentPeriod& period, const AssessmentScheme& scheme,
                                   const OrgTree& tree, const std::set<AppealExclusion>& appeals) {
    AssessmentTally tally(period, scheme, appeals);
    for (const CaseFacts& facts : cases) {
        tally.Add(facts);
    }
    std::vector<UnitAssessment> units;
    for (const auto& [unit, unit_tally] : tally.units()) {
        units.push_back(Score(unit, unit_tally, scheme, tree));
    }
    std::ranges::sort(units, [&](const UnitAssessment& a, const UnitAssessment& b) {
        return Before(a, b, scheme);
    });
    RankGroups(units, scheme);
    return units;
}

}  // namespace minqing::domain
