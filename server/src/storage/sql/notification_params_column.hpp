// A message's params (Notification::params, HeldNotice::params) as one TEXT column: a JSON
// object of the placeholder values as strings, and for a digest also
// "cases": [{id, number, title, overdueWorkingDays}] (the shape rows have always had).
#pragma once

#include <string>

#include "domain/notification.hpp"

namespace minqing::storage {

std::string NotificationParamsJson(const domain::NotificationParams& params);

/// Reads what NotificationParamsJson wrote. A value that is no string (a row written by hand
/// or by an older version) reads as its JSON text; a text that is no JSON object as no params.
domain::NotificationParams NotificationParamsOfJson(const std::string& text);

}  // namespace minqing::storage
