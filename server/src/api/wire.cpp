#include "api/wire.hpp"

#include <algorithm>

#include "api/json_fields.hpp"

namespace minqing::api::wire {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};

std::string Join(const std::string& prefix, std::string_view key) {
    return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

void DecodeFields(JsonFields& json, const Fields& fields, const std::string& prefix);

void DecodeField(JsonFields& json, const Field& field, const std::string& prefix) {
    const std::string_view key = field.name;
    const bool required = field.required;
    std::visit(
        Overloaded{
            [&](std::string* target) {
                if (auto value = json.String(key, required)) {
                    *target = std::move(*value);
                }
            },
            [&](std::optional<std::string>* target) { *target = json.String(key, required); },
            [&](int* target) {
                if (const auto value = json.Integer(key, required)) {
                    *target = static_cast<int>(*value);
                }
            },
            [&](bool* target) {
                if (const auto value = json.Boolean(key, required)) {
                    *target = *value;
                }
            },
            [&](std::optional<std::int64_t>* target) { *target = json.Integer(key, required); },
            [&](std::optional<bool>* target) { *target = json.Boolean(key, required); },
            [&](std::optional<double>* target) { *target = json.Number(key, required); },
            [&](std::vector<std::int64_t>* target) { *target = json.Ids(key); },
            [&](std::vector<std::string>* target) {
                if (auto value = json.Strings(key, required)) {
                    *target = std::move(*value);
                }
            },
            [&](std::optional<std::vector<std::string>>* target) {
                *target = json.Strings(key, required);
            },
            [&](const Clamped& clamped) {
                if (const auto value = json.Integer(key, required)) {
                    *clamped.target = static_cast<int>(
                        std::clamp<std::int64_t>(*value, clamped.min, clamped.max));
                }
            },
            [&](const Date& date) {
                if (const auto text = json.String(key, required)) {
                    *date.target = ParseIso8601(*text);
                    if (!*date.target) {
                        json.Add({Join(prefix, key), "invalid", "A date like 2027-03-01."});
                    }
                }
            },
            [&](const Choice& choice) {
                if (const auto text = json.String(key, required); text && !choice.set(*text)) {
                    json.Add({Join(prefix, key), "invalid", "Not one of the allowed values."});
                }
            },
            [&](const Named& named) { *named.target = json.String(key, required); },
            [&](const Custom& custom) {
                std::vector<FieldError> problems;
                custom.decode(json.Raw(key), Join(prefix, key), problems);
                json.Add(std::move(problems));
            },
            [&](const Object& object) {
                if (const auto* value = json.Object(key)) {
                    const std::string name = Join(prefix, key);
                    JsonFields nested(*value, name);
                    DecodeFields(nested, object.fields, name);
                    json.Absorb(nested);
                }
            },
        },
        field.target);
}

void DecodeFields(JsonFields& json, const Fields& fields, const std::string& prefix) {
    for (const Field& field : fields) {
        DecodeField(json, field, prefix);
    }
    json.RejectUnknown(NamesOf(fields));
}

// The names, each quoted as `open` … `close`, the first opened with `first`.
std::string Union(const std::vector<std::string_view>& names, std::string_view first,
                  std::string_view open, std::string_view close) {
    std::string joined;
    for (const auto name : names) {
        joined +=
            std::string(joined.empty() ? first : open) + std::string(name) + std::string(close);
    }
    return joined;
}

// The TypeScript type of a field's value.
std::string TypeOf(const Field& field, int indent) {
    return std::visit(
        Overloaded{
            [](std::string*) -> std::string { return "string"; },
            [](std::optional<std::string>*) -> std::string { return "string"; },
            [](int*) -> std::string { return "number"; },
            [](bool*) -> std::string { return "boolean"; },
            [](std::optional<std::int64_t>*) -> std::string { return "number"; },
            [](std::optional<bool>*) -> std::string { return "boolean"; },
            [](std::optional<double>*) -> std::string { return "number"; },
            [](std::vector<std::int64_t>*) -> std::string { return "number[]"; },
            [](std::vector<std::string>*) -> std::string { return "string[]"; },
            [](std::optional<std::vector<std::string>>*) -> std::string { return "string[]"; },
            [](const Clamped&) -> std::string { return "number"; },
            [](const Date&) -> std::string { return "string"; },
            [](const Choice& choice) { return Union(choice.names, "'", " | '", "'"); },
            [](const Named& named) { return Union(named.names, "'", " | '", "'"); },
            [](const Custom& custom) { return std::string(custom.type_script); },
            [indent](const Object& object) {
                std::string type = "{\n";
                const std::string pad(static_cast<std::size_t>(indent) + 2, ' ');
                for (const Field& nested : object.fields) {
                    type += pad + "/** " + std::string(nested.description) + " */\n";
                    type += pad + std::string(nested.name) + (nested.required ? ": " : "?: ") +
                            TypeOf(nested, indent + 2) + ";\n";
                }
                return type + std::string(static_cast<std::size_t>(indent), ' ') + "}";
            },
        },
        field.target);
}

// The docs' name of a field's type.
std::string DocTypeOf(const Field& field) {
    if (const auto* choice = std::get_if<Choice>(&field.target)) {
        return "one of " + Union(choice->names, "`", ", `", "`");
    }
    if (const auto* named = std::get_if<Named>(&field.target)) {
        return "one of " + Union(named->names, "`", ", `", "`");
    }
    if (const auto* custom = std::get_if<Custom>(&field.target)) {
        return std::string(custom->doc_type);
    }
    if (std::holds_alternative<std::vector<std::string>*>(field.target) ||
        std::holds_alternative<std::optional<std::vector<std::string>>*>(field.target)) {
        return "array of strings";
    }
    if (std::holds_alternative<Object>(field.target)) {
        return "object";
    }
    if (std::holds_alternative<Date>(field.target)) {
        return "date (ISO 8601)";
    }
    if (std::holds_alternative<std::vector<std::int64_t>*>(field.target)) {
        return "array of ids";
    }
    const std::string type = TypeOf(field, 0);
    return type == "number" && !std::holds_alternative<std::optional<double>*>(field.target)
               ? "integer"
               : type;
}

void MarkdownRows(const Fields& fields, const std::string& prefix, std::string& out) {
    for (const Field& field : fields) {
        const std::string name = Join(prefix, field.name);
        out += "| `" + name + "` | " + DocTypeOf(field) + " | " + (field.required ? "yes" : "no") +
               " | " + std::string(field.description) + " |\n";
        if (const auto* object = std::get_if<Object>(&field.target)) {
            MarkdownRows(object->fields, name, out);
        }
    }
}

}  // namespace

void Decode(const nlohmann::json& object, const Fields& fields, std::vector<FieldError>& problems,
            const std::string& prefix) {
    JsonFields json = prefix.empty() ? JsonFields(object) : JsonFields(object, prefix);
    DecodeFields(json, fields, prefix);
    if (!json.ok()) {
        for (auto& problem : json.error().fields) {
            problems.push_back(std::move(problem));
        }
    }
}

std::vector<std::string_view> NamesOf(const Fields& fields) {
    std::vector<std::string_view> names;
    names.reserve(fields.size());
    for (const Field& field : fields) {
        names.push_back(field.name);
    }
    return names;
}

std::string TypeScriptOf(std::string_view name, const Fields& fields) {
    std::string out = "export interface " + std::string(name) + " ";
    out += TypeOf({"", Object{fields}, ""}, 0);
    return out + "\n";
}

std::string MarkdownOf(const Fields& fields) {
    std::string out = "| Field | Type | Required | Description |\n|---|---|---|---|\n";
    MarkdownRows(fields, "", out);
    return out;
}

nlohmann::json FormOf(const Fields& fields) {
    nlohmann::json form = nlohmann::json::array();
    for (const Field& field : fields) {
        nlohmann::json row = {
            {"name", field.name},
            {"type", DocTypeOf(field).starts_with("one of") ? "choice" : DocTypeOf(field)},
            {"required", field.required}};
        if (const auto* choice = std::get_if<Choice>(&field.target)) {
            row["choices"] = choice->names;
        }
        if (const auto* object = std::get_if<Object>(&field.target)) {
            row["fields"] = FormOf(object->fields);
        }
        form.push_back(std::move(row));
    }
    return form;
}

}  // namespace minqing::api::wire
