// The message templates (通知模板) for administrators: list them and edit a text. Messages are
// rendered from the stored templates whenever they are listed or delivered, so an edit applies
// to every message shown or sent after it; the template file loaded at every start leaves
// edited templates alone. Thread-safe; blocks on the Store.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/notification.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"

namespace minqing::service {

class MessageTemplateService {
  public:
    MessageTemplateService(domain::Store& store, const Clock& clock)
        : store_(store), clock_(clock) {}

    /// Every template, by key and channel. Errors: 403 "auth.forbidden" (not an administrator).
    Result<std::vector<domain::MessageTemplate>> List(const domain::Principal& actor);
    /// Replaces the text of the template of `key` and `channel` (the city's administrators
    /// only). Errors: 403 "auth.forbidden"; 404
    /// "message_template.not_found" (no such key and channel); 422 "text" "required",
    /// "length" (more than 500 characters), "unknown_placeholder".
    Result<domain::MessageTemplate> Edit(const domain::Principal& actor, std::string_view key,
                                         std::string_view channel, std::string text);

  private:
    domain::Store& store_;
    const Clock& clock_;
};

}  // namespace minqing::service
