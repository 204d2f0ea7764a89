#include "service/seeder.hpp"

#include <functional>
#include <map>

#include "domain/notification.hpp"

namespace minqing::service {
namespace {

using domain::OrgKind;
using domain::OrgLevel;
using domain::OrgUnit;
using domain::Repositories;
using domain::Role;

Error SeedError(std::string_view file, std::size_t row, std::string_view problem) {
    return MakeError(
        ErrorCode::kValidation, "seed.invalid",
        std::string(file) + " row " + std::to_string(row + 2) + ": " + std::string(problem));
}

// Inserts one unit under a parent known by code; remembers it by its own code.
class TreeBuilder {
  public:
    TreeBuilder(domain::OrgRepository& orgs, Instant now) : orgs_(orgs), now_(now) {}

    Status Add(OrgUnit unit, std::string_view parent_code, std::string_view file, std::size_t row) {
        const OrgUnit* parent = nullptr;
        if (!parent_code.empty()) {
            const auto found = by_code_.find(parent_code);
            if (found == by_code_.end()) {
                return Fail(SeedError(file, row, "unknown parent " + std::string(parent_code)));
            }
            parent = &found->second;
            unit.parent_id = parent->id;
            if (unit.kind != OrgKind::kDivision) {
                unit.level = parent->level;
            }
        }
        if (const auto bad = domain::CheckPlacement(unit.kind, unit.level, parent)) {
            return Fail(SeedError(file, row, "cannot be placed below " + std::string(parent_code)));
        }
        unit.created_at = now_;
        unit.updated_at = now_;
        auto stored = orgs_.Insert(std::move(unit));
        if (!stored) {
            return Fail(SeedError(file, row, stored.error().message));
        }
        std::string code = stored->code;
        by_code_.emplace(std::move(code), std::move(*stored));
        return Ok();
    }

    OrgUnit* Find(std::string_view code) {
        const auto found = by_code_.find(code);
        return found == by_code_.end() ? nullptr : &found->second;
    }

    std::size_t size() const { return by_code_.size(); }

  private:
    domain::OrgRepository& orgs_;
    const Instant now_;
    std::map<std::string, OrgUnit, std::less<>> by_code_;
};

// One unit per row of `table`: its code and name, what `fill` sets (a message refuses the row),
// under the unit whose code the row's `parent_column` holds.
template <typename Fill>
Status AddRows(TreeBuilder& tree, const CsvTable& table, std::string_view file,
               std::string_view parent_column, Fill fill) {
    for (std::size_t row = 0; row < table.size(); ++row) {
        OrgUnit unit;
        unit.code = table.Get(row, "code");
        unit.name = table.Get(row, "name");
        std::string parent = table.Get(row, parent_column);
        if (const std::string refused = fill(row, unit, parent); !refused.empty()) {
            return Fail(SeedError(file, row, refused));
        }
        if (auto added = tree.Add(std::move(unit), parent, file, row); !added) {
            return added;
        }
    }
    return Ok();
}

Status AddDivisions(TreeBuilder& tree, const CsvTable& divisions) {
    return AddRows(tree, divisions, "divisions.csv", "parent_code",
                   [&](std::size_t row, OrgUnit& unit, std::string& parent) -> std::string {
                       const auto level = domain::ParseOrgLevel(divisions.Get(row, "level"));
                       if (!level) {
                           return "unknown level";
                       }
                       unit.level = *level;
                       if (unit.level == OrgLevel::kCity) {
                           parent.clear();  // the province is outside the network
                       }
                       return "";
                   });
}

Status AddGrids(TreeBuilder& tree, const SeedTables& seed) {
    return AddRows(tree, seed.grids, "grids.csv", "community_code",
                   [&](std::size_t, OrgUnit& unit, std::string&) -> std::string {
                       unit.level = OrgLevel::kGrid;
                       if (const auto found = seed.grid_boundaries.find(unit.code);
                           found != seed.grid_boundaries.end()) {
                           unit.boundary = found->second;
                       }
                       return "";
                   });
}

Status AddUnits(TreeBuilder& tree, const CsvTable& units) {
    return AddRows(tree, units, "units.csv", "parent_code",
                   [&](std::size_t row, OrgUnit& unit, std::string&) -> std::string {
                       unit.short_name = units.Get(row, "short_name");
                       unit.kind = OrgKind::kUnit;
                       unit.unit_type = units.Get(row, "kind");
                       unit.leader_in_charge = units.Get(row, "leader_in_charge");
                       unit.responsible_section = units.Get(row, "responsible_section");
                       unit.hotline = units.Get(row, "hotline");
                       return "";
                   });
}

Status AddSections(TreeBuilder& tree, const CsvTable& sections) {
    return AddRows(tree, sections, "sections.csv", "unit_code",
                   [](std::size_t, OrgUnit& unit, std::string&) -> std::string {
                       unit.kind = OrgKind::kSection;
                       return "";
                   });
}

Status AddHandlers(TreeBuilder& tree, domain::OrgRepository& orgs, const CsvTable& handlers) {
    std::map<std::string, std::vector<domain::UnitHandler>, std::less<>> by_unit;
    for (std::size_t row = 0; row < handlers.size(); ++row) {
        const std::string& unit_code = handlers.Get(row, "unit_code");
        if (tree.Find(unit_code) == nullptr) {
            return Fail(SeedError("handlers.csv", row, "unknown unit " + unit_code));
        }
        by_unit[unit_code].push_back({handlers.Get(row, "name"), handlers.Get(row, "phone"),
                                      handlers.Get(row, "section_code")});
    }
    for (auto& [code, list] : by_unit) {
        OrgUnit* unit = tree.Find(code);
        unit->handlers = std::move(list);
        orgs.Update(*unit);
    }
    return Ok();
}

// Divisions are named by their statistical code; member units by name, since their codes are
// the seed's own.
std::optional<OrgUnit> FindDemoUnit(domain::OrgRepository& orgs, std::string_view code_or_name) {
    if (auto by_code = orgs.FindByCode(code_or_name)) {
        return by_code;
    }
    domain::OrgQuery query;
    query.kind = OrgKind::kUnit;
    for (OrgUnit& unit : orgs.List(query)) {
        if (unit.name == code_or_name) {
            return std::move(unit);
        }
    }
    return std::nullopt;
}

}  // namespace

const std::vector<DemoAccount>& DemoAccounts() {
    // The demo chain: 船营区 → 德胜街道 → 永前社区 → its first grid; the city's 住建局 is the
    // unit heating complaints reach.
    static const std::vector<DemoAccount> kAccounts = {
        {"admin", "系统管理员", Role::kAdmin, "220200"},
        {"city-office", "市绿色通道办公室", Role::kCityOffice, "220200"},
        {"district-office", "船营区绿色通道办公室", Role::kDistrictOffice, "220204"},
        {"street-office", "德胜街道绿色通道办公室", Role::kStreetOffice, "220204001000"},
        {"community-staff", "永前社区工作人员", Role::kCommunityStaff, "220204001001"},
        {"grid-worker", "永前社区网格员", Role::kGridWorker, "22020400100101"},
        {"director", "永前社区居委会主任", Role::kDirector, "220204001001"},
        {"cadre", "市民政局机关干部", Role::kCadre, "吉林市民政局"},
        {"unit-handler", "市住建局承办人", Role::kUnitHandler, "吉林市住房和城乡建设局"},
        {"unit-leader", "市住建局分管领导", Role::kUnitLeader, "吉林市住房和城乡建设局"},
        {"leader", "市分管领导", Role::kLeader, "220200"},
        {"inspector", "市督查室", Role::kInspector, "220200"},
        {"office-head", "市绿色通道办公室主任", Role::kOfficeHead, "220200"},
    };
    return kAccounts;
}

Result<int> SeedOrgNetwork(domain::Store& store, const Clock& clock, const SeedTables& seed) {
    const Instant now = clock.Now();
    return domain::Transact(store, [&](Repositories& repositories) -> Result<int> {
        if (repositories.Orgs().Count() > 0) {
            return Fail(Conflict("seed.not_empty", "The database already has an org network."));
        }
        TreeBuilder tree(repositories.Orgs(), now);
        const std::function<Status()> steps[] = {[&] { return AddDivisions(tree, seed.divisions); },
                                                 [&] { return AddGrids(tree, seed); },
                                                 [&] { return AddUnits(tree, seed.units); },
                                                 [&] { return AddSections(tree, seed.sections); }};
        for (const auto& step : steps) {
            if (auto added = step(); !added) {
                return Fail(std::move(added.error()));
            }
        }
        if (auto added = AddHandlers(tree, repositories.Orgs(), seed.handlers); !added) {
            return Fail(std::move(added.error()));
        }
        return static_cast<int>(tree.size());
    });
}

Result<int> SeedCategories(domain::Store& store, const CsvTable& categories) {
    return domain::Transact(store, [&](Repositories& repositories) -> Result<int> {
        for (std::size_t row = 0; row < categories.size(); ++row) {
            domain::Category category;
            category.code = categories.Get(row, "code");
            category.name = categories.Get(row, "name");
            if (const auto& parent = categories.Get(row, "parent_code"); !parent.empty()) {
                if (!repositories.Catalog().FindCategory(parent)) {
                    return Fail(SeedError("categories.csv", row, "unknown parent " + parent));
                }
                category.parent_code = parent;
            }
            category.keywords = SplitBarList(categories.Get(row, "keywords"));
            repositories.Catalog().SaveCategory(category);
        }
        return static_cast<int>(categories.size());
    });
}

Result<int> SeedDispatchCatalogue(domain::Store& store, const CsvTable& dispatch) {
    return domain::Transact(store, [&](Repositories& repositories) -> Result<int> {
        for (std::size_t row = 0; row < dispatch.size(); ++row) {
            domain::DispatchRule rule;
            rule.category_code = dispatch.Get(row, "category_code");
            const auto level = domain::ParseOrgLevel(dispatch.Get(row, "level"));
            if (!level || !repositories.Catalog().FindCategory(rule.category_code)) {
                return Fail(SeedError("dispatch-catalogue.csv", row, "bad level or category"));
            }
            rule.level = *level;
            rule.lead_unit = dispatch.Get(row, "lead_unit");
            rule.assisting_units = SplitBarList(dispatch.Get(row, "assisting_units"));
            repositories.Catalog().SaveDispatchRule(rule);
        }
        return static_cast<int>(dispatch.size());
    });
}

Result<int> SeedMessageTemplates(domain::Store& store, const CsvTable& templates) {
    constexpr std::string_view kFile = "message-templates.csv";
    std::vector<domain::MessageTemplate> parsed;
    for (std::size_t row = 0; row < templates.size(); ++row) {
        domain::MessageTemplate message_template;
        message_template.key = templates.Get(row, "key");
        const auto channel = domain::ParseNotificationChannel(templates.Get(row, "channel"));
        message_template.text = templates.Get(row, "text");
        if (message_template.key.empty() || message_template.text.empty()) {
            return Fail(SeedError(kFile, row, "key and text are required"));
        }
        if (!channel) {
            return Fail(SeedError(kFile, row, "channel must be inbox, sms or webhook"));
        }
        message_template.channel = *channel;
        if (const auto unknown = domain::FindUnknownPlaceholder(message_template.text)) {
            return Fail(SeedError(kFile, row,
                                  *unknown == "{" ? "an empty or unclosed brace"
                                                  : "unknown placeholder {" + *unknown + "}"));
        }
        parsed.push_back(std::move(message_template));
    }
    return domain::Transact(store, [&](Repositories& repositories) -> Result<int> {
        for (const auto& message_template : parsed) {
            repositories.Notifications().SaveTemplate(message_template);
        }
        return static_cast<int>(parsed.size());
    });
}

Status SeedDemoAccounts(domain::Store& store, const Clock& clock, std::string_view password,
                        const PasswordCost& cost) {
    // One hash for every demo account: argon2id is deliberately slow, and a dozen of them
    // would add seconds to the first start for no security gain on demo data.
    const std::string hash = HashPassword(password, cost);
    const Instant now = clock.Now();
    return domain::Transact(store, [&](Repositories& repositories) -> Status {
        for (const DemoAccount& account : DemoAccounts()) {
            const auto unit = FindDemoUnit(repositories.Orgs(), account.unit);
            if (!unit) {
                return Fail(MakeError(
                    ErrorCode::kValidation, "seed.invalid",
                    "demo unit " + std::string(account.unit) + " is not in the org network"));
            }
            domain::User user;
            user.username = account.username;
            user.display_name = account.display_name;
            user.password_hash = hash;
            user.created_at = now;
            auto stored = repositories.Users().Insert(std::move(user));
            if (!stored) {
                return Fail(std::move(stored.error()));
            }
            auto granted =
                repositories.Users().AddRole(stored->id, account.role, unit->id, std::nullopt, now);
            if (!granted) {
                return Fail(std::move(granted.error()));
            }
            if (account.role == Role::kDirector) {
                // The city issues one direct card per community to its director.
                auto card = repositories.Catalog().InsertCard(
                    {0, "ZTK-" + unit->code, unit->id, stored->id, true, now, std::nullopt});
                if (!card) {
                    return Fail(std::move(card.error()));
                }
            }
        }
        return Ok();
    });
}

}  // namespace minqing::service
