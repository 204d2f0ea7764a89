// The 《社情民意专报》 bulletin on the wire: the JSON of a bulletin, its list item, figure
// changes and receipts, and the decoding of its request bodies (every field problem at once).
#pragma once

#include <nlohmann/json.hpp>

#include "common/result.hpp"
#include "service/bulletin_service.hpp"

namespace minqing::api {

nlohmann::json BulletinJson(const service::BulletinView& view);
nlohmann::json BulletinItemJson(const domain::Bulletin& bulletin);
nlohmann::json FigureChangesJson(const std::vector<domain::FigureChange>& changes);
nlohmann::json ReceiptsJson(const std::vector<domain::BulletinReceipt>& receipts);

/// {kind, period} or {kind:"special", from, to}, title?. Errors: 422 per field.
Result<service::BulletinDraftRequest> DecodeBulletinDraft(const nlohmann::json& body);
/// {version, title?, sections?:[{key,text}], typicalCaseIds?, distribution?:{reportTo,
/// sendTo, copyTo: [{userId}|{unitId}]}}. Errors: 422 per field.
Result<service::BulletinEdit> DecodeBulletinEdit(const nlohmann::json& body);

/// {note}. Errors: 422 "note" required, unknown fields.
Result<std::string> DecodeReturnNote(const nlohmann::json& body);

}  // namespace minqing::api
