#include "service/message_template_service.hpp"

#include <algorithm>

namespace minqing::service {
namespace {

using domain::Repositories;

Error NotPermitted() {
    return Forbidden("auth.forbidden", "Only the city's administrators edit message templates.");
}

Error TemplateNotFound() {
    return NotFound("message_template.not_found", "No template of that key and channel.");
}

std::string ProblemText(std::string_view reason) {
    if (reason == "length") {
        return "At most 500 characters.";
    }
    if (reason == "unknown_placeholder") {
        return "Placeholders are {number} {title} {deadline} {action} {query_url} {unit} "
               "{reason} {external_ref} {answer} {urgency}; braces must close.";
    }
    return "The message text.";
}

}  // namespace

Result<std::vector<domain::MessageTemplate>> MessageTemplateService::List(
    const domain::Principal& actor) {
    if (!actor.HasPermission(domain::permission::kTemplateWrite)) {
        return Fail(NotPermitted());
    }
    return domain::Query(store_, [](Repositories& repositories) {
        return repositories.Notifications().Templates();
    });
}

Result<domain::MessageTemplate> MessageTemplateService::Edit(const domain::Principal& actor,
                                                             std::string_view key,
                                                             std::string_view channel,
                                                             std::string text) {
    if (!actor.HasPermission(domain::permission::kTemplateWrite)) {
        return Fail(NotPermitted());
    }
    // One set of texts serves the whole city: a district's administrator may not change it.
    if (!domain::AdministersRoot(actor)) {
        return Fail(NotPermitted());
    }
    const auto parsed = domain::ParseNotificationChannel(channel);
    if (!parsed) {
        return Fail(TemplateNotFound());
    }
    domain::MessageTemplate edited{std::string(key), *parsed, std::move(text)};
    const Instant now = clock_.Now();
    return domain::Transact(
        store_, [&](Repositories& repositories) -> Result<domain::MessageTemplate> {
            // The path names the template: an unknown one is a 404 whatever the body says.
            const auto templates = repositories.Notifications().Templates();
            if (std::ranges::none_of(templates, [&](const domain::MessageTemplate& stored) {
                    return stored.key == edited.key && stored.channel == edited.channel;
                })) {
                return Fail(TemplateNotFound());
            }
            if (const auto reason = domain::CheckTemplateText(edited.text)) {
                return Fail(Validation({{"text", *reason, ProblemText(*reason)}}));
            }
            repositories.Notifications().EditTemplate(edited, now, actor.user_id);
            return edited;
        });
}

}  // namespace minqing::service
