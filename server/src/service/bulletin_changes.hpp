// The changes a bulletin goes through inside a unit of work: the office's edits (checked field
// by field) and, on issue, its delivery to every recipient (inbox message and receipt).
// Thread-safe.
#pragma once

#include <optional>
#include <string>

#include "common/result.hpp"
#include "domain/bulletin.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/bulletin_service.hpp"

namespace minqing::service {

/// The inbox template a recipient's message is written with.
inline constexpr std::string_view kBulletinIssuedTemplate = "bulletin_issued";

/// A problem with a title: "required" (blank) or "length" (over 200 characters).
std::optional<FieldError> CheckBulletinTitle(const std::string& title);

/// Applies `edit` to `bulletin` (not saved). Errors: 409 "bulletin.issued",
/// "bulletin.under_review", "bulletin.stale_version"; 422 with every field's problem.
Status ApplyEdit(domain::Repositories& repositories, const domain::Principal& caller,
                 domain::Bulletin& bulletin, const BulletinEdit& edit, Instant now);

/// Gives every recipient user of the issued `bulletin` a receipt and an inbox message linking
/// to it: the users named; everyone with a role in a member unit named; on a division named, its
/// leaders when reported to (报), its offices when sent or copied to (送/发). Idempotent.
void DeliverBulletin(domain::Repositories& repositories, const domain::Bulletin& bulletin,
                     Instant now);

}  // namespace minqing::service
