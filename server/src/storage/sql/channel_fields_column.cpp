#include "storage/sql/channel_fields_column.hpp"

#include <type_traits>

#include <nlohmann/json.hpp>

#include "domain/channel_field_table.hpp"

namespace minqing::storage {
namespace {

using domain::Case;

SqlValue Encode(const Case& c) {
    nlohmann::json json = nlohmann::json::object();
    domain::ForEachChannelField(c.channel, c.channel_fields,
                                [&](std::string_view name, const auto& value) {
                                    if constexpr (requires { value.value_or(0); }) {
                                        json[name] = value.value_or(0);  // 0: none named
                                    } else {
                                        json[name] = value;
                                    }
                                });
    return json.dump();
}

// A field missing or of another type (a row written by hand) reads as empty.
void Decode(Case& c, const SqlRow& row, std::size_t i) {
    c.channel_fields = {};
    const auto json = nlohmann::json::parse(row.Text(i), nullptr, false);
    if (!json.is_object()) {
        return;
    }
    domain::ForEachChannelField(
        c.channel, c.channel_fields, [&](std::string_view name, auto& value) {
            using T = std::remove_cvref_t<decltype(value)>;
            const auto found = json.find(name);
            if (found == json.end()) {
                return;
            }
            if constexpr (std::is_same_v<T, std::optional<domain::OrgUnitId>>) {
                if (found->is_number_integer() && found->get<domain::OrgUnitId>() != 0) {
                    value = found->get<domain::OrgUnitId>();
                }
            } else if constexpr (std::is_same_v<T, bool>) {
                value = found->is_boolean() && found->get<bool>();
            } else if constexpr (std::is_same_v<T, int>) {
                value = found->is_number_integer() ? found->get<int>() : 0;
            } else {
                value = found->is_string() ? found->get<std::string>() : std::string();
            }
        });
}

}  // namespace

Column<Case> ChannelFieldsColumn(std::string_view name) {
    return Column<Case>{name, SqlType::kText, kWritten, &Encode, &Decode};
}

}  // namespace minqing::storage
