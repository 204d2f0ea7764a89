#include "domain/case_event_payload.hpp"

#include <type_traits>

#include "common/json_writer.hpp"

namespace minqing::domain {
namespace {

template <typename T>
void Write(JsonObjectWriter& out, std::string_view key, const std::optional<T>& value) {
    if (!value) {
        return;
    }
    if constexpr (std::is_same_v<T, std::string>) {
        out.Text(key, *value);
    } else if constexpr (std::is_same_v<T, bool>) {
        out.Boolean(key, *value);
    } else if constexpr (std::is_same_v<T, Instant>) {
        out.Text(key, FormatIso8601Cst(*value));
    } else if constexpr (std::is_enum_v<T>) {
        out.Text(key, PayloadEnum<T>::Name(*value));
    } else {
        out.Integer(key, *value);
    }
}

void Write(JsonObjectWriter& out, std::string_view key, const std::vector<NamedUnit>& units) {
    if (units.empty()) {
        return;
    }
    std::vector<std::string> items;
    for (const NamedUnit& unit : units) {
        JsonObjectWriter item;
        item.Integer("id", unit.id);
        item.Text("name", unit.name);
        items.push_back(item.Finish());
    }
    out.Json(key, JsonArray(items));
}

}  // namespace

std::string PayloadJson(const CaseEventPayload& payload) {
    JsonObjectWriter out;
    ForEachPayloadField(
        payload, [&out](std::string_view key, const auto& member) { Write(out, key, member); });
    return out.Finish();
}

}  // namespace minqing::domain
