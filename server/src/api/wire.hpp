// The wire contract of a request body, declared once as a table of fields (name, where the
// decoded value goes, required, choices, description), the way app/config.cpp declares the
// settings. The same table decodes the JSON (every problem collected, unknown fields
// refused), prints the docs table of docs/api.md and the TypeScript type of the web
// (web/src/api/generated/). A table points into one value; for its shape alone, build it
// over a scratch value. Not thread-safe (one table per request).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/error.hpp"

namespace minqing::api::wire {

struct Field;

/// One of a fixed set of names (an enumeration); `set` stores the value a name stands for.
struct Choice {
    std::vector<std::string_view> names;
    std::function<bool(std::string_view)> set;
};

/// A nested object with fields of its own, reported as "<name>.<key>".
struct Object {
    std::vector<Field> fields;
};

/// A whole number stored clamped into [min, max] (an out-of-range value means "at most").
struct Clamped {
    std::optional<int>* target;
    int min;
    int max;
};

/// A calendar date or instant in ISO 8601 ("2027-03-01").
struct Date {
    std::optional<Instant>* target;
};

/// One of a fixed set of names, kept as text (absent: empty): the body's check or the service
/// judges it, so that its problem is reported where it always has been.
struct Named {
    std::optional<std::string>* target;
    std::vector<std::string_view> names;
};

/// A value the other kinds cannot say (a GeoJSON object, an array of objects, a map):
/// `decode` reads it (nullptr when absent) and reports its own problems under `name`.
struct Custom {
    /// Its TypeScript type and its name in the docs.
    std::string_view type_script;
    std::string_view doc_type;
    std::function<void(const nlohmann::json* value, const std::string& name,
                       std::vector<FieldError>& problems)>
        decode;
};

/// Where a decoded value goes; the kind of pointer is the field's wire type.
using Target = std::variant<std::string*, std::optional<std::string>*, int*, bool*,
                            std::optional<std::int64_t>*, std::optional<bool>*,
                            std::optional<double>*, std::vector<std::int64_t>*,
                            std::vector<std::string>*, std::optional<std::vector<std::string>>*,
                            Clamped, Date, Choice, Named, Object, Custom>;

struct Field {
    std::string_view name;
    Target target;
    /// English, for docs/api.md and the generated types.
    std::string_view description;
    /// Absent or null is a "required" problem. Most fields are optional on the wire: the
    /// service owns "required" for them, so that each missing one is reported once.
    bool required = false;
};

using Fields = std::vector<Field>;

/// `field`, required on the wire.
inline Field Required(Field field) {
    field.required = true;
    return field;
}

/// The wire names of an enumeration: `name(value)` for every value from 0 up to the first
/// without a name.
template <typename Enum>
std::vector<std::string_view> EnumNames(std::string_view (*name)(Enum)) {
    std::vector<std::string_view> names;
    for (int i = 0; !name(static_cast<Enum>(i)).empty(); ++i) {
        names.push_back(name(static_cast<Enum>(i)));
    }
    return names;
}

/// A field that takes one of an enumeration's names, parsed by `parse`; `on_set` runs once
/// a valid one is stored.
template <typename Enum>
Field EnumField(std::string_view key, Enum* target, std::optional<Enum> (*parse)(std::string_view),
                std::string_view (*name)(Enum), std::string_view description,
                std::function<void()> on_set = {}) {
    auto set = [target, parse, on_set = std::move(on_set)](std::string_view text) {
        const auto value = parse(text);
        if (value) {
            *target = *value;
            if (on_set) {
                on_set();
            }
        }
        return value.has_value();
    };
    return {key, Choice{EnumNames(name), std::move(set)}, description};
}

/// As above, for an optional enumeration (left empty unless a valid name came).
template <typename Enum>
Field EnumField(std::string_view key, std::optional<Enum>* target,
                std::optional<Enum> (*parse)(std::string_view), std::string_view (*name)(Enum),
                std::string_view description) {
    auto set = [target, parse](std::string_view text) {
        *target = parse(text);
        return target->has_value();
    };
    return {key, Choice{EnumNames(name), std::move(set)}, description};
}

/// Decodes `object` into the targets of `fields` and appends every problem to `problems`:
/// "required", "type" (a wrong JSON type), "invalid" (a name outside the choices, a bad
/// date), and "unknown_field" for every key the table lacks, in that order.
void Decode(const nlohmann::json& object, const Fields& fields, std::vector<FieldError>& problems,
            const std::string& prefix = "");

/// The names of `fields`, in table order.
std::vector<std::string_view> NamesOf(const Fields& fields);

/// The TypeScript interface `name` of a body with `fields` (every field optional unless
/// required on the wire), with each description as a doc comment.
std::string TypeScriptOf(std::string_view name, const Fields& fields);

/// The docs table of a body: | Field | Type | Required | Description |, one row per field
/// (nested ones as "location.address").
std::string MarkdownOf(const Fields& fields);

/// The form of a body for the web: [{name, type, required, choices?, fields?}].
nlohmann::json FormOf(const Fields& fields);

}  // namespace minqing::api::wire
