#include "storage/sql/case_event_payload_json.hpp"

#include <type_traits>

#include <nlohmann/json.hpp>

namespace minqing::storage {
namespace {

using nlohmann::json;

template <typename T>
std::optional<T> Read(const json& value) {
    if constexpr (std::is_same_v<T, std::string>) {
        return value.is_string() ? std::optional(value.get<std::string>()) : std::nullopt;
    } else if constexpr (std::is_same_v<T, bool>) {
        return value.is_boolean() ? std::optional(value.get<bool>()) : std::nullopt;
    } else if constexpr (std::is_same_v<T, Instant>) {
        return value.is_string() ? ParseIso8601(value.get<std::string>()) : std::nullopt;
    } else if constexpr (std::is_enum_v<T>) {
        return value.is_string() ? domain::PayloadEnum<T>::Parse(value.get<std::string>())
                                 : std::nullopt;
    } else {
        return value.is_number_integer() ? std::optional(value.get<T>()) : std::nullopt;
    }
}

template <typename T>
void ReadInto(const json& value, std::optional<T>& member) {
    member = Read<T>(value);
}

void ReadInto(const json& value, std::vector<domain::NamedUnit>& units) {
    if (!value.is_array()) {
        return;
    }
    for (const json& item : value) {
        if (item.is_object() && item.contains("id") && item["id"].is_number_integer()) {
            const auto name = item.find("name");
            units.push_back({item["id"].get<domain::OrgUnitId>(),
                             name != item.end() && name->is_string() ? name->get<std::string>()
                                                                     : std::string()});
        }
    }
}

}  // namespace

domain::CaseEventPayload PayloadFromJson(std::string_view text) {
    domain::CaseEventPayload payload;
    const json parsed = json::parse(text, nullptr, false);
    if (!parsed.is_object()) {
        return payload;
    }
    domain::ForEachPayloadField(payload, [&parsed](std::string_view name, auto& member) {
        if (const auto found = parsed.find(name); found != parsed.end()) {
            ReadInto(*found, member);
        }
    });
    return payload;
}

}  // namespace minqing::storage
