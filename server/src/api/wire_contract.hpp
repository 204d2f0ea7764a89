// Every request body of the API with its wire table, printed as the TypeScript types of the
// web (web/src/api/generated/wire.ts, `minqing wire-types`) and the tables of docs/api.md
// (between its "wire:begin" and "wire:end" marks, `minqing wire-docs`). The checked-in copies
// are compared with these in the tests (scripts/wire-contract). Thread-safe.
#pragma once

#include <string>

namespace minqing::api {

/// The TypeScript module of every body type.
std::string WireTypeScript();

/// The Markdown tables of every body.
std::string WireMarkdown();

}  // namespace minqing::api
