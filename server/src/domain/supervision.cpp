#include "domain/supervision.hpp"

namespace minqing::domain {
namespace {

constexpr NameTable<SupervisionLevel, 3> kLevelNames{{
    {SupervisionLevel::kReminder, "reminder"},
    {SupervisionLevel::kWritten, "written"},
    {SupervisionLevel::kBulletin, "bulletin"},
}};

}  // namespace

std::string_view SupervisionLevelName(SupervisionLevel level) {
    return NameIn(kLevelNames, level);
}

std::optional<SupervisionLevel> ParseSupervisionLevel(std::string_view name) {
    return ParseIn(kLevelNames, name);
}

}  // namespace minqing::domain
