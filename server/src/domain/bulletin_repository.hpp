// Port: bulletins, their history and their read receipts. Used inside a unit of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/bulletin.hpp"
#include "domain/port.hpp"

namespace minqing::domain {

/// Which bulletins a list shows: those of the offices in `issuer_ids` in any state, plus the
/// issued ones addressed to `recipient` (a receipt row), plus every issued one when
/// `all_issued`; narrowed by the filters.
struct BulletinQuery {
    std::vector<OrgUnitId> issuer_ids;
    std::optional<UserId> recipient;
    bool all_issued = false;
    std::optional<BulletinState> state;
    std::optional<BulletinKind> kind;
    std::optional<int> year;
    /// Text that the title or a section's text contains (case-sensitive, as typed).
    std::string text;
    int limit = 50;
};

class BulletinRepository : public Port {
  public:
    /// Stores a new bulletin; returns it with its id.
    virtual Bulletin Insert(Bulletin bulletin) = 0;
    virtual std::optional<Bulletin> FindById(BulletinId id) = 0;
    /// Saves every mutable field (title, state, sections, typical cases, distribution, number,
    /// submitted/issued by and at, return note) and sets the version to `changed.version` if
    /// the stored version is `expected_version`; false when another writer got there first.
    virtual bool Update(const Bulletin& changed, std::int64_t expected_version) = 0;
    /// Newest first.
    virtual std::vector<Bulletin> List(const BulletinQuery& query) = 0;
    /// The number the next issued bulletin of the office, series and year gets: one more
    /// than the highest so far, 1 for the first.
    virtual int NextNumber(OrgUnitId issuer, BulletinSeries series, int year) = 0;

    virtual void AppendLog(const BulletinLogEntry& entry) = 0;
    /// Oldest first.
    virtual std::vector<BulletinLogEntry> Log(BulletinId id) = 0;

    /// Records the user's copy; a second call for the same pair changes nothing.
    virtual void AddReceipt(BulletinId id, UserId user, Instant delivered_at) = 0;
    /// Sets read_at the first time; false when the user has no copy.
    virtual bool MarkRead(BulletinId id, UserId user, Instant at) = 0;
    /// Every copy with its reader's name, by name.
    virtual std::vector<BulletinReceipt> Receipts(BulletinId id) = 0;
    virtual bool HasReceipt(BulletinId id, UserId user) = 0;
};

}  // namespace minqing::domain
