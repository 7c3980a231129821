#!/usr/bin/env bash
# Measures `chatgpt-identity plan` (compiled, dist/) on generated Entra stacks: CPU user+sys and
# max RSS from /usr/bin/time -v, and a hash of the JSON plan (to check that output is unchanged).
# Usage: scripts/bench/measurePlan.sh [N...]   (default 1000 5000). Run `npx tsc -p tsconfig.json` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "node $(node --version)"
for n in "${@:-1000 5000}"; do
    for size in $n; do
        node scripts/bench/generateEntraStack.js "$size" "$tmp/Pulumi.bench-$size.yaml"
        /usr/bin/time -v node dist/cli/main.js plan "$tmp/Pulumi.bench-$size.yaml" --format json --no-runbook \
            >"$tmp/plan-$size.json" 2>"$tmp/time-$size.txt" || true
        user=$(grep "User time" "$tmp/time-$size.txt" | awk '{print $NF}')
        sys=$(grep "System time" "$tmp/time-$size.txt" | awk '{print $NF}')
        rss=$(grep "Maximum resident" "$tmp/time-$size.txt" | awk '{print $NF}')
        wall=$(grep "Elapsed (wall" "$tmp/time-$size.txt" | awk '{print $NF}')
        cpu=$(echo "$user + $sys" | bc)
        hash=$(sed 's#"stackFile": "[^"]*"##' "$tmp/plan-$size.json" | sha256sum | cut -c1-16)
        echo "groups=$size cpu=${cpu}s (user ${user}s sys ${sys}s) wall=$wall maxRSS=$((rss / 1024))MB plan-sha=$hash ok=$(grep -m1 '"ok"' "$tmp/plan-$size.json" | tr -d ' ,')"
    done
done
