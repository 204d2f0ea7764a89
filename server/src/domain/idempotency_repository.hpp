// Port: idempotency keys, so that a retried create returns the case the first try made.
// Used inside a unit of work (see store.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/case.hpp"
#include "domain/port.hpp"

namespace minqing::domain {

struct IdempotencyRecord {
    std::string request_hash;
    CaseId case_id = 0;
};

class IdempotencyRepository : public Port {
  public:
    virtual std::optional<IdempotencyRecord> Find(std::string_view scope, std::string_view key) = 0;
    /// Records the key; false when another writer recorded the same key first.
    virtual bool Save(std::string_view scope, std::string_view key, const IdempotencyRecord& record,
                      Instant at) = 0;
};

}  // namespace minqing::domain
