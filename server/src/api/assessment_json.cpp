#include "api/assessment_json.hpp"

#include "api/json_fields.hpp"
#include "domain/case_stats.hpp"

namespace minqing::api {
namespace {

using domain::AssessedUnit;
using domain::AssessmentMeasure;
using nlohmann::json;

constexpr std::string_view kSchemeKeys[] = {"weights",          "gridWorkerWeights",
                                            "pointsPerRedCard", "pointsPerBulletin",
                                            "pointsPerReopen",  "pointsPerPraise",
                                            "rankedGroups",     "minCases",
                                            "appealDays",       "note"};

json InstantOrNull(const std::optional<Instant>& at) {
    return at ? json(FormatIso8601Cst(*at)) : json(nullptr);
}

template <typename T>
json OrNull(const std::optional<T>& value) {
    return value ? json(*value) : json(nullptr);
}

std::vector<domain::WeightedMeasure> WeightsFrom(JsonFields& fields, std::string_view key,
                                                 bool required) {
    std::vector<domain::WeightedMeasure> weights;
    const json* array = fields.Raw(key);
    if (array == nullptr || array->is_null()) {
        if (required) {
            fields.Add({std::string(key), "required", "Name the measures and their weights."});
        }
        return weights;
    }
    if (!array->is_array()) {
        fields.Add({std::string(key), "type", "Expected an array of {measure, weight}."});
        return weights;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string at = std::string(key) + "[" + std::to_string(i) + "]";
        if (!(*array)[i].is_object()) {
            fields.Add({at, "type", "Expected {measure, weight}."});
            continue;
        }
        JsonFields item((*array)[i], at);
        item.RejectUnknown({"measure", "weight"});
        const auto name = item.String("measure", true);
        const auto weight = item.Number("weight", true);
        const auto measure = name ? domain::ParseAssessmentMeasure(*name) : std::nullopt;
        if (name && !measure) {
            item.Add({at + ".measure", "invalid", "Unknown measure."});
        }
        fields.Absorb(item);
        if (measure && weight) {
            weights.push_back({*measure, *weight});
        }
    }
    return weights;
}

std::vector<domain::PeerGroup> GroupsFrom(JsonFields& fields) {
    const auto names = fields.Strings("rankedGroups");
    if (!names) {
        const auto all = domain::AllPeerGroups();
        return {all.begin(), all.end()};
    }
    std::vector<domain::PeerGroup> groups;
    for (std::size_t i = 0; i < names->size(); ++i) {
        if (const auto group = domain::ParsePeerGroup((*names)[i])) {
            groups.push_back(*group);
        } else {
            fields.Add({"rankedGroups[" + std::to_string(i) + "]", "invalid", "Unknown group."});
        }
    }
    return groups;
}

json WeightsJson(const std::vector<domain::WeightedMeasure>& weights) {
    json array = json::array();
    for (const auto& w : weights) {
        array.push_back(
            {{"measure", domain::AssessmentMeasureName(w.measure)}, {"weight", w.weight}});
    }
    return array;
}

json PeriodJson(const domain::AssessmentPeriod& period) {
    constexpr std::string_view kKinds[] = {"month", "quarter", "year"};
    return {{"label", period.label},
            {"from", domain::FormatDayNumber(period.from)},
            {"to", domain::FormatDayNumber(period.to)},
            {"kind", kKinds[static_cast<std::size_t>(period.kind)]}};
}

json UnitRefJson(const AssessedUnit& unit, const std::map<AssessedUnit, std::string>& names) {
    const auto name = names.find(unit);
    return {{"kind", unit.kind == AssessedUnit::Kind::kUser ? "user" : "org"},
            {"id", unit.id},
            {"key", service::UnitKey(unit)},
            {"name", name == names.end() ? "" : name->second}};
}

json MeasureJson(AssessmentMeasure measure, const domain::MeasureResult& result) {
    return {{"numerator", result.numerator},
            {"denominator", result.denominator},
            {"value", OrNull(result.Value(measure))}};
}

json UnitJson(const domain::UnitAssessment& unit,
              const std::map<AssessedUnit, std::string>& names) {
    json adjustments = json::array();
    for (const auto& a : unit.adjustments) {
        adjustments.push_back({{"kind", a.kind}, {"caseId", a.case_id}, {"points", a.points}});
    }
    json measures = json::object();
    for (const auto& [measure, result] : unit.measures) {
        measures[std::string(domain::AssessmentMeasureName(measure))] =
            MeasureJson(measure, result);
    }
    return {{"unit", UnitRefJson(unit.unit, names)},
            {"group", unit.group ? json(domain::PeerGroupName(*unit.group)) : json(nullptr)},
            {"groupScope", unit.group_scope == 0 ? json(nullptr) : json(unit.group_scope)},
            {"caseCount", unit.case_count},
            {"measureScore", OrNull(unit.measure_score)},
            {"composite", OrNull(unit.composite)},
            {"rank", OrNull(unit.rank)},
            {"belowMinimum", unit.below_minimum},
            {"adjustments", std::move(adjustments)},
            {"measures", std::move(measures)}};
}

// The state and dates of a period, shared by results, profiles and the period list.
void PutState(json& out, const domain::AssessmentPeriodRecord& record) {
    out["state"] = domain::AssessmentPeriodStateName(record.state);
    out["publishedAt"] = InstantOrNull(record.published_at);
    out["appealUntil"] = InstantOrNull(record.appeal_until);
    out["closedAt"] = InstantOrNull(record.closed_at);
}

json CaseRefs(const std::vector<domain::CaseId>& ids,
              const std::map<domain::CaseId, std::string>& numbers) {
    json array = json::array();
    for (const domain::CaseId id : ids) {
        const auto number = numbers.find(id);
        array.push_back({{"id", id}, {"number", number == numbers.end() ? "" : number->second}});
    }
    return array;
}

}  // namespace

Result<domain::AssessmentScheme> SchemeFromJson(const json& body) {
    JsonFields fields(body);
    fields.RejectUnknown(kSchemeKeys);
    domain::AssessmentScheme scheme = domain::DefaultScheme();
    scheme.weights = WeightsFrom(fields, "weights", true);
    if (fields.Has("gridWorkerWeights")) {
        scheme.grid_worker_weights = WeightsFrom(fields, "gridWorkerWeights", true);
    }
    for (const auto& [key, target] : {std::pair{"pointsPerRedCard", &scheme.points_per_red_card},
                                      std::pair{"pointsPerBulletin", &scheme.points_per_bulletin},
                                      std::pair{"pointsPerReopen", &scheme.points_per_reopen},
                                      std::pair{"pointsPerPraise", &scheme.points_per_praise}}) {
        if (const auto points = fields.Number(key)) {
            *target = *points;
        }
    }
    scheme.ranked_groups = GroupsFrom(fields);
    for (const auto& [key, target] :
         {std::pair{"minCases", &scheme.min_cases}, std::pair{"appealDays", &scheme.appeal_days}}) {
        if (const auto number = fields.Integer(key)) {
            // Out of int's range reads as -1: ValidateScheme calls it out of range.
            *target = *number < 0 || *number > 1'000'000 ? -1 : static_cast<int>(*number);
        }
    }
    fields.String("note");
    if (!fields.ok()) {
        return Fail(fields.error());
    }
    if (auto problems = domain::ValidateScheme(scheme); !problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    return scheme;
}

json StoredSchemeJson(const domain::StoredAssessmentScheme& stored) {
    const auto& s = stored.scheme;
    json groups = json::array();
    for (const auto group : s.ranked_groups) {
        groups.push_back(domain::PeerGroupName(group));
    }
    return {{"version", s.version},
            {"createdAt", FormatIso8601Cst(stored.created_at)},
            {"createdBy", OrNull(stored.created_by)},
            {"note", stored.note},
            {"weights", WeightsJson(s.weights)},
            {"gridWorkerWeights", WeightsJson(s.grid_worker_weights)},
            {"pointsPerRedCard", s.points_per_red_card},
            {"pointsPerBulletin", s.points_per_bulletin},
            {"pointsPerReopen", s.points_per_reopen},
            {"pointsPerPraise", s.points_per_praise},
            {"rankedGroups", std::move(groups)},
            {"minCases", s.min_cases},
            {"appealDays", s.appeal_days}};
}

json PeriodRecordJson(const domain::AssessmentPeriodRecord& record) {
    json out = {{"label", record.label}};
    if (const auto period = domain::ParseAssessmentPeriod(record.label)) {
        out["period"] = PeriodJson(*period);
    }
    PutState(out, record);
    out["schemeVersion"] = OrNull(record.scheme_version);
    return out;
}

json ResultsJson(const service::AssessmentResults& results) {
    json out = {{"period", PeriodJson(results.period)}, {"schemeVersion", results.scheme_version}};
    PutState(out, results.record);
    json units = json::array();
    std::map<AssessmentMeasure, std::pair<std::int64_t, std::int64_t>> sums;
    for (const auto& unit : results.units) {
        units.push_back(UnitJson(unit, results.names));
        if (unit.unit.kind != AssessedUnit::Kind::kOrgUnit) {
            continue;
        }
        for (const auto& [measure, result] : unit.measures) {
            sums[measure].first += result.numerator;
            sums[measure].second += result.denominator;
        }
    }
    json overall = json::object();
    for (const auto& [measure, sum] : sums) {
        domain::MeasureResult total;
        total.numerator = sum.first;
        total.denominator = sum.second;
        overall[std::string(domain::AssessmentMeasureName(measure))] = MeasureJson(measure, total);
    }
    out["units"] = std::move(units);
    out["overall"] = std::move(overall);
    return out;
}

json ProfileJson(const service::UnitProfile& profile) {
    const auto& results = profile.results;
    json out = {{"period", PeriodJson(results.period)}, {"schemeVersion", results.scheme_version}};
    PutState(out, results.record);
    const auto& unit = results.units.front();
    json row = UnitJson(unit, results.names);
    for (const auto& [measure, result] : unit.measures) {
        json& measure_json = row["measures"][std::string(domain::AssessmentMeasureName(measure))];
        measure_json["counted"] = CaseRefs(result.counted, profile.case_numbers);
        measure_json["against"] = CaseRefs(result.against, profile.case_numbers);
        json excluded = json::array();
        for (const auto& e : result.excluded) {
            const auto number = profile.case_numbers.find(e.case_id);
            excluded.push_back(
                {{"id", e.case_id},
                 {"number", number == profile.case_numbers.end() ? "" : number->second},
                 {"reason", e.reason}});
        }
        measure_json["excluded"] = std::move(excluded);
    }
    out["unit"] = std::move(row);
    json appeals = json::array();
    for (const auto& appeal : profile.appeals) {
        appeals.push_back(AppealJson(appeal));
    }
    out["appeals"] = std::move(appeals);
    return out;
}

json TrendJson(const std::vector<service::TrendPoint>& points) {
    json items = json::array();
    for (const auto& point : points) {
        json measures = json::object();
        if (point.unit) {
            for (const auto& [measure, result] : point.unit->measures) {
                measures[std::string(domain::AssessmentMeasureName(measure))] =
                    MeasureJson(measure, result);
            }
        }
        items.push_back({{"period", point.period.label},
                         {"state", domain::AssessmentPeriodStateName(point.state)},
                         {"composite", point.unit ? OrNull(point.unit->composite) : json(nullptr)},
                         {"rank", point.unit ? OrNull(point.unit->rank) : json(nullptr)},
                         {"caseCount", point.unit ? point.unit->case_count : 0},
                         {"measures", std::move(measures)}});
    }
    return {{"items", std::move(items)}};
}

json AppealJson(const domain::AssessmentAppeal& a) {
    return {{"id", a.id},
            {"period", a.period},
            {"unit", UnitRefJson(a.unit, {{a.unit, a.unit_name}})},
            {"measure", domain::AssessmentMeasureName(a.measure)},
            {"caseId", a.case_id},
            {"caseNumber", a.case_number},
            {"reason", a.reason},
            {"attachmentIds", a.attachment_ids},
            {"state", domain::AppealStateName(a.state)},
            {"filedBy", a.filed_by},
            {"filedAt", FormatIso8601Cst(a.filed_at)},
            {"decidedBy", OrNull(a.decided_by)},
            {"decidedAt", InstantOrNull(a.decided_at)},
            {"decisionReason", a.decision_reason}};
}

json LogEntryJson(const domain::AssessmentLogEntry& e) {
    return {{"id", e.id},
            {"period", OrNull(e.period)},
            {"action", e.action},
            {"actorId", e.actor_id},
            {"at", FormatIso8601Cst(e.at)},
            {"reason", e.reason},
            {"details", e.details}};
}

}  // namespace minqing::api
