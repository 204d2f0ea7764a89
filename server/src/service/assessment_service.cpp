#include "service/assessment_service.hpp"

#include <algorithm>
#include <charconv>

#include "service/assessment_calculator.hpp"

namespace minqing::service {
namespace {

using domain::AssessedUnit;
using domain::AssessmentPeriod;
using domain::AssessmentPeriodKind;
using domain::AssessmentPeriodRecord;
using domain::AssessmentPeriodState;

// A trend longer than two years is a report, not a chart.
constexpr int kMaxTrendMonths = 24;
// How many recent periods of each kind the period list offers besides the recorded ones.
constexpr int kRecentMonths = 12;
constexpr int kRecentQuarters = 4;
constexpr int kRecentYears = 2;

Error CannotRead() {
    return Forbidden("auth.forbidden", "Your roles read no assessment.");
}

Error UnitNotFound() {
    return NotFound("assessment.unit_not_found", "No such assessed unit for you.");
}

AssessmentPeriodRecord OpenRecord(const AssessmentPeriod& period) {
    AssessmentPeriodRecord record;
    record.label = period.label;
    record.kind = period.kind;
    return record;
}

// The grid workers of `units`: their names, and the grid each works in (for jurisdiction).
struct Worker {
    std::string name;
    std::string grid_path;
};

std::map<domain::UserId, Worker> WorkersOf(domain::Repositories& repositories,
                                           const std::vector<domain::UnitAssessment>& units) {
    std::map<domain::UserId, Worker> workers;
    for (const auto& unit : units) {
        if (unit.unit.kind != AssessedUnit::Kind::kUser || workers.contains(unit.unit.id)) {
            continue;
        }
        Worker& worker = workers[unit.unit.id];
        if (const auto user = repositories.Users().FindById(unit.unit.id)) {
            worker.name = user->display_name;
            for (const auto& role : user->roles) {
                if (role.role == domain::Role::kGridWorker) {
                    worker.grid_path = role.org_unit_path;
                }
            }
        }
    }
    return workers;
}

bool InFilter(const domain::UnitAssessment& unit, const ResultsFilter& filter) {
    return (!filter.group || unit.group == filter.group) &&
           (!filter.scope || unit.group_scope == *filter.scope);
}

Result<AssessmentPeriod> PeriodOf(std::string_view label, std::string_view field = "period") {
    const auto period = domain::ParseAssessmentPeriod(label);
    if (!period) {
        return Fail(Validation({{std::string(field), "invalid",
                                 "A month, quarter or year: 2026-11, 2026-Q4, 2026."}}));
    }
    return *period;
}

// The recent periods of each kind, newest first, ending with the one holding `today`.
std::vector<AssessmentPeriod> RecentPeriods(domain::DayNumber today) {
    std::vector<AssessmentPeriod> periods;
    for (const auto& [kind, count] : {std::pair{AssessmentPeriodKind::kMonth, kRecentMonths},
                                      std::pair{AssessmentPeriodKind::kQuarter, kRecentQuarters},
                                      std::pair{AssessmentPeriodKind::kYear, kRecentYears}}) {
        AssessmentPeriod period = domain::PeriodContaining(kind, today);
        for (int i = 0; i < count; ++i) {
            periods.push_back(period);
            period = domain::PeriodContaining(kind, period.from - 1);
        }
    }
    return periods;
}

}  // namespace

std::optional<AssessedUnit> ParseUnitKey(std::string_view key) {
    AssessedUnit unit;
    std::string_view digits;
    if (key.starts_with("org-")) {
        digits = key.substr(4);
    } else if (key.starts_with("user-")) {
        unit.kind = AssessedUnit::Kind::kUser;
        digits = key.substr(5);
    } else {
        return std::nullopt;
    }
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), unit.id);
    if (error != std::errc() || end != digits.data() + digits.size() || unit.id <= 0) {
        return std::nullopt;
    }
    return unit;
}

std::string UnitKey(const AssessedUnit& unit) {
    return (unit.kind == AssessedUnit::Kind::kUser ? "user-" : "org-") + std::to_string(unit.id);
}

AssessmentService::Context AssessmentService::Begin(const domain::Principal& caller) {
    auto tree = org_tree_.Current();
    auto audience = AudienceOf(caller, *tree);
    return {caller, std::move(tree), std::move(audience)};
}

bool AssessmentService::SeedScheme(const domain::AssessmentScheme& scheme) {
    bool seeded = false;
    store_.Write([&](domain::Repositories& repositories) {
        if (repositories.Assessments().CurrentScheme()) {
            return false;
        }
        auto first = scheme;
        first.version = 1;
        seeded = repositories.Assessments().InsertScheme(
            {first, std::nullopt, clock_.Now(), "WORKFLOW.md"});
        return seeded;
    });
    return seeded;
}

Result<std::vector<domain::StoredAssessmentScheme>> AssessmentService::Schemes(
    const domain::Principal& caller) {
    if (!Begin(caller).audience.ReadsAnything()) {
        return Fail(CannotRead());
    }
    return domain::Query(store_, [](domain::Repositories& r) { return r.Assessments().Schemes(); });
}

Result<domain::StoredAssessmentScheme> AssessmentService::CurrentScheme(
    const domain::Principal& caller) {
    if (!Begin(caller).audience.ReadsAnything()) {
        return Fail(CannotRead());
    }
    auto current = domain::Query(
        store_, [](domain::Repositories& r) { return r.Assessments().CurrentScheme(); });
    if (!current) {
        return domain::StoredAssessmentScheme{domain::DefaultScheme(), std::nullopt, clock_.Now(),
                                              ""};
    }
    return *current;
}

Status AssessmentService::CanEditScheme(const domain::Principal& caller) {
    if (!Begin(caller).audience.edits_scheme) {
        return Fail(Forbidden("auth.forbidden", "Only the city office edits the scheme."));
    }
    return {};
}

Status AssessmentService::CanAppeal(const domain::Principal& caller) {
    const auto audience = Begin(caller).audience;
    if (audience.appeal_units.empty() && !audience.own_user) {
        return Fail(Forbidden("auth.forbidden", "Your roles appeal for no unit."));
    }
    return {};
}

Result<domain::StoredAssessmentScheme> AssessmentService::ChangeScheme(
    const domain::Principal& caller, domain::AssessmentScheme scheme, const std::string& note) {
    if (auto allowed = CanEditScheme(caller); !allowed) {
        return Fail(allowed.error());
    }
    scheme.version = 1;
    if (auto problems = domain::ValidateScheme(scheme); !problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    const Instant now = clock_.Now();
    return domain::Transact(
        store_, [&](domain::Repositories& r) -> Result<domain::StoredAssessmentScheme> {
            const auto current = r.Assessments().CurrentScheme();
            scheme.version = current ? current->scheme.version + 1 : 1;
            domain::StoredAssessmentScheme stored{scheme, caller.user_id, now, note};
            if (!r.Assessments().InsertScheme(stored)) {
                return Fail(Conflict("assessment.scheme_conflict",
                                     "Another version was saved at the same time; try again."));
            }
            r.Assessments().AppendLog({0, std::nullopt, "scheme_changed", caller.user_id, now, note,
                                       "version " + std::to_string(scheme.version)});
            return stored;
        });
}

Result<std::vector<AssessmentPeriodRecord>> AssessmentService::Periods(
    const domain::Principal& caller) {
    if (!Begin(caller).audience.ReadsAnything()) {
        return Fail(CannotRead());
    }
    auto stored =
        domain::Query(store_, [](domain::Repositories& r) { return r.Assessments().Periods(); });
    std::map<std::string, std::pair<AssessmentPeriod, AssessmentPeriodRecord>> by_label;
    for (const auto& period : RecentPeriods(domain::DayNumberOf(clock_.Now()))) {
        by_label.emplace(period.label, std::pair(period, OpenRecord(period)));
    }
    for (auto& record : stored) {
        if (const auto period = domain::ParseAssessmentPeriod(record.label)) {
            // The key is copied first: the record is moved into the value.
            std::string label = record.label;
            by_label.insert_or_assign(std::move(label), std::pair(*period, std::move(record)));
        }
    }
    std::vector<std::pair<AssessmentPeriod, AssessmentPeriodRecord>> periods;
    for (auto& [label, entry] : by_label) {
        periods.push_back(std::move(entry));
    }
    std::ranges::sort(periods, [](const auto& a, const auto& b) {
        return std::tuple(a.first.kind, -a.first.from) < std::tuple(b.first.kind, -b.first.from);
    });
    std::vector<AssessmentPeriodRecord> records;
    for (auto& [period, record] : periods) {
        records.push_back(std::move(record));
    }
    return records;
}

AssessmentResults AssessmentService::Compute(domain::Repositories& repositories,
                                             const Context& context,
                                             const AssessmentPeriod& period) {
    AssessmentResults results;
    results.period = period;
    results.record =
        repositories.Assessments().FindPeriod(period.label).value_or(OpenRecord(period));
    if (results.record.state == AssessmentPeriodState::kClosed) {
        results.scheme_version = results.record.scheme_version.value_or(0);
        results.units = repositories.Assessments().Snapshot(period.label);
        return results;
    }
    const auto scheme = repositories.Assessments().CurrentScheme();
    const domain::AssessmentScheme rules = scheme ? scheme->scheme : domain::DefaultScheme();
    results.scheme_version = rules.version;
    AssessmentCalculator calculator(repositories, *context.tree, time_rules_.Current().calendar);
    calculator.Load({period});
    results.units = calculator.Assess(period, rules);
    return results;
}

bool AssessmentService::Reads(domain::Repositories& repositories, const Context& context,
                              const AssessedUnit& unit) {
    if (unit.kind == AssessedUnit::Kind::kOrgUnit) {
        return context.tree->Find(unit.id) != nullptr &&
               context.audience.Reads(unit, *context.tree, "");
    }
    domain::UnitAssessment row;
    row.unit = unit;
    const auto workers = WorkersOf(repositories, {row});
    const auto& worker = workers.at(unit.id);
    return !worker.name.empty() && context.audience.Reads(unit, *context.tree, worker.grid_path);
}

std::string AssessmentService::UnitName(domain::Repositories& repositories, const Context& context,
                                        const AssessedUnit& unit) {
    if (unit.kind == AssessedUnit::Kind::kUser) {
        const auto user = repositories.Users().FindById(unit.id);
        return user ? user->display_name : "";
    }
    const auto* org = context.tree->Find(unit.id);
    return org != nullptr ? org->name : "";
}

void AssessmentService::Name(domain::Repositories& repositories, const Context& context,
                             AssessmentResults& results) {
    const auto workers = WorkersOf(repositories, results.units);
    for (const auto& unit : results.units) {
        if (unit.unit.kind == AssessedUnit::Kind::kUser) {
            results.names[unit.unit] = workers.at(unit.unit.id).name;
        } else if (const auto* org = context.tree->Find(unit.unit.id)) {
            results.names[unit.unit] = org->name;
        }
    }
}

Result<AssessmentService::Context> AssessmentService::Reader(const domain::Principal& caller) {
    Context context = Begin(caller);
    if (!context.audience.ReadsAnything()) {
        return Fail(CannotRead());
    }
    return context;
}

Result<AssessmentResults> AssessmentService::Results(const domain::Principal& caller,
                                                     std::string_view label,
                                                     const ResultsFilter& filter) {
    const auto reader = Reader(caller);
    const auto period = PeriodOf(label);
    if (!reader || !period) {
        return Fail(!reader ? reader.error() : period.error());
    }
    const Context& context = *reader;
    return domain::Query(store_, [&](domain::Repositories& r) -> Result<AssessmentResults> {
        auto results = Compute(r, context, *period);
        const auto workers = WorkersOf(r, results.units);
        std::erase_if(results.units, [&](const domain::UnitAssessment& unit) {
            const std::string grid = unit.unit.kind == AssessedUnit::Kind::kUser
                                         ? workers.at(unit.unit.id).grid_path
                                         : std::string();
            return !InFilter(unit, filter) ||
                   !context.audience.Reads(unit.unit, *context.tree, grid);
        });
        Name(r, context, results);
        return results;
    });
}

Result<UnitProfile> AssessmentService::Profile(const domain::Principal& caller,
                                               std::string_view label, std::string_view unit_key) {
    const auto reader = Reader(caller);
    const auto period = PeriodOf(label);
    if (!reader || !period) {
        return Fail(!reader ? reader.error() : period.error());
    }
    const Context& context = *reader;
    const auto unit = ParseUnitKey(unit_key);
    if (!unit) {
        return Fail(UnitNotFound());
    }
    return domain::Query(store_, [&](domain::Repositories& r) -> Result<UnitProfile> {
        if (!Reads(r, context, *unit)) {
            return Fail(UnitNotFound());
        }
        UnitProfile profile;
        profile.results = Compute(r, context, *period);
        auto& units = profile.results.units;
        std::erase_if(units, [&](const domain::UnitAssessment& row) { return row.unit != *unit; });
        if (units.empty()) {
            domain::UnitAssessment empty;
            empty.unit = *unit;
            units.push_back(std::move(empty));
        }
        Name(r, context, profile.results);
        std::vector<domain::CaseId> ids;
        for (const auto& [measure, result] : units.front().measures) {
            ids.insert(ids.end(), result.counted.begin(), result.counted.end());
            for (const auto& excluded : result.excluded) {
                ids.push_back(excluded.case_id);
            }
        }
        profile.case_numbers = r.Assessments().CaseNumbers(ids);
        profile.appeals = r.Assessments().Appeals({period->label, std::nullopt, *unit});
        for (auto& appeal : profile.appeals) {
            appeal.unit_name = profile.results.names[*unit];
        }
        return profile;
    });
}

Result<std::vector<TrendPoint>> AssessmentService::Trend(const domain::Principal& caller,
                                                         std::string_view unit_key,
                                                         std::string_view from,
                                                         std::string_view to) {
    const auto reader = Reader(caller);
    if (!reader) {
        return Fail(reader.error());
    }
    const Context& context = *reader;
    std::vector<FieldError> problems;
    const auto first = domain::ParseAssessmentPeriod(from);
    const auto last = domain::ParseAssessmentPeriod(to);
    if (!first || first->kind != AssessmentPeriodKind::kMonth) {
        problems.push_back({"from", "invalid", "A month: 2026-01."});
    }
    if (!last || last->kind != AssessmentPeriodKind::kMonth) {
        problems.push_back({"to", "invalid", "A month: 2026-11."});
    }
    std::vector<AssessmentPeriod> months;
    if (problems.empty()) {
        for (auto month = *first; month.from <= last->from;
             month = domain::PeriodContaining(AssessmentPeriodKind::kMonth, month.to)) {
            months.push_back(month);
        }
        if (months.empty()) {
            problems.push_back({"to", "before_from", "The last month, not before from."});
        } else if (months.size() > kMaxTrendMonths) {
            problems.push_back({"from", "too_long", "At most 24 months."});
        }
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    const auto unit = ParseUnitKey(unit_key);
    if (!unit) {
        return Fail(UnitNotFound());
    }
    return domain::Query(store_, [&](domain::Repositories& r) -> Result<std::vector<TrendPoint>> {
        if (!Reads(r, context, *unit)) {
            return Fail(UnitNotFound());
        }
        std::vector<TrendPoint> points;
        std::vector<AssessmentPeriod> live;
        for (const auto& month : months) {
            const auto record = r.Assessments().FindPeriod(month.label);
            points.push_back({month, record ? record->state : AssessmentPeriodState::kOpen, {}});
            if (points.back().state != AssessmentPeriodState::kClosed) {
                live.push_back(month);
            }
        }
        const auto scheme = r.Assessments().CurrentScheme();
        const auto rules = scheme ? scheme->scheme : domain::DefaultScheme();
        AssessmentCalculator calculator(r, *context.tree, time_rules_.Current().calendar);
        calculator.Load(live);
        for (auto& point : points) {
            const auto rows = point.state == AssessmentPeriodState::kClosed
                                  ? r.Assessments().Snapshot(point.period.label)
                                  : calculator.Assess(point.period, rules);
            const auto row = std::ranges::find(rows, *unit, &domain::UnitAssessment::unit);
            if (row != rows.end()) {
                point.unit = *row;
            }
        }
        return points;
    });
}

}  // namespace minqing::service
