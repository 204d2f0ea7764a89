// Fuzzes the CSV import of a State Council holiday notice as POST /api/v1/calendar/import
// runs it: CsvTable::Parse, then TimeRulesService::Import into an in-memory store, and with
// the imported calendar some deadline arithmetic; the same table also goes through the
// time-limit rules' seed loader (SeedRules). The store is made afresh for every input, so
// nothing accumulates between runs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "common/csv.hpp"
#include "domain/store.hpp"
#include "service/time_rules_service.hpp"

namespace {

namespace domain = minqing::domain;

// Holds what Import and SeedRules write; nothing else is ever asked of it.
class MemoryTimeRules final : public domain::TimeRulesRepository {
  public:
    std::vector<domain::CalendarEntry> CalendarDays() override {
        std::vector<domain::CalendarEntry> days;
        for (const auto& [day, entry] : days_) {
            days.push_back(entry);
        }
        return days;
    }
    std::vector<domain::OfficialYear> OfficialYears() override {
        std::vector<domain::OfficialYear> years;
        for (const auto& [year, entry] : years_) {
            years.push_back(entry);
        }
        return years;
    }
    void SaveCalendarDay(const domain::CalendarEntry& entry) override {
        days_.insert_or_assign(entry.day.day, entry);
    }
    bool DeleteCalendarDay(domain::LocalDay day) override { return days_.erase(day) > 0; }
    void SaveOfficialYear(const domain::OfficialYear& year) override {
        years_.insert_or_assign(year.year, year);
    }
    std::vector<domain::TimeLimitRule> Rules() override { return rules_; }
    minqing::Result<domain::TimeLimitRule> SaveRule(domain::TimeLimitRule rule) override {
        rule.id = static_cast<std::int64_t>(rules_.size()) + 1;
        rules_.push_back(rule);
        return rule;
    }
    bool DeleteRule(std::int64_t /*id*/) override { return false; }

  private:
    std::map<domain::LocalDay, domain::CalendarEntry> days_;
    std::map<int, domain::OfficialYear> years_;
    std::vector<domain::TimeLimitRule> rules_;
};

// The time rules' repository only: any other one would mean the code under test wandered off.
class MemoryStore final : public domain::Store, private domain::Repositories {
  public:
    void Read(const std::function<void(domain::Repositories&)>& work) override { work(*this); }
    void Write(const std::function<bool(domain::Repositories&)>& work) override { work(*this); }
    bool Ping() override { return true; }
    bool SerialisesWrites() const override { return true; }

  private:
    domain::OrgRepository& Orgs() override { std::abort(); }
    domain::UserRepository& Users() override { std::abort(); }
    domain::AuthRepository& Auth() override { std::abort(); }
    domain::CaseRepository& Cases() override { std::abort(); }
    domain::CaseEventRepository& CaseEvents() override { std::abort(); }
    domain::CaseStatsRepository& CaseStats() override { std::abort(); }
    domain::AttachmentRepository& Attachments() override { std::abort(); }
    domain::IdempotencyRepository& Idempotency() override { std::abort(); }
    domain::CatalogRepository& Catalog() override { std::abort(); }
    domain::NotificationRepository& Notifications() override { std::abort(); }
    domain::TimeRulesRepository& TimeRules() override { return time_rules_; }
    domain::SupervisionRepository& Supervisions() override { std::abort(); }
    domain::SavedViewRepository& SavedViews() override { std::abort(); }
    domain::AssessmentRepository& Assessments() override { std::abort(); }
    domain::BulletinRepository& Bulletins() override { std::abort(); }

    MemoryTimeRules time_rules_;
};

// Monday 5 January 2026, 09:00 in China: inside office hours.
constexpr std::int64_t kNowMs = 1'767'574'800'000;

// Deadlines computed on the imported calendar never run backwards.
void UseCalendar(const minqing::service::TimeRules& rules, minqing::Instant now) {
    const auto& calendar = *rules.calendar;
    for (const int days : {1, 5, 15}) {
        const minqing::Instant due = calendar.AddWorkingDays(now, days);
        if (due <= now || calendar.WorkingMinutesBetween(now, due) <= 0) {
            std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string problem;
    const auto table = minqing::CsvTable::Parse(text, problem);
    if (!table) {
        if (problem.empty()) {
            std::abort();
        }
        return 0;
    }
    // Every cell of every row is reachable by name.
    for (std::size_t row = 0; row < table->size(); ++row) {
        for (const std::string& column : table->header()) {
            (void)table->Get(row, column);
        }
    }
    MemoryStore store;
    const minqing::FakeClock clock{minqing::FromEpochMs(kNowMs)};
    minqing::service::TimeRulesService service(store, clock, domain::OfficeHours{});
    const auto imported = service.Import(nullptr, *table);
    if (imported) {
        if (imported->days <= 0 || imported->years.empty()) {
            std::abort();
        }
        UseCalendar(service.Current(), clock.Now());
    }
    (void)service.SeedRules(*table);
    return 0;
}
