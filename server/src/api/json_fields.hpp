// Decodes a JSON request object field by field, collecting every problem instead of stopping
// at the first, so a 422 lists them all. One instance per request; not thread-safe.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.hpp"

namespace minqing::api {

class JsonFields {
  public:
    explicit JsonFields(const nlohmann::json& object) : object_(object) {}
    /// Fields of a nested object, reported as "<prefix>.<key>".
    JsonFields(const nlohmann::json& object, std::string prefix)
        : object_(object), prefix_(std::move(prefix) + ".") {}

    /// The string at `key`; a missing required key or a non-string value is a field error.
    std::optional<std::string> String(std::string_view key, bool required = false);
    std::optional<std::int64_t> Integer(std::string_view key, bool required = false);
    std::optional<bool> Boolean(std::string_view key, bool required = false);
    std::optional<double> Number(std::string_view key, bool required = false);
    /// A nested object at `key`: nullptr (with a "type" error unless absent/null) otherwise.
    const nlohmann::json* Object(std::string_view key);
    /// An array of positive integer ids at `key` (empty when absent).
    std::vector<std::int64_t> Ids(std::string_view key);
    /// An array of strings at `key` (nullopt when absent or null).
    std::optional<std::vector<std::string>> Strings(std::string_view key, bool required = false);
    /// Takes the problems a nested reader found.
    void Absorb(JsonFields& nested);
    /// True when the key is present (even as null).
    bool Has(std::string_view key) const;
    /// True when the key is present and null.
    bool IsNull(std::string_view key) const;
    const nlohmann::json* Raw(std::string_view key) const;

    /// Every key not in `known` is reported as "unknown_field" (a misspelt field must not
    /// be silently ignored).
    void RejectUnknown(std::initializer_list<std::string_view> known);
    void RejectUnknown(std::span<const std::string_view> known);
    void Add(FieldError error) { errors_.push_back(std::move(error)); }
    void Add(std::vector<FieldError> errors);

    bool ok() const { return errors_.empty(); }
    /// The 422 error listing every problem found so far.
    Error error() const { return Validation(errors_); }

  private:
    const nlohmann::json* Lookup(std::string_view key, bool required);
    /// The value at `key` when `accepts` it; a "type" problem saying `expected` else.
    template <typename Accepts>
    const nlohmann::json* Checked(std::string_view key, bool required, Accepts accepts,
                                  std::string_view expected);
    /// The value at `key` as a T when `accepts` it; a "type" problem saying `expected` else.
    template <typename T, typename Accepts>
    std::optional<T> Typed(std::string_view key, bool required, Accepts accepts,
                           std::string_view expected);

    std::string Name(std::string_view key) const { return prefix_ + std::string(key); }

    const nlohmann::json& object_;
    std::string prefix_;
    std::vector<FieldError> errors_;
};

}  // namespace minqing::api
