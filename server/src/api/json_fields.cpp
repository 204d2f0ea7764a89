#include "api/json_fields.hpp"

#include <algorithm>

namespace minqing::api {

const nlohmann::json* JsonFields::Raw(std::string_view key) const {
    const auto found = object_.find(key);
    return found == object_.end() ? nullptr : &*found;
}

bool JsonFields::Has(std::string_view key) const {
    return Raw(key) != nullptr;
}

bool JsonFields::IsNull(std::string_view key) const {
    const auto* value = Raw(key);
    return value != nullptr && value->is_null();
}

const nlohmann::json* JsonFields::Lookup(std::string_view key, bool required) {
    const auto* value = Raw(key);
    if (value == nullptr || value->is_null()) {
        if (required) {
            errors_.push_back({Name(key), "required", "This field is required."});
        }
        return nullptr;
    }
    return value;
}

template <typename Accepts>
const nlohmann::json* JsonFields::Checked(std::string_view key, bool required, Accepts accepts,
                                          std::string_view expected) {
    const auto* value = Lookup(key, required);
    if (value != nullptr && !accepts(*value)) {
        errors_.push_back({Name(key), "type", std::string(expected)});
        return nullptr;
    }
    return value;
}

template <typename T, typename Accepts>
std::optional<T> JsonFields::Typed(std::string_view key, bool required, Accepts accepts,
                                   std::string_view expected) {
    const nlohmann::json* value = Checked(key, required, accepts, expected);
    return value == nullptr ? std::nullopt : std::optional<T>(value->get<T>());
}

std::optional<std::string> JsonFields::String(std::string_view key, bool required) {
    return Typed<std::string>(
        key, required, [](const nlohmann::json& value) { return value.is_string(); },
        "Expected a string.");
}

std::optional<std::int64_t> JsonFields::Integer(std::string_view key, bool required) {
    return Typed<std::int64_t>(
        key, required, [](const nlohmann::json& value) { return value.is_number_integer(); },
        "Expected an integer.");
}

std::optional<bool> JsonFields::Boolean(std::string_view key, bool required) {
    return Typed<bool>(
        key, required, [](const nlohmann::json& value) { return value.is_boolean(); },
        "Expected true or false.");
}

std::optional<double> JsonFields::Number(std::string_view key, bool required) {
    return Typed<double>(
        key, required, [](const nlohmann::json& value) { return value.is_number(); },
        "Expected a number.");
}

std::optional<std::vector<std::string>> JsonFields::Strings(std::string_view key, bool required) {
    return Typed<std::vector<std::string>>(
        key, required,
        [](const nlohmann::json& value) {
            return value.is_array() && std::ranges::all_of(value, [](const nlohmann::json& item) {
                       return item.is_string();
                   });
        },
        "Expected an array of strings.");
}

void JsonFields::RejectUnknown(std::initializer_list<std::string_view> known) {
    RejectUnknown(std::span<const std::string_view>(known.begin(), known.size()));
}

void JsonFields::RejectUnknown(std::span<const std::string_view> known) {
    for (const auto& [key, value] : object_.items()) {
        if (std::ranges::find(known, std::string_view(key)) == known.end()) {
            errors_.push_back({Name(key), "unknown_field", "This field is not recognised."});
        }
    }
}

const nlohmann::json* JsonFields::Object(std::string_view key) {
    return Checked(
        key, false, [](const nlohmann::json& value) { return value.is_object(); },
        "Expected an object.");
}

std::vector<std::int64_t> JsonFields::Ids(std::string_view key) {
    const auto is_id = [](const nlohmann::json& item) {
        return item.is_number_integer() && item.get<std::int64_t>() > 0;
    };
    return Typed<std::vector<std::int64_t>>(
               key, false,
               [&is_id](const nlohmann::json& value) {
                   return value.is_array() && std::ranges::all_of(value, is_id);
               },
               "Expected an array of ids.")
        .value_or(std::vector<std::int64_t>{});
}

void JsonFields::Absorb(JsonFields& nested) {
    Add(std::move(nested.errors_));
    nested.errors_.clear();
}

void JsonFields::Add(std::vector<FieldError> errors) {
    for (auto& error : errors) {
        errors_.push_back(std::move(error));
    }
}

}  // namespace minqing::api
