#include "app/seed_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "api/assessment_json.hpp"
#include "storage/geojson_boundary.hpp"

namespace minqing::app {
namespace {

Result<CsvTable> ReadTable(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Fail(MakeError(ErrorCode::kValidation, "seed.invalid", "cannot read " + path));
    }
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    auto table = CsvTable::Parse(text.str(), error);
    if (!table) {
        return Fail(MakeError(ErrorCode::kValidation, "seed.invalid", path + ": " + error));
    }
    return std::move(*table);
}

// grids.csv's boundary column, GeoJSON text, as the seeder takes it: by grid code.
Result<std::map<std::string, domain::Boundary, std::less<>>> GridBoundaries(const CsvTable& grids) {
    std::map<std::string, domain::Boundary, std::less<>> boundaries;
    for (std::size_t row = 0; row < grids.size(); ++row) {
        const std::string& text = grids.Get(row, "boundary");
        if (text.empty()) {
            continue;
        }
        auto boundary = storage::BoundaryOfGeoJson(text);
        if (!boundary) {
            return Fail(MakeError(ErrorCode::kValidation, "seed.invalid",
                                  "grids.csv row " + std::to_string(row + 2) +
                                      ": the boundary is no GeoJSON Polygon or MultiPolygon"));
        }
        boundaries.emplace(grids.Get(row, "code"), std::move(*boundary));
    }
    return boundaries;
}

}  // namespace

Result<service::SeedTables> ReadSeedTables(const std::string& dir) {
    service::SeedTables seed;
    const std::pair<const char*, CsvTable*> files[] = {
        {"divisions.csv", &seed.divisions}, {"grids.csv", &seed.grids},
        {"units.csv", &seed.units},         {"sections.csv", &seed.sections},
        {"handlers.csv", &seed.handlers},
    };
    for (const auto& [name, table] : files) {
        auto read = ReadTable(dir + "/org/" + name);
        if (!read) {
            return Fail(std::move(read.error()));
        }
        *table = std::move(*read);
    }
    auto boundaries = GridBoundaries(seed.grids);
    if (!boundaries) {
        return Fail(std::move(boundaries.error()));
    }
    seed.grid_boundaries = std::move(*boundaries);
    auto categories = ReadTable(dir + "/categories.csv");
    if (!categories) {
        return Fail(std::move(categories.error()));
    }
    seed.categories = std::move(*categories);
    auto dispatch = ReadTable(dir + "/dispatch-catalogue.csv");
    if (!dispatch) {
        return Fail(std::move(dispatch.error()));
    }
    seed.dispatch = std::move(*dispatch);
    return seed;
}

Result<CsvTable> ReadMessageTemplates(const std::string& dir) {
    return ReadTable(dir + "/message-templates.csv");
}

Result<CsvTable> ReadSeedCsv(const std::string& path) {
    return ReadTable(path);
}

Result<std::optional<domain::AssessmentScheme>> ReadAssessmentScheme(const std::string& dir) {
    const std::string path = dir + "/assessment-scheme.json";
    if (!std::filesystem::exists(path)) {
        return std::optional<domain::AssessmentScheme>();
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (!json.is_object()) {
        return Fail(
            MakeError(ErrorCode::kValidation, "seed.invalid", path + ": not a JSON object"));
    }
    auto scheme = api::SchemeFromJson(json);
    if (!scheme) {
        const auto& fields = scheme.error().fields;
        return Fail(MakeError(ErrorCode::kValidation, "seed.invalid",
                              path + ": " +
                                  (fields.empty() ? scheme.error().message
                                                  : fields[0].field + " " + fields[0].reason)));
    }
    return std::optional(std::move(*scheme));
}

}  // namespace minqing::app
