// The 《社情民意专报》 of an office: drafts written from the period's statistics, edited and
// regenerated, submitted to the office head who issues (numbering it) or returns them; on issue
// every recipient gets an inbox message and a receipt. Also the PDF and the .xlsx annex.
// Visibility: drafts only to the issuing office and its head; issued ones also to their
// recipients and the city's leaders. Thread-safe; blocks on the Store.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/bulletin.hpp"
#include "domain/bulletin_draft.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/assessment_service.hpp"
#include "service/stats_service.hpp"

namespace minqing::service {

struct BulletinDraftRequest {
    domain::BulletinKind kind = domain::BulletinKind::kMonthly;
    /// "2026-11", "2026-Q4", "2026-W47" for periodic kinds.
    std::string period;
    /// Special issues: whole China days [from, to).
    std::optional<std::pair<domain::DayNumber, domain::DayNumber>> range;
    /// Empty: "<period>社情民意综合分析" (special: "社情民意专报").
    std::string title;
};

/// A change of a draft; absent fields stay as they are.
struct BulletinEdit {
    std::int64_t version = 0;
    std::optional<std::string> title;
    /// Section key → new text; a section whose text changes is marked edited.
    std::vector<std::pair<std::string, std::string>> sections;
    std::optional<std::vector<domain::CaseId>> typical_case_ids;
    std::optional<domain::BulletinDistribution> distribution;
};

struct BulletinListFilter {
    std::optional<domain::BulletinState> state;
    std::optional<domain::BulletinKind> kind;
    std::optional<int> year;
    std::string text;
};

/// A bulletin as its reader sees it, with what the caller may do with it.
struct BulletinView {
    domain::Bulletin bulletin;
    std::string issuer_name;
    std::vector<domain::BulletinLogEntry> log;
    bool can_edit = false;   ///< the issuing office, in draft or returned
    bool can_issue = false;  ///< the office head, when submitted
    bool is_office = false;  ///< the issuing office or its head (receipts, history)
};

struct BulletinRegeneration {
    BulletinView view;
    std::vector<domain::FigureChange> changes;
};

class BulletinService {
  public:
    BulletinService(domain::Store& store, const Clock& clock, StatsService& stats,
                    AssessmentService& assessments)
        : store_(store), clock_(clock), stats_(stats), assessments_(assessments) {}

    /// A new draft of the caller's office (city_office or district_office on a city or district
    /// division) for the period, its sections written from the statistics the caller sees.
    /// Errors: 403 "bulletin.not_office" for callers who hold no such office; 422 "period",
    /// "from"/"to" (special), "title" (over 200 characters).
    Result<BulletinView> Create(const domain::Principal& caller,
                                const BulletinDraftRequest& request);
    /// Newest first: the caller's offices' bulletins in any state, the issued ones sent to
    /// them, and for the city's leaders every issued one.
    std::vector<domain::Bulletin> List(const domain::Principal& caller,
                                       const BulletinListFilter& filter);
    /// Opening an issued bulletin as a recipient marks their copy read. Errors: 404
    /// "bulletin.not_found" (also when the caller may not see it).
    Result<BulletinView> Open(const domain::Principal& caller, domain::BulletinId id);
    /// Errors: 404; 403 "bulletin.forbidden" unless the caller writes for the issuing office;
    /// 409 "bulletin.issued", "bulletin.under_review", "bulletin.stale_version"; 422 per field
    /// ("sections[i].key" unknown, "title" required/length, "typicalCaseIds[i]" not_found,
    /// "distribution.<list>[i]" not_found).
    Result<BulletinView> Edit(const domain::Principal& caller, domain::BulletinId id,
                              const BulletinEdit& edit);
    /// Recomputes the figures; edited texts stay. Errors as Edit.
    Result<BulletinRegeneration> Regenerate(const domain::Principal& caller, domain::BulletinId id);
    /// Errors as Edit.
    Result<BulletinView> Submit(const domain::Principal& caller, domain::BulletinId id);
    /// Numbers the submitted bulletin, makes it immutable, and sends it to every recipient.
    /// Errors: 404; 403 "bulletin.forbidden" unless the caller is the issuing office's head;
    /// 409 "bulletin.not_submitted".
    Result<BulletinView> Issue(const domain::Principal& caller, domain::BulletinId id);
    /// Errors as Issue; 422 "note" required.
    Result<BulletinView> Return(const domain::Principal& caller, domain::BulletinId id,
                                const std::string& note);
    /// The typeset PDF (report::BulletinPdf). Errors: 404.
    Result<std::string> Pdf(const domain::Principal& caller, domain::BulletinId id);
    /// The figures and charts as an .xlsx workbook. Errors: 404.
    Result<std::string> Annex(const domain::Principal& caller, domain::BulletinId id);
    /// Who has the issued bulletin and who has read it. Errors: 404; 403 "bulletin.forbidden"
    /// unless the caller is the issuing office or its head.
    Result<std::vector<domain::BulletinReceipt>> Receipts(const domain::Principal& caller,
                                                          domain::BulletinId id);

  private:
    Result<domain::BulletinFacts> FactsFor(const domain::Principal& caller,
                                           const domain::Bulletin& bulletin);
    /// Runs `change` on the bulletin the caller may act on (the office's writers, or with
    /// `head_only` its head) and saves it from the version read, in one unit of work.
    Result<BulletinView> Apply(
        const domain::Principal& caller, domain::BulletinId id, bool head_only,
        const std::function<Status(domain::Repositories&, domain::Bulletin&, Instant)>& change);

    domain::Store& store_;
    const Clock& clock_;
    StatsService& stats_;
    AssessmentService& assessments_;
};

}  // namespace minqing::service
