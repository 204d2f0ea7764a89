#include "service/bulletin_changes.hpp"

#include <algorithm>
#include <set>

#include "domain/bulletin_draft.hpp"
#include "domain/field_checks.hpp"
#include "domain/role.hpp"
#include "service/bulletin_facts.hpp"
#include "service/notice_delivery.hpp"

namespace minqing::service {
namespace {

using domain::Bulletin;
using domain::BulletinRecipient;

constexpr std::size_t kMaxTitleCharacters = 200;
constexpr std::size_t kMaxSectionCharacters = 20000;
constexpr std::size_t kMaxRecipients = 300;
constexpr std::size_t kMaxTypicalCases = 20;

void EditSections(Bulletin& b, const BulletinEdit& edit, std::vector<FieldError>& problems) {
    for (std::size_t i = 0; i < edit.sections.size(); ++i) {
        const auto& [key, text] = edit.sections[i];
        const std::string field = "sections[" + std::to_string(i) + "]";
        const auto section = std::ranges::find(b.sections, key, &domain::BulletinSection::key);
        if (section == b.sections.end()) {
            problems.push_back({field + ".key", "unknown", "No section of that key."});
            continue;
        }
        const std::size_t before = problems.size();
        domain::CheckTextField(problems, field + ".text", text, kMaxSectionCharacters, false,
                               false);
        if (problems.size() == before && section->text != text) {
            section->text = text;
            section->edited = true;
        }
    }
}

// Each recipient named by its user or unit, with the name it is listed under.
void ResolveRecipients(domain::Repositories& repositories, const std::string& list,
                       std::vector<BulletinRecipient>& recipients,
                       std::vector<FieldError>& problems) {
    if (recipients.size() > kMaxRecipients) {
        problems.push_back({"distribution." + list, "too_many", "At most 300 recipients."});
        return;
    }
    for (std::size_t i = 0; i < recipients.size(); ++i) {
        BulletinRecipient& recipient = recipients[i];
        const std::string field = "distribution." + list + "[" + std::to_string(i) + "]";
        if (recipient.user_id.has_value() == recipient.unit_id.has_value()) {
            problems.push_back({field, "invalid", "Either userId or unitId."});
        } else if (recipient.user_id) {
            const auto user = repositories.Users().FindById(*recipient.user_id);
            if (!user || !user->active) {
                problems.push_back({field + ".userId", "not_found", "No such active user."});
            } else {
                recipient.name = user->display_name;
            }
        } else {
            const auto unit = repositories.Orgs().FindById(*recipient.unit_id);
            if (!unit || !unit->active) {
                problems.push_back({field + ".unitId", "not_found", "No such active unit."});
            } else {
                // A division reported to stands for its leaders (see UsersOf).
                const bool leaders = list == "reportTo" && unit->kind == domain::OrgKind::kDivision;
                recipient.name = leaders ? unit->name + "领导" : unit->name;
            }
        }
    }
}

// The users a recipient stands for: the user; in a member unit (or section) everyone with a
// role in it; on a division its leaders when the bulletin is reported to it (报), its offices
// when it is sent or copied to it (送/发).
std::vector<domain::UserId> UsersOf(domain::Repositories& repositories,
                                    const BulletinRecipient& recipient, bool reported) {
    using domain::Role;
    if (recipient.user_id) {
        return {*recipient.user_id};
    }
    const auto unit = repositories.Orgs().FindById(recipient.unit_id.value_or(0));
    if (!unit) {
        return {};
    }
    domain::RecipientQuery query;
    if (unit->kind == domain::OrgKind::kDivision) {
        query.at_nodes = {unit->id};
        query.roles =
            reported ? std::vector{Role::kLeader}
                     : std::vector{Role::kCityOffice, Role::kDistrictOffice, Role::kStreetOffice,
                                   Role::kCommunityStaff, Role::kOfficeHead};
    } else {
        query.within_path = unit->path;
        for (const Role role : domain::AllRoles()) {
            if (role != Role::kAdmin) {
                query.roles.push_back(role);
            }
        }
    }
    std::vector<domain::UserId> users;
    for (const auto& found : repositories.Notifications().Recipients(query)) {
        users.push_back(found.user_id);
    }
    return users;
}

}  // namespace

std::optional<FieldError> CheckBulletinTitle(const std::string& title) {
    std::vector<FieldError> problems;
    domain::CheckTextField(problems, "title", title, kMaxTitleCharacters, true, true);
    if (problems.empty()) {
        return std::nullopt;
    }
    return std::move(problems.front());
}

Status ApplyEdit(domain::Repositories& repositories, const domain::Principal& caller, Bulletin& b,
                 const BulletinEdit& edit, Instant now) {
    if (auto editable = domain::CheckEditable(b); !editable) {
        return editable;
    }
    if (edit.version != b.version) {
        return Fail(Conflict("bulletin.stale_version",
                             "Someone changed the bulletin meanwhile; reload it."));
    }
    std::vector<FieldError> problems;
    if (edit.title) {
        if (auto problem = CheckBulletinTitle(*edit.title)) {
            problems.push_back(std::move(*problem));
        } else {
            b.title = *edit.title;
        }
    }
    EditSections(b, edit, problems);
    if (edit.typical_case_ids) {
        if (edit.typical_case_ids->size() > kMaxTypicalCases) {
            problems.push_back({"typicalCaseIds", "too_many", "At most 20 cases."});
        } else if (auto cases = TypicalCases(repositories, caller, *edit.typical_case_ids);
                   !cases) {
            for (auto& problem : cases.error().fields) {
                problems.push_back(std::move(problem));
            }
        } else {
            b.typical_case_ids = *edit.typical_case_ids;
            domain::SetTypicalCases(b.sections, std::move(*cases));
        }
    }
    if (edit.distribution) {
        auto distribution = *edit.distribution;
        ResolveRecipients(repositories, "reportTo", distribution.report_to, problems);
        ResolveRecipients(repositories, "sendTo", distribution.send_to, problems);
        ResolveRecipients(repositories, "copyTo", distribution.copy_to, problems);
        b.distribution = std::move(distribution);
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    domain::BulletinLogEntry entry;
    entry.bulletin_id = b.id;
    entry.action = "edit";
    entry.by = caller.user_id;
    entry.at = now;
    repositories.Bulletins().AppendLog(entry);
    return Ok();
}

void DeliverBulletin(domain::Repositories& repositories, const Bulletin& b, Instant now) {
    std::set<domain::UserId> users;
    for (const auto& [list, reported] :
         {std::pair{&b.distribution.report_to, true}, std::pair{&b.distribution.send_to, false},
          std::pair{&b.distribution.copy_to, false}}) {
        for (const BulletinRecipient& recipient : *list) {
            for (const domain::UserId user : UsersOf(repositories, recipient, reported)) {
                users.insert(user);
            }
        }
    }
    for (const domain::UserId user : users) {
        repositories.Bulletins().AddReceipt(b.id, user, now);
        domain::Notification message;
        message.channel = domain::NotificationChannel::kInbox;
        message.template_key = kBulletinIssuedTemplate;
        message.user_id = user;
        message.params.values = {{"number", domain::IssueLabel(b)},
                                 {"title", b.title},
                                 {"bulletin", std::to_string(b.id)}};
        message.dedupe_key =
            "bulletin:" + std::to_string(b.id) + ":issued:inbox:" + std::to_string(user);
        message.next_attempt_at = now;
        message.created_at = now;
        // A bulletin is read when it comes, never held for the morning digest.
        DeliverInbox(repositories, message, {kBulletinIssuedTemplate, false, true});
    }
}

}  // namespace minqing::service
