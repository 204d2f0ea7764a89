#include <string>

#include <nlohmann/json.hpp>

#include "domain/bulletin_repository.hpp"
#include "storage/sql/column_table.hpp"
#include "storage/sql/enum_text.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {

// clang-format off
template <> struct EnumText<domain::BulletinSeries> : EnumTextOf<domain::BulletinSeries, &domain::BulletinSeriesName, &domain::ParseBulletinSeries, domain::BulletinSeries::kPeriodic> {};
template <> struct EnumText<domain::BulletinKind> : EnumTextOf<domain::BulletinKind, &domain::BulletinKindName, &domain::ParseBulletinKind, domain::BulletinKind::kMonthly> {};
template <> struct EnumText<domain::BulletinState> : EnumTextOf<domain::BulletinState, &domain::BulletinStateName, &domain::ParseBulletinState, domain::BulletinState::kDraft> {};
// clang-format on

namespace {

using domain::Bulletin;
using domain::BulletinSection;
using nlohmann::json;

// Sections, typical cases and the distribution are stored as JSON: what a bulletin holds is
// read and written whole, and its shape grows with the bulletin's layout, not its queries.
json FiguresJson(const std::vector<domain::BulletinFigure>& figures) {
    json array = json::array();
    for (const auto& f : figures) {
        array.push_back({{"key", f.key}, {"label", f.label}, {"value", f.value}, {"unit", f.unit}});
    }
    return array;
}

json ChartJson(const domain::BulletinChart& c) {
    return {{"title", c.title},
            {"unit", c.unit},
            {"labels", c.labels},
            {"values", c.values},
            {"seriesName", c.series_name},
            {"comparison", c.comparison},
            {"comparisonName", c.comparison_name}};
}

std::string SectionsText(const std::vector<BulletinSection>& sections) {
    json array = json::array();
    for (const auto& s : sections) {
        json charts = json::array();
        for (const auto& chart : s.charts) {
            charts.push_back(ChartJson(chart));
        }
        json cases = json::array();
        for (const auto& c : s.cases) {
            cases.push_back(
                {{"id", c.id}, {"number", c.number}, {"title", c.title}, {"done", c.done}});
        }
        array.push_back({{"key", s.key},
                         {"title", s.title},
                         {"text", s.text},
                         {"edited", s.edited},
                         {"figures", FiguresJson(s.figures)},
                         {"charts", charts},
                         {"cases", cases}});
    }
    return array.dump();
}

template <typename T>
T Get(const json& object, const char* name, T fallback = {}) {
    const auto found = object.find(name);
    if (found == object.end() || found->is_null()) {
        return fallback;
    }
    return found->get<T>();
}

std::vector<BulletinSection> SectionsOf(const std::string& text) {
    std::vector<BulletinSection> sections;
    const json array = json::parse(text, nullptr, false);
    if (!array.is_array()) {
        return sections;  // written by hand into the database; the service never does
    }
    for (const json& s : array) {
        BulletinSection section;
        section.key = Get<std::string>(s, "key");
        section.title = Get<std::string>(s, "title");
        section.text = Get<std::string>(s, "text");
        section.edited = Get<bool>(s, "edited", false);
        for (const json& f : s.value("figures", json::array())) {
            section.figures.push_back({Get<std::string>(f, "key"), Get<std::string>(f, "label"),
                                       Get<double>(f, "value", 0), Get<std::string>(f, "unit")});
        }
        for (const json& c : s.value("charts", json::array())) {
            domain::BulletinChart chart;
            chart.title = Get<std::string>(c, "title");
            chart.unit = Get<std::string>(c, "unit");
            chart.labels = Get<std::vector<std::string>>(c, "labels");
            chart.values = Get<std::vector<double>>(c, "values");
            chart.series_name = Get<std::string>(c, "seriesName");
            chart.comparison = Get<std::vector<double>>(c, "comparison");
            chart.comparison_name = Get<std::string>(c, "comparisonName");
            section.charts.push_back(std::move(chart));
        }
        for (const json& c : s.value("cases", json::array())) {
            section.cases.push_back({Get<std::int64_t>(c, "id", 0), Get<std::string>(c, "number"),
                                     Get<std::string>(c, "title"), Get<std::string>(c, "done")});
        }
        sections.push_back(std::move(section));
    }
    return sections;
}

std::string IdsText(const std::vector<domain::CaseId>& ids) {
    return json(ids).dump();
}

std::vector<domain::CaseId> IdsOf(const std::string& text) {
    const json array = json::parse(text, nullptr, false);
    std::vector<domain::CaseId> ids;
    if (array.is_array()) {
        for (const json& id : array) {
            if (id.is_number_integer()) {
                ids.push_back(id.get<domain::CaseId>());
            }
        }
    }
    return ids;
}

json RecipientsJson(const std::vector<domain::BulletinRecipient>& recipients) {
    json array = json::array();
    for (const auto& r : recipients) {
        array.push_back({{"userId", r.user_id ? json(*r.user_id) : json(nullptr)},
                         {"unitId", r.unit_id ? json(*r.unit_id) : json(nullptr)},
                         {"name", r.name}});
    }
    return array;
}

std::vector<domain::BulletinRecipient> RecipientsOf(const json& array) {
    std::vector<domain::BulletinRecipient> recipients;
    if (!array.is_array()) {
        return recipients;
    }
    for (const json& r : array) {
        domain::BulletinRecipient recipient;
        if (r.contains("userId") && r["userId"].is_number_integer()) {
            recipient.user_id = r["userId"].get<domain::UserId>();
        }
        if (r.contains("unitId") && r["unitId"].is_number_integer()) {
            recipient.unit_id = r["unitId"].get<domain::OrgUnitId>();
        }
        recipient.name = Get<std::string>(r, "name");
        recipients.push_back(std::move(recipient));
    }
    return recipients;
}

std::string DistributionText(const domain::BulletinDistribution& d) {
    return json{{"reportTo", RecipientsJson(d.report_to)},
                {"sendTo", RecipientsJson(d.send_to)},
                {"copyTo", RecipientsJson(d.copy_to)}}
        .dump();
}

domain::BulletinDistribution DistributionOf(const std::string& text) {
    const json object = json::parse(text, nullptr, false);
    domain::BulletinDistribution d;
    if (object.is_object()) {
        d.report_to = RecipientsOf(object.value("reportTo", json::array()));
        d.send_to = RecipientsOf(object.value("sendTo", json::array()));
        d.copy_to = RecipientsOf(object.value("copyTo", json::array()));
    }
    return d;
}

// What the archive's search looks in: the title and every section's text.
std::string SearchText(const Bulletin& b) {
    std::string text = b.title;
    for (const auto& section : b.sections) {
        text += "\n" + section.text;
    }
    return text;
}

const ColumnTable<Bulletin> kBulletins(
    "bulletins",
    {Field<&Bulletin::id>("id", kGeneratedKey),
     Field<&Bulletin::issuer_id>("issuer_id", kWrittenOnce),
     Field<&Bulletin::series>("series", kWrittenOnce),
     Field<&Bulletin::kind>("kind", kWrittenOnce),
     Field<&Bulletin::period_from>("period_from", kWrittenOnce),
     Field<&Bulletin::period_to>("period_to", kWrittenOnce),
     Field<&Bulletin::year>("year", kWrittenOnce),
     Field<&Bulletin::number>("number"),
     Field<&Bulletin::title>("title"),
     Field<&Bulletin::state>("state"),
     Converted<&Bulletin::sections, &SectionsText, &SectionsOf>("sections"),
     Converted<&Bulletin::typical_case_ids, &IdsText, &IdsOf>("typical_case_ids"),
     Converted<&Bulletin::distribution, &DistributionText, &DistributionOf>("distribution"),
     {"search_text", SqlType::kText, kInserted | kUpdated,
      [](const Bulletin& b) { return SqlValue(SearchText(b)); }, nullptr},
     Field<&Bulletin::version>("version"),
     Field<&Bulletin::created_by>("created_by", kWrittenOnce),
     Field<&Bulletin::created_at>("created_at", kWrittenOnce),
     Field<&Bulletin::submitted_by>("submitted_by"),
     Field<&Bulletin::submitted_at>("submitted_at"),
     Field<&Bulletin::issued_by>("issued_by"),
     Field<&Bulletin::issued_at>("issued_at"),
     Field<&Bulletin::return_note>("return_note"),
     Field<&Bulletin::updated_at>("updated_at")});

const ColumnTable<domain::BulletinLogEntry> kLog(
    "bulletin_log", {Field<&domain::BulletinLogEntry::id>("id", kGeneratedKey),
                     Field<&domain::BulletinLogEntry::bulletin_id>("bulletin_id", kWrittenOnce),
                     Field<&domain::BulletinLogEntry::action>("action", kWrittenOnce),
                     Field<&domain::BulletinLogEntry::by>("by_user", kWrittenOnce),
                     Field<&domain::BulletinLogEntry::at>("logged_at", kWrittenOnce),
                     Field<&domain::BulletinLogEntry::note>("note", kWrittenOnce)});

}  // namespace

Bulletin SqlBulletinRepository::Insert(Bulletin bulletin) {
    bulletin.id =
        session_
            .QueryOne(kBulletins.InsertSql() + " RETURNING id", kBulletins.InsertValues(bulletin))
            ->Int(0);
    return bulletin;
}

std::optional<Bulletin> SqlBulletinRepository::FindById(domain::BulletinId id) {
    return kBulletins.ReadOne(session_.QueryOne(kBulletins.SelectFrom() + "WHERE id = ?", {id}));
}

bool SqlBulletinRepository::Update(const Bulletin& changed, std::int64_t expected_version) {
    std::vector<SqlValue> params = kBulletins.Values(changed, kUpdated);
    params.emplace_back(changed.id);
    params.emplace_back(expected_version);
    return session_.Execute(
               "UPDATE bulletins SET " + kBulletins.Assignments() + " WHERE id = ? AND version = ?",
               params) > 0;
}

std::vector<Bulletin> SqlBulletinRepository::List(const domain::BulletinQuery& query) {
    std::vector<SqlValue> params;
    std::string sql = kBulletins.SelectFrom() + "WHERE (1 = 0";
    for (const auto issuer : query.issuer_ids) {
        sql += " OR issuer_id = ?";
        params.emplace_back(issuer);
    }
    if (query.recipient) {
        sql +=
            " OR (state = 'issued' AND id IN (SELECT r.bulletin_id FROM bulletin_receipts r "
            "WHERE r.user_id = ?))";
        params.emplace_back(*query.recipient);
    }
    if (query.all_issued) {
        sql += " OR state = 'issued'";
    }
    sql += ")";
    if (query.state) {
        sql += " AND state = ?";
        params.emplace_back(std::string(domain::BulletinStateName(*query.state)));
    }
    if (query.kind) {
        sql += " AND kind = ?";
        params.emplace_back(std::string(domain::BulletinKindName(*query.kind)));
    }
    if (query.year) {
        sql += " AND year = ?";
        params.emplace_back(std::int64_t{*query.year});
    }
    if (!query.text.empty()) {
        sql += " AND search_text LIKE ?";
        params.emplace_back("%" + query.text + "%");
    }
    AddNewestFirstPage(sql, params, "id", std::nullopt, query.limit);
    return kBulletins.ReadAll(session_.Query(sql, params));
}

int SqlBulletinRepository::NextNumber(domain::OrgUnitId issuer, domain::BulletinSeries series,
                                      int year) {
    const auto row = session_.QueryOne(
        "SELECT MAX(number) FROM bulletins WHERE issuer_id = ? AND series = ? AND year = ?",
        {issuer, std::string(domain::BulletinSeriesName(series)), std::int64_t{year}});
    return static_cast<int>(row->OptionalInt(0).value_or(0)) + 1;
}

void SqlBulletinRepository::AppendLog(const domain::BulletinLogEntry& entry) {
    session_.Execute(kLog.InsertSql(), kLog.InsertValues(entry));
}

std::vector<domain::BulletinLogEntry> SqlBulletinRepository::Log(domain::BulletinId id) {
    return kLog.ReadAll(
        session_.Query(kLog.SelectFrom() + "WHERE bulletin_id = ? ORDER BY id", {id}));
}

void SqlBulletinRepository::AddReceipt(domain::BulletinId id, domain::UserId user,
                                       Instant delivered_at) {
    session_.Execute(
        "INSERT INTO bulletin_receipts (bulletin_id, user_id, delivered_at) VALUES (?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        {id, user, ToEpochMs(delivered_at)});
}

bool SqlBulletinRepository::MarkRead(domain::BulletinId id, domain::UserId user, Instant at) {
    session_.Execute(
        "UPDATE bulletin_receipts SET read_at = ? WHERE bulletin_id = ? AND user_id = ? AND "
        "read_at IS NULL",
        {ToEpochMs(at), id, user});
    return HasReceipt(id, user);
}

std::vector<domain::BulletinReceipt> SqlBulletinRepository::Receipts(domain::BulletinId id) {
    std::vector<domain::BulletinReceipt> receipts;
    for (const SqlRow& row : session_.Query(
             "SELECT r.user_id, r.delivered_at, r.read_at, u.display_name FROM bulletin_receipts "
             "r JOIN users u ON u.id = r.user_id WHERE r.bulletin_id = ? ORDER BY u.display_name, "
             "r.user_id",
             {id})) {
        domain::BulletinReceipt receipt;
        receipt.bulletin_id = id;
        receipt.user_id = row.Int(0);
        receipt.delivered_at = FromEpochMs(row.Int(1));
        receipt.read_at = row.OptionalInt(2).transform(FromEpochMs);
        receipt.user_name = row.Text(3);
        receipts.push_back(std::move(receipt));
    }
    return receipts;
}

bool SqlBulletinRepository::HasReceipt(domain::BulletinId id, domain::UserId user) {
    return session_
        .QueryOne("SELECT 1 FROM bulletin_receipts WHERE bulletin_id = ? AND user_id = ?",
                  {id, user})
        .has_value();
}

}  // namespace minqing::storage
