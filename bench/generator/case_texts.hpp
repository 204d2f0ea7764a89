// What generated cases say: one topic per typical matter of a subject category, with its
// volume, season, competent units and Chinese templates, and the scene (building, road, shop …)
// that fills a case's templates consistently. Pure data and functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/case.hpp"
#include "random.hpp"

namespace minqing::casegen {

/// When a matter comes up more often than usual in Jilin.
enum class Season {
    kNone,
    kHeating,  // the heating season, mid-October to early April
    kSnow,     // November to March
    kSummer,   // May to September: barbecues, square dancing, poplar fluff
    kFlood,    // June to September
};

struct Topic {
    std::string_view category_code;
    /// Relative volume outside its season.
    double weight;
    Season season;
    domain::CaseKind kind;
    double urgent;      // share raised as 紧急
    double critical;    // share raised as 特急
    double collective;  // share raised for many households at once
    /// A community or street may settle it itself (自办).
    bool local;
    /// The competent member units: the city unit's number (U220200-NN) and, when districts
    /// have one, the district unit's number (U<district>-NN); 0 for none.
    int city_unit;
    int district_unit;
    // '|'-separated templates with {placeholders} (see Scene).
    std::string_view titles;
    std::string_view details;
    std::string_view demands;
    /// What the unit did, for answers and on-the-spot evidence.
    std::string_view fix;
};

/// Every topic; several may share a category.
std::span<const Topic> Topics();

/// The '|'-separated parts of a template list.
std::vector<std::string_view> Alternatives(std::string_view templates);

/// Where a case arose, as the names in the org tree.
struct PlaceNames {
    std::string district;   // 船营区
    std::string street;     // 德胜街道
    std::string community;  // 永前社区
    bool village = false;
};

/// The particulars one case's templates share, so that title and content name the same
/// building, road or shop.
struct Scene {
    PlaceNames place;
    std::string building;  // {bld}: 3号楼2单元
    std::string estate;    // {estate}: a residential compound
    std::string road;      // {road}
    std::string keyword;   // {kw}: one of the category's keywords
    std::string temperature, days, months, money, shop, company, when, since, households, workers,
        bus, school, hospital, policy;
};

/// Draws a scene at `place`; `keywords` are the case's category's.
Scene DrawScene(const PlaceNames& place, std::span<const std::string> keywords, Random& random);

/// `pattern` with each {name} replaced from the scene ({place} is district + street +
/// community, {short} the community alone). Unknown names are left as they are.
std::string Fill(std::string_view pattern, const Scene& scene);

/// A case's words as a channel records them.
struct CaseText {
    std::string title;
    std::string content;
    std::string address;
    std::string summary;     // the matter in one sentence (cadre report form)
    std::string suggestion;  // what is asked for
};

/// Title, content and address for a case of `topic` raised through `channel`; `office` is the
/// office a walk-in came to.
CaseText ComposeCase(const Topic& topic, const Scene& scene, domain::Channel channel,
                     std::string_view office, Random& random);

/// The answer a unit gives for `result`, built on the topic's fix.
std::string AnswerText(const Topic& topic, const Scene& scene, domain::AnswerResult result,
                       std::string_view unit, Random& random);

/// Fixed phrases of the workflow, drawn at random: a note for `action` (contact, supervise,
/// assist, instruct, decline, …), and its reason and legal basis where it needs them.
struct ActionWords {
    std::string note;
    std::string reason;
    std::string legal_basis;
};
ActionWords WordsFor(std::string_view action, std::string_view unit, Random& random);

/// A plausible reporter: a name (sometimes only 王女士-style), a mobile or landline number.
domain::Reporter DrawReporter(Random& random);

}  // namespace minqing::casegen
