#!/usr/bin/env bash
# Checks the dependency arrows of STYLE.md on the #include lines of server/src: each layer
# may include only itself and the layers listed for it. Prints every violation; exits 1 if any.
set -euo pipefail
cd "$(dirname "$0")/../server/src"

declare -A allowed=(
    [common]="common"
    [text]="common text"
    [domain]="common text domain"
    [report]="common report"
    [service]="common text domain report service"
    [storage]="common text domain storage"
    [http]="common http"
    [api]="common text domain service http api"
    [jobs]="common text domain service http jobs"
    [app]="common text domain report service storage http api jobs app"
)
# Third-party headers a pure layer must not pull in (I/O, SQL, HTTP).
forbidden_in_domain='^#include <(sqlite3|libpq-fe|boost/(beast|asio)|spdlog|fstream|filesystem|thread|iostream|nlohmann/)'
# JSON is a transport (api/) and storage concern: services work on typed data.
forbidden_in_service='^#include <nlohmann/'

violations=0
for layer in "${!allowed[@]}"; do
    [[ -d "$layer" ]] || continue
    while IFS= read -r line; do
        file=${line%%:*}
        target=$(sed -E 's/^[^"]*"([^/"]+)\/.*/\1/' <<<"${line#*:}")
        if [[ " ${allowed[$layer]} " != *" $target "* ]]; then
            echo "layering: $file includes from $target/, which $layer/ may not use"
            violations=$((violations + 1))
        fi
    done < <(grep -rnE '^#include "[a-z_]+/' "$layer" | sed -E 's/^([^:]+):[0-9]+:/\1:/')
done
while IFS= read -r line; do
    echo "layering: domain/ must stay pure: $line"
    violations=$((violations + 1))
done < <(grep -rnE "$forbidden_in_domain" domain || true)
while IFS= read -r line; do
    echo "layering: service/ works on typed data, not JSON: $line"
    violations=$((violations + 1))
done < <(grep -rnE "$forbidden_in_service" service || true)
# Every project include names its layer ("layer/file.hpp"): a bare "file.hpp" would reach a
# header outside server/src (or past the arrows above) unseen.
while IFS= read -r line; do
    echo "layering: include without its layer folder: $line"
    violations=$((violations + 1))
done < <(grep -rnE '^#include "[^/"]+"' . || true)
if grep -rn '\.\./' --include='*.hpp' --include='*.cpp' . | grep '#include' >/dev/null; then
    echo "layering: includes must be rooted at server/src, never ../"
    violations=$((violations + 1))
fi

if ((violations > 0)); then
    echo "layering: $violations violation(s)"
    exit 1
fi
echo "layering: ok"
