// The fields each intake channel keeps, by their camelCase names, listed once: storage writes
// and reads Case::channel_fields through it and the case JSON echoes them by it.
#pragma once

#include <string_view>

#include "domain/case.hpp"
#include "domain/channel_fields.hpp"

namespace minqing::domain {

/// Calls `fn(name, member)` for each field of `channel`'s part (none for the mailbox, message
/// board and walk-in). `Fields` is ChannelFields or const ChannelFields. The cadre form's
/// office is not kept: it only routes.
template <typename Fields, typename Fn>
void ForEachChannelField(Channel channel, Fields& fields, Fn&& fn) {
    switch (channel) {
        case Channel::kGrid:
            fn(std::string_view("solvedOnSpot"), fields.grid.solved_on_spot);
            fn(std::string_view("evidence"), fields.grid.evidence);
            break;
        case Channel::kCadreReport:
            fn(std::string_view("cadreUnit"), fields.cadre.cadre_unit);
            fn(std::string_view("communityId"), fields.cadre.community_id);
            fn(std::string_view("households"), fields.cadre.households);
            fn(std::string_view("summary"), fields.cadre.summary);
            fn(std::string_view("universal"), fields.cadre.universal);
            fn(std::string_view("suggestion"), fields.cadre.suggestion);
            break;
        case Channel::kDirectCard:
            fn(std::string_view("unitId"), fields.direct_card.unit_id);
            break;
        case Channel::kHotline:
            fn(std::string_view("externalRef"), fields.hotline.external_ref);
            break;
        case Channel::kWalkIn:
        case Channel::kMailbox:
        case Channel::kMessageBoard:
            break;
    }
}

}  // namespace minqing::domain
