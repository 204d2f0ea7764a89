#include "service/bulletin_service.hpp"

#include <algorithm>

#include "domain/field_checks.hpp"
#include "domain/role.hpp"
#include "report/bulletin_pdf.hpp"
#include "service/bulletin_access.hpp"
#include "service/bulletin_changes.hpp"
#include "service/bulletin_facts.hpp"
#include "service/bulletin_render.hpp"

namespace minqing::service {
namespace {

using domain::Bulletin;
using domain::BulletinState;
using domain::Repositories;
using domain::Role;

constexpr std::size_t kMaxNoteCharacters = 2000;
constexpr int kListLimit = 200;

void Log(Repositories& repositories, const Bulletin& b, std::string action, domain::UserId by,
         Instant at, std::string note = {}) {
    domain::BulletinLogEntry entry;
    entry.bulletin_id = b.id;
    entry.action = std::move(action);
    entry.by = by;
    entry.at = at;
    entry.note = std::move(note);
    repositories.Bulletins().AppendLog(entry);
}

Status Save(Repositories& repositories, Bulletin& b, Instant now) {
    const std::int64_t expected = b.version;
    b.version = expected + 1;
    b.updated_at = now;
    if (!repositories.Bulletins().Update(b, expected)) {
        return Fail(Conflict("bulletin.stale_version",
                             "Someone changed the bulletin meanwhile; reload it."));
    }
    return Ok();
}

std::string DefaultTitle(const Bulletin& b) {
    if (b.kind == domain::BulletinKind::kSpecial) {
        return "社情民意专报";
    }
    return domain::PeriodText(b) + "社情民意综合分析";
}

}  // namespace

Result<BulletinView> BulletinService::Create(const domain::Principal& caller,
                                             const BulletinDraftRequest& request) {
    const auto office = WritingOffice(caller);
    if (!office) {
        return Fail(
            Forbidden("bulletin.not_office", "Only a city or district office drafts bulletins."));
    }
    Bulletin b;
    b.kind = request.kind;
    b.series = domain::SeriesOf(request.kind);
    if (request.kind == domain::BulletinKind::kSpecial) {
        if (!request.range) {
            return Fail(Validation({{"from", "required", "A special issue names its days."}}));
        }
        std::tie(b.period_from, b.period_to) = *request.range;
    } else {
        auto range = domain::ParseBulletinPeriod(request.kind, request.period);
        if (!range) {
            return Fail(std::move(range.error()));
        }
        std::tie(b.period_from, b.period_to) = *range;
    }
    b.year = std::stoi(domain::FormatDayNumber(b.period_from).substr(0, 4));
    b.title = request.title.empty() ? DefaultTitle(b) : request.title;
    if (auto problem = CheckBulletinTitle(b.title)) {
        return Fail(Validation({std::move(*problem)}));
    }
    b.issuer_id = office->org_unit_id;
    b.created_by = caller.user_id;
    const auto issuer = domain::Query(store_, [&](Repositories& repositories) {
        return repositories.Orgs().FindById(b.issuer_id);
    });
    if (!issuer) {
        return Fail(NotFound("org.unit_not_found", "The office's division is gone."));
    }
    auto facts = GatherBulletinFacts(stats_, assessments_, store_, caller, b, *issuer);
    if (!facts) {
        return Fail(std::move(facts.error()));
    }
    b.sections = domain::DraftSections(*facts);
    const Instant now = clock_.Now();
    b.created_at = now;
    b.updated_at = now;
    auto created = domain::Transact(store_, [&](Repositories& repositories) -> Result<Bulletin> {
        Bulletin stored = repositories.Bulletins().Insert(b);
        Log(repositories, stored, "create", caller.user_id, now);
        return stored;
    });
    if (!created) {
        return Fail(std::move(created.error()));
    }
    return Open(caller, created->id);
}

std::vector<Bulletin> BulletinService::List(const domain::Principal& caller,
                                            const BulletinListFilter& filter) {
    domain::BulletinQuery query;
    for (const auto& held : caller.roles) {
        if (IsBulletinOfficeRole(held.role)) {
            query.issuer_ids.push_back(held.org_unit_id);
        }
    }
    query.recipient = caller.user_id;
    query.all_issued = IsCityLeader(caller);
    query.state = filter.state;
    query.kind = filter.kind;
    query.year = filter.year;
    query.text = filter.text;
    query.limit = kListLimit;
    return domain::Query(
        store_, [&](Repositories& repositories) { return repositories.Bulletins().List(query); });
}

Result<BulletinView> BulletinService::Open(const domain::Principal& caller, domain::BulletinId id) {
    const Instant now = clock_.Now();
    // A write: opening marks the recipient's copy read.
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<BulletinView> {
        auto found = Readable(repositories, caller, id);
        if (!found) {
            return Fail(std::move(found.error()));
        }
        if (found->state == BulletinState::kIssued) {
            repositories.Bulletins().MarkRead(id, caller.user_id, now);
        }
        return ViewOf(repositories, caller, std::move(*found));
    });
}

Result<BulletinView> BulletinService::Apply(
    const domain::Principal& caller, domain::BulletinId id, bool head_only,
    const std::function<Status(Repositories&, Bulletin&, Instant)>& change) {
    const Instant now = clock_.Now();
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<BulletinView> {
        auto found = Actionable(repositories, caller, id, head_only);
        if (!found) {
            return Fail(std::move(found.error()));
        }
        if (auto changed = change(repositories, *found, now); !changed) {
            return Fail(std::move(changed.error()));
        }
        if (auto saved = Save(repositories, *found, now); !saved) {
            return Fail(std::move(saved.error()));
        }
        return ViewOf(repositories, caller, std::move(*found));
    });
}

Result<BulletinView> BulletinService::Edit(const domain::Principal& caller, domain::BulletinId id,
                                           const BulletinEdit& edit) {
    return Apply(caller, id, false, [&](Repositories& repositories, Bulletin& b, Instant now) {
        return ApplyEdit(repositories, caller, b, edit, now);
    });
}

Result<BulletinRegeneration> BulletinService::Regenerate(const domain::Principal& caller,
                                                         domain::BulletinId id) {
    // The figures are counted outside the write, then applied to the version they were
    // counted for: a concurrent edit makes the regeneration stale rather than lost.
    auto current = domain::Query(store_, [&](Repositories& repositories) {
        return Actionable(repositories, caller, id, false);
    });
    if (!current) {
        return Fail(std::move(current.error()));
    }
    if (auto editable = domain::CheckEditable(*current); !editable) {
        return Fail(std::move(editable.error()));
    }
    const auto issuer = domain::Query(store_, [&](Repositories& repositories) {
        return repositories.Orgs().FindById(current->issuer_id);
    });
    auto facts = GatherBulletinFacts(stats_, assessments_, store_, caller, *current, *issuer);
    if (!facts) {
        return Fail(std::move(facts.error()));
    }
    auto regeneration = domain::Regenerate(current->sections, domain::DraftSections(*facts));
    const std::int64_t counted_for = current->version;
    auto view = Apply(caller, id, false,
                      [&](Repositories& repositories, Bulletin& b, Instant now) -> Status {
                          if (b.version != counted_for) {
                              return Fail(Conflict("bulletin.stale_version",
                                                   "Someone changed the bulletin meanwhile; "
                                                   "reload it."));
                          }
                          b.sections = std::move(regeneration.sections);
                          Log(repositories, b, "regenerate", caller.user_id, now,
                              std::to_string(regeneration.changes.size()) + " figures changed");
                          return Ok();
                      });
    if (!view) {
        return Fail(std::move(view.error()));
    }
    return BulletinRegeneration{std::move(*view), std::move(regeneration.changes)};
}

Result<BulletinView> BulletinService::Submit(const domain::Principal& caller,
                                             domain::BulletinId id) {
    return Apply(caller, id, false, [&](Repositories& repositories, Bulletin& b, Instant now) {
        if (auto editable = domain::CheckEditable(b); !editable) {
            return editable;
        }
        b.state = BulletinState::kSubmitted;
        b.submitted_by = caller.user_id;
        b.submitted_at = now;
        Log(repositories, b, "submit", caller.user_id, now);
        return Ok();
    });
}

Result<BulletinView> BulletinService::Issue(const domain::Principal& caller,
                                            domain::BulletinId id) {
    return Apply(caller, id, true, [&](Repositories& repositories, Bulletin& b, Instant now) {
        if (b.state != BulletinState::kSubmitted) {
            return Status(Fail(Conflict("bulletin.not_submitted",
                                        "Only a submitted bulletin is issued or returned.")));
        }
        b.state = BulletinState::kIssued;
        b.number = repositories.Bulletins().NextNumber(b.issuer_id, b.series, b.year);
        b.issued_by = caller.user_id;
        b.issued_at = now;
        b.return_note.clear();
        Log(repositories, b, "issue", caller.user_id, now, domain::IssueLabel(b));
        DeliverBulletin(repositories, b, now);
        return Ok();
    });
}

Result<BulletinView> BulletinService::Return(const domain::Principal& caller, domain::BulletinId id,
                                             const std::string& note) {
    std::vector<FieldError> problems;
    domain::CheckTextField(problems, "note", note, kMaxNoteCharacters, true, false);
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    return Apply(caller, id, true, [&](Repositories& repositories, Bulletin& b, Instant now) {
        if (b.state != BulletinState::kSubmitted) {
            return Status(Fail(Conflict("bulletin.not_submitted",
                                        "Only a submitted bulletin is issued or returned.")));
        }
        b.state = BulletinState::kReturned;
        b.return_note = note;
        Log(repositories, b, "return", caller.user_id, now, note);
        return Ok();
    });
}

Result<std::string> BulletinService::Pdf(const domain::Principal& caller, domain::BulletinId id) {
    auto view = domain::Query(store_, [&](Repositories& repositories) -> Result<BulletinView> {
        auto found = Readable(repositories, caller, id);
        if (!found) {
            return Fail(std::move(found.error()));
        }
        return ViewOf(repositories, caller, std::move(*found));
    });
    if (!view) {
        return Fail(std::move(view.error()));
    }
    return report::BulletinPdf(BulletinDocumentOf(view->bulletin, view->issuer_name, clock_.Now()));
}

Result<std::string> BulletinService::Annex(const domain::Principal& caller, domain::BulletinId id) {
    auto found = domain::Query(
        store_, [&](Repositories& repositories) { return Readable(repositories, caller, id); });
    if (!found) {
        return Fail(std::move(found.error()));
    }
    return BulletinAnnex(*found);
}

Result<std::vector<domain::BulletinReceipt>> BulletinService::Receipts(
    const domain::Principal& caller, domain::BulletinId id) {
    return domain::Query(
        store_, [&](Repositories& repositories) -> Result<std::vector<domain::BulletinReceipt>> {
            auto found = Readable(repositories, caller, id);
            if (!found) {
                return Fail(std::move(found.error()));
            }
            if (!IsOfficeOf(caller, *found)) {
                return Fail(Forbidden("bulletin.forbidden",
                                      "Only the issuing office sees who has read it."));
            }
            return repositories.Bulletins().Receipts(id);
        });
}

}  // namespace minqing::service
