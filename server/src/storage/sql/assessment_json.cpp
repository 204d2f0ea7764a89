#include "storage/sql/assessment_json.hpp"

#include <nlohmann/json.hpp>

namespace minqing::storage {
namespace {

using nlohmann::json;

json WeightsJson(const std::vector<domain::WeightedMeasure>& weights) {
    json array = json::array();
    for (const auto& weighted : weights) {
        array.push_back({{"measure", domain::AssessmentMeasureName(weighted.measure)},
                         {"weight", weighted.weight}});
    }
    return array;
}

std::vector<domain::WeightedMeasure> WeightsFrom(const json& array) {
    std::vector<domain::WeightedMeasure> weights;
    if (!array.is_array()) {
        return weights;
    }
    for (const json& item : array) {
        const auto measure = domain::ParseAssessmentMeasure(item.value("measure", ""));
        if (measure) {
            weights.push_back({*measure, item.value("weight", 0.0)});
        }
    }
    return weights;
}

json CaseIds(const std::vector<domain::CaseId>& ids) {
    return json(ids);
}

std::vector<domain::CaseId> CaseIdsFrom(const json& object, const char* key) {
    std::vector<domain::CaseId> ids;
    if (const auto found = object.find(key); found != object.end() && found->is_array()) {
        for (const json& id : *found) {
            ids.push_back(id.get<domain::CaseId>());
        }
    }
    return ids;
}

json MeasureJson(const domain::MeasureResult& result) {
    json excluded = json::array();
    for (const auto& e : result.excluded) {
        excluded.push_back({{"caseId", e.case_id}, {"reason", e.reason}});
    }
    return {{"numerator", result.numerator},
            {"denominator", result.denominator},
            {"counted", CaseIds(result.counted)},
            {"against", CaseIds(result.against)},
            {"excluded", std::move(excluded)}};
}

domain::MeasureResult MeasureFrom(const json& object) {
    domain::MeasureResult result;
    result.numerator = object.value("numerator", std::int64_t{0});
    result.denominator = object.value("denominator", std::int64_t{0});
    result.counted = CaseIdsFrom(object, "counted");
    result.against = CaseIdsFrom(object, "against");
    for (const json& e : object.value("excluded", json::array())) {
        result.excluded.push_back({e.value("caseId", domain::CaseId{0}), e.value("reason", "")});
    }
    return result;
}

template <typename T>
json OrNull(const std::optional<T>& value) {
    return value ? json(*value) : json(nullptr);
}

template <typename T>
std::optional<T> Optional(const json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        return std::nullopt;
    }
    return found->get<T>();
}

}  // namespace

std::string SchemeJson(const domain::AssessmentScheme& scheme) {
    json groups = json::array();
    for (const domain::PeerGroup group : scheme.ranked_groups) {
        groups.push_back(domain::PeerGroupName(group));
    }
    return json{{"weights", WeightsJson(scheme.weights)},
                {"gridWorkerWeights", WeightsJson(scheme.grid_worker_weights)},
                {"pointsPerRedCard", scheme.points_per_red_card},
                {"pointsPerBulletin", scheme.points_per_bulletin},
                {"pointsPerReopen", scheme.points_per_reopen},
                {"pointsPerPraise", scheme.points_per_praise},
                {"rankedGroups", std::move(groups)},
                {"minCases", scheme.min_cases},
                {"appealDays", scheme.appeal_days}}
        .dump();
}

domain::AssessmentScheme SchemeFromJson(std::string_view text, int version) {
    const json object = json::parse(text);
    domain::AssessmentScheme scheme;
    scheme.version = version;
    scheme.weights = WeightsFrom(object.value("weights", json::array()));
    scheme.grid_worker_weights = WeightsFrom(object.value("gridWorkerWeights", json::array()));
    scheme.points_per_red_card = object.value("pointsPerRedCard", 0.0);
    scheme.points_per_bulletin = object.value("pointsPerBulletin", 0.0);
    scheme.points_per_reopen = object.value("pointsPerReopen", 0.0);
    scheme.points_per_praise = object.value("pointsPerPraise", 0.0);
    for (const json& name : object.value("rankedGroups", json::array())) {
        if (const auto group = domain::ParsePeerGroup(name.get<std::string>())) {
            scheme.ranked_groups.push_back(*group);
        }
    }
    scheme.min_cases = object.value("minCases", 0);
    scheme.appeal_days = object.value("appealDays", scheme.appeal_days);
    return scheme;
}

std::string UnitAssessmentJson(const domain::UnitAssessment& unit) {
    json measures = json::object();
    for (const auto& [measure, result] : unit.measures) {
        measures[std::string(domain::AssessmentMeasureName(measure))] = MeasureJson(result);
    }
    json adjustments = json::array();
    for (const auto& a : unit.adjustments) {
        adjustments.push_back({{"kind", a.kind}, {"caseId", a.case_id}, {"points", a.points}});
    }
    const bool user = unit.unit.kind == domain::AssessedUnit::Kind::kUser;
    return json{{"kind", user ? "user" : "org"},
                {"id", unit.unit.id},
                {"group", unit.group ? json(domain::PeerGroupName(*unit.group)) : json(nullptr)},
                {"groupScope", unit.group_scope},
                {"measures", std::move(measures)},
                {"caseCount", unit.case_count},
                {"measureScore", OrNull(unit.measure_score)},
                {"adjustments", std::move(adjustments)},
                {"composite", OrNull(unit.composite)},
                {"rank", OrNull(unit.rank)},
                {"belowMinimum", unit.below_minimum}}
        .dump();
}

domain::UnitAssessment UnitAssessmentFromJson(std::string_view text) {
    const json object = json::parse(text);
    domain::UnitAssessment unit;
    unit.unit.kind = object.value("kind", "") == "user" ? domain::AssessedUnit::Kind::kUser
                                                        : domain::AssessedUnit::Kind::kOrgUnit;
    unit.unit.id = object.value("id", std::int64_t{0});
    if (const auto group = Optional<std::string>(object, "group")) {
        unit.group = domain::ParsePeerGroup(*group);
    }
    unit.group_scope = object.value("groupScope", domain::OrgUnitId{0});
    const json measures = object.value("measures", json::object());
    for (const auto& [name, result] : measures.items()) {
        if (const auto measure = domain::ParseAssessmentMeasure(name)) {
            unit.measures[*measure] = MeasureFrom(result);
        }
    }
    unit.case_count = object.value("caseCount", std::int64_t{0});
    unit.measure_score = Optional<double>(object, "measureScore");
    for (const json& a : object.value("adjustments", json::array())) {
        unit.adjustments.push_back(
            {a.value("kind", ""), a.value("caseId", domain::CaseId{0}), a.value("points", 0.0)});
    }
    unit.composite = Optional<double>(object, "composite");
    unit.rank = Optional<int>(object, "rank");
    unit.below_minimum = object.value("belowMinimum", false);
    return unit;
}

}  // namespace minqing::storage
