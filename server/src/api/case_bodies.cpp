#include "api/case_bodies.hpp"

#include <algorithm>

namespace minqing::api {

using wire::EnumField;
using wire::Field;
using wire::Fields;
using wire::Object;

wire::Fields CaseDraftFields(service::CaseDraft& draft, bool is_public) {
    auto& location = draft.location;
    auto& reporter = draft.reporter;
    Fields fields = {
        wire::Required(EnumField("channel", &draft.channel, &domain::ParseChannel,
                                 &domain::ChannelName, "The channel the case came by.",
                                 [&draft] { draft.channel_known = true; })),
        EnumField("kind", &draft.kind, &domain::ParseCaseKind, &domain::CaseKindName,
                  "What the reporter does: asks, seeks help, complains, reports… (required)."),
        EnumField("scope", &draft.scope, &domain::ParseCaseScope, &domain::CaseScopeName,
                  "Individual (default) or collective."),
        EnumField("urgency", &draft.urgency, &domain::ParseUrgency, &domain::UrgencyName,
                  "Normal by default."),
        {"categoryCode", &draft.category_code, "The subject category's code (required)."},
        {"title", &draft.title, "One line (required)."},
        {"content", &draft.content, "What happened, what is asked (required)."},
        {"peopleInvolved", &draft.people_involved, "People involved, 1 by default."},
        {"publish", &draft.publish, "Message board only: publish the post and its answer."},
        {"location",
         Object{{
             {"address", &location.address, "The address as told."},
             {"gridId", &location.grid_id, "The grid it lies in."},
             {"lat", &location.lat, "Latitude (with lng)."},
             {"lng", &location.lng, "Longitude (with lat)."},
         }},
         "Where the matter is."},
        {"reporter",
         Object{{
             {"name", &reporter.name, "The reporter's name."},
             {"phone", &reporter.phone, "5 to 20 digits, spaces, '+', '-'."},
             {"anonymous", &reporter.anonymous, "Store nothing that identifies them."},
             {"confidential", &reporter.confidential, "Units never learn who they are."},
         }},
         "Who raised the matter."},
    };
    if (is_public) {
        return fields;
    }
    auto& cadre = draft.fields.cadre;
    const Fields staff = {
        {"officeId", &draft.office_id,
         "Grid and walk-in: the office it goes to, on the recorder's own chain."},
        {"grid",
         Object{{
             {"solvedOnSpot", &draft.fields.grid.solved_on_spot, "Solved on the spot."},
             {"evidence", &draft.fields.grid.evidence,
              "What was done (required when solved on the spot)."},
         }},
         "Grid channel: the grid manager's own fields."},
        {"cadreReport",
         Object{{
             {"cadreUnit", &cadre.cadre_unit, "The cadre's own unit."},
             {"communityId", &cadre.community_id, "The community visited."},
             {"households", &cadre.households, "Households or people involved."},
             {"summary", &cadre.summary, "The report's summary."},
             {"universal", &cadre.universal, "Universal or representative."},
             {"suggestion", &cadre.suggestion, "The cadre's suggestion."},
             {"officeId", &cadre.office_id,
              "The office it goes to; the community's district by default."},
         }},
         "Cadre report (社情民意报告单) channel fields."},
        {"directCard",
         Object{{{"unitId", &draft.fields.direct_card.unit_id, "The unit it goes to."}}},
         "Direct card (直通卡) channel: the unit it goes straight to."},
        {"hotline",
         Object{{{"externalRef", &draft.fields.hotline.external_ref,
                  "The hotline's own number for the matter."}}},
         "Hand-over from the mayor's hotline."},
    };
    // officeId stands before the objects, as the body has always been decoded.
    fields.insert(fields.begin() + 9, staff.front());
    fields.insert(fields.end(), staff.begin() + 1, staff.end());
    return fields;
}

wire::Fields ActionFields(service::ActionRequest& request) {
    auto& input = request.input;
    return {
        {"version", &request.expected_version, "The case version the caller saw (409 if stale)."},
        {"targetId", &request.target_id, "The org unit the action names."},
        {"assistingIds", &request.assisting_ids, "Dispatch: the assisting units."},
        {"note", &input.note, "A note for the record."},
        {"reason", &input.reason, "Why."},
        {"legalBasis", &input.legal_basis, "The legal basis of a decline or answer."},
        {"answerText", &input.answer_text, "The answer to the reporter."},
        {"externalRef", &input.external_ref, "Handover: the hotline's number for it."},
        {"masterCaseId", &input.master_case_id, "Merge: the case this one joins."},
        {"extensionDays", &input.extension_days, "Working days asked for."},
        {"grantedDays", wire::Clamped{&input.granted_days, -1, 1000},
         "Working days granted (default: those asked)."},
        {"confirm", &input.confirm, "Merge: confirm a merge of unlike cases."},
        {"assigneeId", &input.assignee_user_id, "Assign: the member of staff (承办人)."},
        {"relayMessage", &input.relay_message, "A message relayed to the reporter by SMS."},
        {"contacted", &input.contacted, "Follow-up: the reporter was reached."},
        {"solved", &input.solved, "Follow-up: the matter is solved."},
        {"unreachable", &input.unreachable, "Follow-up: the reporter could not be reached."},
        EnumField("method", &input.method, &domain::ParseDispatchMethod,
                  &domain::DispatchMethodName, "How it was passed on (网络/电话/书面)."),
        EnumField("result", &input.result, &domain::ParseAnswerResult, &domain::AnswerResultName,
                  "Answer: the outcome."),
        EnumField("satisfaction", &input.satisfaction, &domain::ParseSatisfaction,
                  &domain::SatisfactionName, "Follow-up: the reporter's satisfaction."),
        {"committedDate", wire::Date{&input.committed_date},
         "Long-term commitment: the date it will be done by."},
    };
}

std::span<const std::string_view> ActionFieldNames(domain::CaseAction action) {
    using A = domain::CaseAction;
    // The actions that read more than the version and a note, with all they read.
    struct Payload {
        std::vector<A> actions;
        std::vector<std::string_view> names;
    };
    static const std::vector<Payload> kPayloads = {
        {{A::kDecline, A::kRequestReturn}, {"version", "note", "reason", "legalBasis"}},
        {{A::kMerge}, {"version", "note", "masterCaseId", "confirm"}},
        {{A::kForward, A::kEscalate}, {"version", "note", "targetId"}},
        {{A::kDispatch}, {"version", "note", "targetId", "assistingIds", "method"}},
        {{A::kContactReporter}, {"version", "note", "relayMessage"}},
        {{A::kRequestExtension}, {"version", "note", "reason", "extensionDays"}},
        {{A::kApproveExtension}, {"version", "note", "grantedDays"}},
        {{A::kCommitLongTerm}, {"version", "note", "reason", "committedDate"}},
        {{A::kAnswer}, {"version", "note", "result", "answerText", "legalBasis"}},
        {{A::kFollowUp}, {"version", "note", "contacted", "solved", "satisfaction", "unreachable"}},
        {{A::kHandover}, {"version", "note", "targetId", "method", "externalRef"}},
        {{A::kAssign}, {"version", "note", "targetId", "assigneeId"}},
        {{A::kRefuseReturn, A::kRefuseExtension, A::kReturnForRework, A::kReopen, A::kWithdraw,
          A::kRejectUnitAnswer},
         {"version", "note", "reason"}},
    };
    static constexpr std::string_view kNote[] = {"version", "note"};
    for (const Payload& payload : kPayloads) {
        if (std::ranges::find(payload.actions, action) != payload.actions.end()) {
            return payload.names;
        }
    }
    return kNote;
}

wire::Fields ActionPayloadFields(domain::CaseAction action, service::ActionRequest& request) {
    const auto names = ActionFieldNames(action);
    Fields fields = ActionFields(request);
    std::erase_if(fields, [&names](const Field& field) {
        return std::ranges::find(names, field.name) == names.end();
    });
    return fields;
}

DecodedDraft DecodeCaseDraft(const nlohmann::json& body, bool is_public) {
    DecodedDraft decoded;
    decoded.draft.channel_known = false;
    wire::Decode(body, CaseDraftFields(decoded.draft, is_public), decoded.problems);
    return decoded;
}

Result<service::ActionRequest> DecodeCaseAction(domain::CaseAction action,
                                                const nlohmann::json& body) {
    service::ActionRequest request;
    request.action = action;
    std::vector<FieldError> problems;
    wire::Decode(body, ActionPayloadFields(action, request), problems);
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    return request;
}

Result<service::CreatedCase> RecordCase(DecodedDraft decoded, const RecordDraft& record) {
    if (decoded.problems.empty()) {
        return record(std::move(decoded.draft), service::IntakeMode::kRecord);
    }
    auto problems = std::move(decoded.problems);
    const auto checked = record(std::move(decoded.draft), service::IntakeMode::kCheck);
    if (!checked && checked.error().code != ErrorCode::kValidation) {
        return Fail(checked.error());
    }
    if (!checked) {
        // A kind the JSON named wrongly is not also missing.
        const bool kind_reported = std::ranges::any_of(
            problems, [](const FieldError& problem) { return problem.field == "kind"; });
        for (const auto& problem : checked.error().fields) {
            if (!(kind_reported && problem.field == "kind" && problem.reason == "required")) {
                problems.push_back(problem);
            }
        }
    }
    return Fail(Validation(std::move(problems)));
}

}  // namespace minqing::api
