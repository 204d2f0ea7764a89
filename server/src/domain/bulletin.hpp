// The 《社情民意专报》 bulletin: an issue of an office (draft → submitted → issued, or returned
// with a note), its sections of editable text beside the figures computed for its period, its
// distribution (报/送/发), its history and its read receipts. Plain data and pure rules; no
// I/O; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/case.hpp"
#include "domain/case_rollup.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

using BulletinId = std::int64_t;

/// Periodic issues are numbered in one run, special issues (专报) in another.
enum class BulletinSeries { kPeriodic, kSpecial };
enum class BulletinKind { kWeekly, kMonthly, kQuarterly, kSpecial };
enum class BulletinState { kDraft, kSubmitted, kIssued, kReturned };

std::string_view BulletinSeriesName(BulletinSeries series);
std::optional<BulletinSeries> ParseBulletinSeries(std::string_view name);
std::string_view BulletinKindName(BulletinKind kind);
std::optional<BulletinKind> ParseBulletinKind(std::string_view name);
std::string_view BulletinStateName(BulletinState state);
std::optional<BulletinState> ParseBulletinState(std::string_view name);
BulletinSeries SeriesOf(BulletinKind kind);

/// One number of a section as it was computed for the period ("total", "受理总量", 1286, "件").
struct BulletinFigure {
    std::string key;
    std::string label;
    double value = 0;
    std::string unit;

    bool operator==(const BulletinFigure&) const = default;
};

/// A chart of a section: bars over labels, beside the previous period where it helps.
struct BulletinChart {
    std::string title;
    std::string unit;
    std::vector<std::string> labels;
    std::vector<double> values;
    std::string series_name;
    std::vector<double> comparison;  ///< empty, or one per label
    std::string comparison_name;

    bool operator==(const BulletinChart&) const = default;
};

/// A typical case the office picked, as the bulletin tells it.
struct BulletinCase {
    CaseId id = 0;
    std::string number;
    std::string title;
    std::string done;  ///< what was done: the answer, or where the case stands

    bool operator==(const BulletinCase&) const = default;
};

/// One numbered section ("一、总体情况"): text the office edits, the figures and charts as
/// computed. `edited`: the office changed the text, so regenerating keeps it.
struct BulletinSection {
    std::string key;  ///< "overview", "channels", … (bulletin_draft.hpp)
    std::string title;
    std::string text;
    bool edited = false;
    std::vector<BulletinFigure> figures;
    std::vector<BulletinChart> charts;
    std::vector<BulletinCase> cases;  ///< the typical cases' section only

    bool operator==(const BulletinSection&) const = default;
};

/// A recipient of the distribution: a user, or an org unit (all its staff).
struct BulletinRecipient {
    std::optional<UserId> user_id;
    std::optional<OrgUnitId> unit_id;
    std::string name;  ///< as shown in the closing block; filled from the user or unit

    bool operator==(const BulletinRecipient&) const = default;
};

/// 报 (leaders), 送 (member units and district offices), 发 (streets and others).
struct BulletinDistribution {
    std::vector<BulletinRecipient> report_to;
    std::vector<BulletinRecipient> send_to;
    std::vector<BulletinRecipient> copy_to;

    bool operator==(const BulletinDistribution&) const = default;
};

struct Bulletin {
    BulletinId id = 0;
    OrgUnitId issuer_id = 0;  ///< the issuing office's division
    BulletinSeries series = BulletinSeries::kPeriodic;
    BulletinKind kind = BulletinKind::kMonthly;
    DayNumber period_from = 0;  ///< [from, to) in China days
    DayNumber period_to = 0;
    int year = 0;               ///< numbered within this year (the period's)
    std::optional<int> number;  ///< 第N期, set when issued
    std::string title;
    BulletinState state = BulletinState::kDraft;
    std::vector<BulletinSection> sections;
    std::vector<CaseId> typical_case_ids;
    BulletinDistribution distribution;
    std::int64_t version = 1;
    UserId created_by = 0;
    Instant created_at{};
    std::optional<UserId> submitted_by;
    std::optional<Instant> submitted_at;
    std::optional<UserId> issued_by;
    std::optional<Instant> issued_at;
    std::string return_note;
    Instant updated_at{};
};

/// One line of a bulletin's history (append-only).
struct BulletinLogEntry {
    std::int64_t id = 0;
    BulletinId bulletin_id = 0;
    std::string action;  ///< create, edit, regenerate, submit, return, issue
    UserId by = 0;
    Instant at{};
    std::string note;
};

/// A recipient user's copy of an issued bulletin.
struct BulletinReceipt {
    BulletinId bulletin_id = 0;
    UserId user_id = 0;
    Instant delivered_at{};
    std::optional<Instant> read_at;
    std::string user_name;  ///< display name, read with the receipt
};

/// The period a bulletin of `kind` covers: "2026-11" (monthly), "2026-Q4" (quarterly),
/// "2026-W47" (weekly, ISO weeks from Monday). Errors: 422 field "period" reason "invalid"
/// when the label does not name a period of that kind.
Result<std::pair<DayNumber, DayNumber>> ParseBulletinPeriod(BulletinKind kind,
                                                            std::string_view label);

/// "2026年11月", "2026年第四季度", "2026年11月16日至11月22日": the period as the text names it.
std::string PeriodText(const Bulletin& bulletin);

/// Whether the office may still change it: draft or returned. Errors: 409
/// "bulletin.issued" once issued, "bulletin.under_review" while submitted.
Status CheckEditable(const Bulletin& bulletin);

/// "2026年第3期" for an issued periodic bulletin, "2026年专报第1期" for a special one;
/// "（草稿）" before it has a number.
std::string IssueLabel(const Bulletin& bulletin);

}  // namespace minqing::domain
