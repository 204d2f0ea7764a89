#include "service/notification_service.hpp"

#include "service/notifications.hpp"

namespace minqing::service {
namespace {

using domain::Repositories;

RenderedNotification RenderWith(const std::vector<domain::MessageTemplate>& templates,
                                const domain::Notification& message, std::string_view query_url) {
    RenderedNotification item;
    item.message = message;
    item.text = RenderMessage(templates, message, query_url);
    auto params = message.params.values;
    item.case_number = params["number"];
    params["query_url"] = std::string(query_url);
    for (const auto& candidate : templates) {
        if (candidate.key == message.template_key && candidate.channel == message.channel) {
            item.missing_value = domain::FindMissingValue(candidate.text, params).value_or("");
        }
    }
    return item;
}

// The office reads failed messages to tell people by other means; a reporter's query code is
// theirs alone and stays hidden there.
domain::Notification WithQueryCodeMasked(domain::Notification message) {
    auto& values = message.params.values;
    if (const auto code = values.find("query_code"); code != values.end()) {
        code->second = "********";
    }
    return message;
}

}  // namespace

NotificationPage NotificationService::Inbox(const domain::Principal& caller, bool unread_only,
                                            std::optional<domain::NotificationId> before,
                                            int limit) {
    return domain::Query(store_, [&](Repositories& repositories) {
        domain::InboxQuery query;
        query.user_id = caller.user_id;
        query.unread_only = unread_only;
        query.before_id = before;
        // One more than asked tells whether another page follows.
        query.limit = limit + 1;
        auto messages = repositories.Notifications().Inbox(query);
        NotificationPage page;
        if (messages.size() > static_cast<std::size_t>(limit)) {
            messages.pop_back();
            page.next_before = messages.back().id;
        }
        const auto templates = repositories.Notifications().Templates();
        for (const auto& message : messages) {
            page.items.push_back(RenderWith(templates, message, options_.query_url));
        }
        page.unread_count = repositories.Notifications().CountUnread(caller.user_id);
        return page;
    });
}

Status NotificationService::MarkRead(const domain::Principal& caller, domain::NotificationId id) {
    const Instant now = clock_.Now();
    return domain::Transact(store_, [&](Repositories& repositories) -> Status {
        if (!repositories.Notifications().MarkRead(caller.user_id, id, now)) {
            return Fail(NotFound("notification.not_found", "No such message in your inbox."));
        }
        return Ok();
    });
}

std::int64_t NotificationService::MarkAllRead(const domain::Principal& caller) {
    const Instant now = clock_.Now();
    return *domain::Transact(store_, [&](Repositories& repositories) -> Result<std::int64_t> {
        return repositories.Notifications().MarkAllRead(caller.user_id, now);
    });
}

Result<FailedPage> NotificationService::Failed(const domain::Principal& caller,
                                               std::optional<domain::NotificationId> before,
                                               int limit) {
    if (!caller.HasRole(domain::Role::kCityOffice) && !caller.HasRole(domain::Role::kAdmin)) {
        return Fail(Forbidden("auth.forbidden",
                              "Only the city office and administrators see failed messages."));
    }
    return domain::Query(store_, [&](Repositories& repositories) {
        auto messages = repositories.Notifications().Failed(before, limit + 1);
        FailedPage page;
        if (messages.size() > static_cast<std::size_t>(limit)) {
            messages.pop_back();
            page.next_before = messages.back().id;
        }
        const auto templates = repositories.Notifications().Templates();
        for (const auto& message : messages) {
            page.items.push_back(
                {RenderWith(templates, WithQueryCodeMasked(message), options_.query_url),
                 repositories.Notifications().Attempts(message.id)});
        }
        return page;
    });
}

RenderedNotification NotificationService::Render(Repositories& repositories,
                                                 const domain::Notification& message) const {
    return RenderWith(repositories.Notifications().Templates(), message, options_.query_url);
}

}  // namespace minqing::service
