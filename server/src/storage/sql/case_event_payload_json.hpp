// Reads the payload text of a stored case event back into its typed form, by the names of
// domain/case_event_payload.hpp (the domain writes the text with PayloadJson).
#pragma once

#include <string_view>

#include "domain/case_event_payload.hpp"

namespace minqing::storage {

/// A key that is unknown or holds another type (a row written by hand) reads as empty; the
/// text itself stays on the event, so nothing of it is lost.
domain::CaseEventPayload PayloadFromJson(std::string_view text);

}  // namespace minqing::storage
