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
            errors_.push_back({std::string(key), "required", "This field is required."});
        }
        return nullptr;
    }
    return value;
}

std::optional<std::string> JsonFields::String(std::string_view key, bool required) {
    const auto* value = Lookup(key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        errors_.push_back({std::string(key), "type", "Expected a string."});
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::optional<std::int64_t> JsonFields::Integer(std::string_view key, bool required) {
    const auto* value = Lookup(key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_number_integer()) {
        errors_.push_back({std::string(key), "type", "Expected an integer."});
        return std::nullopt;
    }
    return value->get<std::int64_t>();
}

std::optional<bool> JsonFields::Boolean(std::string_view key, bool required) {
    const auto* value = Lookup(key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_boolean()) {
        errors_.push_back({std::string(key), "type", "Expected true or false."});
        return std::nullopt;
    }
    return value->get<bool>();
}

void JsonFields::RejectUnknown(std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : object_.items()) {
        if (std::ranges::find(known, std::string_view(key)) == known.end()) {
            errors_.push_back({key, "unknown_field", "This field is not recognised."});
        }
    }
}

void JsonFields::Add(std::vector<FieldError> errors) {
    for (auto& error : errors) {
        errors_.push_back(std::move(error));
    }
}

}  // namespace minqing::api
