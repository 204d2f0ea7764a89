#include "domain/assessment_scheme.hpp"

#include <array>
#include <cmath>
#include <string>
#include <utility>

namespace minqing::domain {
namespace {

constexpr std::array<std::pair<PeerGroup, std::string_view>, 6> kGroupNames = {{
    {PeerGroup::kCityUnits, "city_units"},
    {PeerGroup::kDistrictUnits, "district_units"},
    {PeerGroup::kDistricts, "districts"},
    {PeerGroup::kStreets, "streets"},
    {PeerGroup::kCommunities, "communities"},
    {PeerGroup::kGridWorkers, "grid_workers"},
}};

constexpr std::array<PeerGroup, 6> kAllGroups = {PeerGroup::kCityUnits,   PeerGroup::kDistrictUnits,
                                                 PeerGroup::kDistricts,   PeerGroup::kStreets,
                                                 PeerGroup::kCommunities, PeerGroup::kGridWorkers};

// Weights are decimals an administrator types: 0.2 + 0.4 + 0.4 is not exactly 1 in binary.
constexpr double kWeightTolerance = 1e-6;

constexpr double kResponseWeight = 0.2;
constexpr double kResolutionWeight = 0.4;
constexpr double kSatisfactionWeight = 0.4;
constexpr double kPointsPerRedCard = 1;
constexpr double kPointsPerBulletin = 2;
constexpr double kPointsPerReopen = 1;
constexpr double kPointsPerPraise = 0.5;
constexpr int kMinCases = 5;
constexpr int kAppealDays = 7;
// A window longer than two months would still be open when the next period is published.
constexpr int kMaxAppealDays = 60;

void CheckPoints(std::vector<FieldError>& errors, std::string_view field, double points) {
    if (!std::isfinite(points) || points < 0) {
        errors.push_back({std::string(field), "out_of_range", "Points must be 0 or more."});
    }
}

void CheckWeight(std::vector<FieldError>& errors, const std::string& at,
                 const std::vector<WeightedMeasure>& weights, std::size_t i) {
    const WeightedMeasure& weighted = weights[i];
    if (!std::isfinite(weighted.weight) || weighted.weight < 0) {
        errors.push_back({at + ".weight", "out_of_range", "Weights must be 0 or more."});
    }
    if (AssessmentMeasureName(weighted.measure).empty()) {
        errors.push_back({at + ".measure", "invalid", "Unknown measure."});
    } else if (IsAverage(weighted.measure)) {
        errors.push_back({at + ".measure", "not_a_ratio", "An average is not a percentage."});
    }
    for (std::size_t j = 0; j < i; ++j) {
        if (weights[j].measure == weighted.measure) {
            errors.push_back({at + ".measure", "duplicate", "Each measure once."});
            break;
        }
    }
}

void CheckWeights(std::vector<FieldError>& errors, std::string_view field,
                  const std::vector<WeightedMeasure>& weights) {
    if (weights.empty()) {
        errors.push_back({std::string(field), "required", "Name at least one measure."});
        return;
    }
    double sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        CheckWeight(errors, std::string(field) + "[" + std::to_string(i) + "]", weights, i);
        if (std::isfinite(weights[i].weight) && weights[i].weight >= 0) {
            sum += weights[i].weight;
        }
    }
    if (std::abs(sum - 1.0) > kWeightTolerance) {
        errors.push_back({std::string(field), "bad_sum", "The weights must sum to 1."});
    }
}

}  // namespace

std::string_view PeerGroupName(PeerGroup group) {
    for (const auto& [value, name] : kGroupNames) {
        if (value == group) {
            return name;
        }
    }
    return "";
}

std::optional<PeerGroup> ParsePeerGroup(std::string_view name) {
    for (const auto& [value, wire] : kGroupNames) {
        if (wire == name) {
            return value;
        }
    }
    return std::nullopt;
}

std::span<const PeerGroup> AllPeerGroups() {
    return kAllGroups;
}

AssessmentScheme DefaultScheme() {
    AssessmentScheme scheme;
    scheme.version = 1;
    scheme.weights = {{AssessmentMeasure::kResponse, kResponseWeight},
                      {AssessmentMeasure::kResolution, kResolutionWeight},
                      {AssessmentMeasure::kSatisfaction, kSatisfactionWeight}};
    scheme.grid_worker_weights = {{AssessmentMeasure::kValidReports, 1.0}};
    scheme.points_per_red_card = kPointsPerRedCard;
    scheme.points_per_bulletin = kPointsPerBulletin;
    scheme.points_per_reopen = kPointsPerReopen;
    scheme.points_per_praise = kPointsPerPraise;
    scheme.ranked_groups.assign(kAllGroups.begin(), kAllGroups.end());
    scheme.min_cases = kMinCases;
    scheme.appeal_days = kAppealDays;
    return scheme;
}

std::vector<FieldError> ValidateScheme(const AssessmentScheme& scheme) {
    std::vector<FieldError> errors;
    if (scheme.version < 1) {
        errors.push_back({"version", "out_of_range", "The version starts at 1."});
    }
    CheckWeights(errors, "weights", scheme.weights);
    CheckWeights(errors, "gridWorkerWeights", scheme.grid_worker_weights);
    CheckPoints(errors, "pointsPerRedCard", scheme.points_per_red_card);
    CheckPoints(errors, "pointsPerBulletin", scheme.points_per_bulletin);
    CheckPoints(errors, "pointsPerReopen", scheme.points_per_reopen);
    CheckPoints(errors, "pointsPerPraise", scheme.points_per_praise);
    if (scheme.min_cases < 0) {
        errors.push_back({"minCases", "out_of_range", "The minimum is 0 or more."});
    }
    if (scheme.appeal_days < 1 || scheme.appeal_days > kMaxAppealDays) {
        errors.push_back({"appealDays", "out_of_range", "From 1 to 60 days."});
    }
    return errors;
}

}  // namespace minqing::domain
