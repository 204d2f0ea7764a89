#include <string>

#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {

std::optional<domain::IdempotencyRecord> SqlIdempotencyRepository::Find(std::string_view scope,
                                                                        std::string_view key) {
    const auto row = session_.QueryOne(
        "SELECT request_hash, case_id FROM idempotency_keys WHERE scope = ? AND key = ?",
        {std::string(scope), std::string(key)});
    if (!row) {
        return std::nullopt;
    }
    return domain::IdempotencyRecord{row->Text(0), row->Int(1)};
}

bool SqlIdempotencyRepository::Save(std::string_view scope, std::string_view key,
                                    const domain::IdempotencyRecord& record, Instant at) {
    return session_.Execute(
               "INSERT INTO idempotency_keys (scope, key, request_hash, case_id, created_at) "
               "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
               {std::string(scope), std::string(key), record.request_hash, record.case_id,
                ToEpochMs(at)}) == 1;
}

}  // namespace minqing::storage
