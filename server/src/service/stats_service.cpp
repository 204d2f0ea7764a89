#include "service/stats_service.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>

#include "domain/case_access.hpp"

namespace minqing::service {
namespace {

using domain::DayNumber;
using domain::StatsCell;
using domain::StatsDimension;

// Cells of two counts of the same query added together by key, in key order.
std::vector<StatsCell> Sum(const std::vector<StatsCell>& one, const std::vector<StatsCell>& other) {
    std::map<std::vector<std::string>, std::int64_t> counts;
    for (const auto* cells : {&one, &other}) {
        for (const StatsCell& cell : *cells) {
            counts[cell.keys] += cell.count;
        }
    }
    std::vector<StatsCell> sum;
    for (auto& [keys, count] : counts) {
        sum.push_back({keys, count});
    }
    return sum;
}

domain::StatsResult Count(domain::Repositories& repositories, const domain::CaseListQuery& filters,
                          const std::vector<domain::StatsGrouping>& groupings, DayNumber from,
                          DayNumber to) {
    domain::StatsQuery query{filters, from, to, groupings};
    auto& stats = repositories.CaseStats();
    const auto scope = domain::RollupScopeOf(filters, groupings);
    if (!scope) {
        return {stats.CountCases(query), domain::StatsSource::kCases};
    }
    auto cells = stats.CountFromRollups(query, *scope);
    const auto& visibility = filters.visibility;
    if (!visibility.everything && visibility.creator) {
        // What the caller recorded outside their jurisdiction is on their list too.
        auto own = query;
        own.filters.visibility = domain::CaseVisibility{};
        own.filters.visibility.creator = visibility.creator;
        own.filters.excluded_paths = visibility.paths;
        cells = Sum(cells, stats.CountCases(own));
    }
    return {std::move(cells), domain::StatsSource::kRollups};
}

std::vector<StatsCell> ZeroTotal(const std::vector<domain::StatsGrouping>& groupings) {
    return groupings.empty() ? std::vector<StatsCell>{{{}, 0}} : std::vector<StatsCell>{};
}

}  // namespace

StatsPart PreviousRange(DayNumber from, DayNumber to) {
    if (domain::PeriodStart(from, domain::StatsPeriod::kMonth) == from) {
        // From a month's first day: the same days of the months before (this month so far
        // against last month's first days, a quarter against the quarter before).
        int months = 1;
        while (domain::AddMonths(from, months) < to) {
            ++months;
        }
        return {domain::AddMonths(from, -months), domain::AddMonths(to, -months), {}};
    }
    return {from - (to - from), from, {}};
}

StatsPart YearBeforeRange(DayNumber from, DayNumber to) {
    return {domain::AddMonths(from, -12), domain::AddMonths(to, -12), {}};
}

Result<StatsReport> StatsService::CaseCounts(const domain::Principal& caller,
                                             StatsRequest request) {
    const auto visibility = domain::VisibilityOf(caller);
    if (!visibility.everything && visibility.paths.empty() && !visibility.creator) {
        return Fail(Forbidden("stats.forbidden", "Your roles see no cases."));
    }
    const Instant now = clock_.Now();
    return domain::Query(store_, [&](domain::Repositories& repositories) -> Result<StatsReport> {
        auto resolved = ResolveCaseFilters(repositories, caller, request.filters, now);
        if (!resolved) {
            return Fail(resolved.error());
        }
        StatsReport report;
        const auto run = [&](StatsPart part) {
            part.result =
                *resolved ? Count(repositories, **resolved, request.groupings, part.from, part.to)
                          : domain::StatsResult{ZeroTotal(request.groupings)};
            return part;
        };
        report.current = run({request.from, request.to, {}});
        if (request.previous) {
            report.previous = run(PreviousRange(request.from, request.to));
        }
        if (request.year_before) {
            report.year_before = run(YearBeforeRange(request.from, request.to));
        }
        if (*resolved) {
            report.filters = **resolved;
        }
        // The names the keys need.
        const auto tree = org_tree_.Current();
        const auto name_keys = [&](const StatsPart& part) {
            for (const StatsCell& cell : part.result.cells) {
                for (std::size_t i = 0; i < cell.keys.size(); ++i) {
                    const auto dimension = request.groupings[i].dimension;
                    if (dimension == StatsDimension::kArea || dimension == StatsDimension::kUnit) {
                        domain::OrgUnitId id = 0;
                        std::from_chars(cell.keys[i].data(),
                                        cell.keys[i].data() + cell.keys[i].size(), id);
                        if (const auto* unit = tree->Find(id); unit && !report.units.contains(id)) {
                            report.units.emplace(id, *unit);
                        }
                    }
                }
            }
        };
        name_keys(report.current);
        for (const auto* part : {&report.previous, &report.year_before}) {
            if (*part) {
                name_keys(**part);
            }
        }
        for (const auto& category : repositories.Catalog().Categories()) {
            report.category_names.emplace(category.code, category.name);
        }
        return report;
    });
}

domain::RollupCheck StatsService::CheckRollups(bool repair) {
    const auto days = domain::Query(store_, [](domain::Repositories& repositories) {
        return repositories.CaseStats().CaseDays();
    });
    domain::RollupCheck total;
    if (!days) {
        return total;
    }
    // A month at a time: the recount of a month of a large city fits in memory.
    for (DayNumber from = domain::PeriodStart(days->first, domain::StatsPeriod::kMonth);
         from <= days->second; from = domain::AddMonths(from, 1)) {
        const DayNumber to = domain::AddMonths(from, 1);
        domain::RollupCheck month;
        const auto check = [&](domain::Repositories& repositories) {
            month = repositories.CaseStats().CheckRollups(from, to, repair);
        };
        if (repair) {
            store_.Write([&](domain::Repositories& repositories) {
                check(repositories);
                return true;
            });
        } else {
            store_.Read(check);
        }
        total.cases += month.cases;
        total.rows += month.rows;
        total.differing_rows += month.differing_rows;
        for (auto& difference : month.differences) {
            if (total.differences.size() < 20) {
                total.differences.push_back(std::move(difference));
            }
        }
    }
    return total;
}

bool StatsService::BuildMissingRollups() {
    const bool missing = domain::Query(store_, [](domain::Repositories& repositories) {
        return repositories.CaseStats().CaseDays().has_value() &&
               !repositories.CaseStats().HasRollups();
    });
    if (missing) {
        CheckRollups(true);
    }
    return missing;
}

}  // namespace minqing::service
