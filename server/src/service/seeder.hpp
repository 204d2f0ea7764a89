// Loads the org network from the seed tables (data/seed/org/*.csv) and creates the demo
// accounts. Runs once, into an empty database, at start-up; blocks on the Store.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/csv.hpp"
#include "common/result.hpp"
#include "domain/boundary.hpp"
#include "domain/role.hpp"
#include "domain/store.hpp"
#include "service/crypto.hpp"

namespace minqing::service {

/// The seed files, parsed. Columns as data/seed/README.md describes them.
struct SeedTables {
    CsvTable divisions;  // code,name,level,parent_code
    CsvTable grids;      // code,name,community_code,boundary
    /// The boundary column of grids.csv, read from its GeoJSON, by grid code.
    std::map<std::string, domain::Boundary, std::less<>> grid_boundaries;
    CsvTable units;       // code,name,short_name,kind,parent_code,leader_in_charge,…,hotline
    CsvTable sections;    // code,name,unit_code
    CsvTable handlers;    // unit_code,name,phone,section_code
    CsvTable categories;  // code,name,parent_code,keywords
    CsvTable dispatch;    // category_code,level,lead_unit,assisting_units
};

/// One demo login: a role on the org node with the given division code or member-unit name.
struct DemoAccount {
    std::string_view username;
    std::string_view display_name;
    domain::Role role;
    std::string_view unit;
};

/// The demo accounts of README.md, one per role, in one district/street/community/grid chain.
const std::vector<DemoAccount>& DemoAccounts();

/// Inserts every row of the seed in one transaction; returns how many units it stored.
/// Errors: 409 "seed.not_empty" when the database already has org units; 422 "seed.invalid"
/// naming the file and row of the first bad row (unknown parent, bad level, …).
Result<int> SeedOrgNetwork(domain::Store& store, const Clock& clock, const SeedTables& seed);

/// Loads the subject categories (parents first). Returns how many it stored.
Result<int> SeedCategories(domain::Store& store, const CsvTable& categories);

/// Loads the dispatch catalogue. Errors: 422 "seed.invalid" for a bad level or category.
Result<int> SeedDispatchCatalogue(domain::Store& store, const CsvTable& dispatch);

/// Loads (inserts or replaces) the message templates of data/seed/message-templates.csv
/// (columns key, channel, text). Returns how many it stored. Errors: 422 "seed.invalid" naming
/// the row of a missing key, an unknown channel (inbox, sms, webhook), or a text with an
/// unknown placeholder (domain/notification.hpp lists the known ones) or an unclosed brace.
Result<int> SeedMessageTemplates(domain::Store& store, const CsvTable& templates);

/// Creates the demo accounts with `password`, and issues the demo director's direct card. Errors:
/// 422 "seed.invalid" when a demo unit code is missing from the org network.
Status SeedDemoAccounts(domain::Store& store, const Clock& clock, std::string_view password,
                        const PasswordCost& cost);

}  // namespace minqing::service
