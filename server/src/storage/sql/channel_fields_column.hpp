// Case::channel_fields as one TEXT column: a JSON object of the case's channel's fields, by
// their names in domain/channel_field_table.hpp (the same object the case JSON shows).
#pragma once

#include "domain/case.hpp"
#include "storage/sql/column_table.hpp"

namespace minqing::storage {

/// The column; its reader expects the channel column to have been read before it.
Column<domain::Case> ChannelFieldsColumn(std::string_view name);

}  // namespace minqing::storage
