#!/usr/bin/env bash
# DCO gate benchmark: `ospo dco` on a long change against `git log --format=%B` on the same
# range, the least any tool must do to read the messages it judges.
#
# Builds (once, cached in bench/repos/) with git fast-import, pinned identities and dates:
#   - dco-unsigned-N: BENCH_DCO_COMMITS + 1 commits (200,001 by default), none signed off,
#     a tag `base` on the first, so that `base..HEAD` is a change of BENCH_DCO_COMMITS
#     commits that all fail (the worst case of the gate: every commit is reported);
#   - dco-remediation: 1,000 commits carrying 100 remediation lines each, and a
#     .github/dco.yml that allows individual and third-party remediation commits.
# Then times, in alternation (bench/interleave.py, BENCH_DCO_ROUNDS rounds, 5 by default),
#   git log --format=%B base..HEAD      against      ospo dco base..HEAD
# and `ospo dco` on the remediation repository, and measures peak memory. Writes
# bench/dco-results.md and prints one PASS or FAIL line for the target: ospo at most 3×
# git log (the median of the per-round ratios), the remediation change in seconds.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
OSPO=$ROOT/target/release/ospo
COMMITS=${BENCH_DCO_COMMITS:-200000}
ROUNDS=${BENCH_DCO_ROUNDS:-5}
REPOS=${BENCH_DIR:-$SCRIPT_DIR/repos}
UNSIGNED=$REPOS/dco-unsigned-$COMMITS
REMEDIATION=$REPOS/dco-remediation
RESULTS=$SCRIPT_DIR/dco-results.md
MAX_RATIO=3
MAX_REMEDIATION_MS=5000

log() { printf '[dco] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source "$SCRIPT_DIR/lib.sh"
require git
require python3
require /usr/bin/time time

log "building ospo (release)"
(cd "$ROOT" && cargo build --release --quiet)

if ! git --git-dir="$UNSIGNED/.git" rev-parse -q --verify base >/dev/null 2>&1; then
    log "generating $((COMMITS + 1)) unsigned commits with git fast-import"
    rm -rf "$UNSIGNED"
    git init -q -b main "$UNSIGNED"
    python3 - "$COMMITS" <<'EOF' | git -C "$UNSIGNED" fast-import --quiet
import sys
count = int(sys.argv[1])
out = sys.stdout
for i in range(count + 1):
    message = f"Change {i}\n\nA line of explanation, as commits have.\n"
    time = 1_500_000_000 + 60 * i
    out.write(f"commit refs/heads/main\nmark :{i + 1}\n")
    out.write(f"author Dev <dev@example.org> {time} +0000\ncommitter Dev <dev@example.org> {time} +0000\n")
    out.write(f"data {len(message)}\n{message}\n")
    if i == 0:
        out.write("reset refs/tags/base\nfrom :1\n\n")
out.write("done\n")
EOF
    git -C "$UNSIGNED" reset -q --hard main
    git -C "$UNSIGNED" repack -adq
fi

if [[ ! -f $REMEDIATION/.github/dco.yml ]]; then
    log "generating 1,000 commits with 100 remediation lines each"
    rm -rf "$REMEDIATION"
    git init -q -b main "$REMEDIATION"
    python3 <<'EOF' | git -C "$REMEDIATION" fast-import --quiet
import sys
out = sys.stdout
config = "allowRemediationCommits:\n  individual: true\n  thirdParty: true\n"
out.write(f"blob\nmark :1\ndata {len(config)}\n{config}\n")
for i in range(1001):
    lines = "".join(
        f"I, Dev <dev@example.org>, hereby add my Signed-off-by to this commit: {i:07x}{j:033x}\n"
        f"On behalf of A <a@b>, I, Dev <dev@example.org>, hereby add my Signed-off-by to this commit: {j:040x}\n"
        for j in range(50))
    message = f"Change {i}\n\n{lines}"
    time = 1_500_000_000 + 60 * i
    out.write(f"commit refs/heads/main\nauthor Dev <dev@example.org> {time} +0000\ncommitter Dev <dev@example.org> {time} +0000\n")
    out.write(f"data {len(message)}\n{message}")
    if i == 0:
        out.write("M 100644 :1 .github/dco.yml\n")
    out.write("\n")
out.write("done\n")
EOF
    git -C "$REMEDIATION" reset -q --hard main
fi

n=$(git -C "$UNSIGNED" rev-list --count base..HEAD)
checked=$(cd "$UNSIGNED" && "$OSPO" dco base..HEAD --format json |
    python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["checked"], len(r["offending"]))' || true)
[[ $checked == "$n $n" ]] || die "ospo dco base..HEAD checked and reported '$checked' commits, git lists $n"
log "a change of $n unsigned commits in $UNSIGNED"

log "timing in alternation ($ROUNDS rounds)"
TIMES=$(cd "$UNSIGNED" && python3 "$SCRIPT_DIR/interleave.py" "$ROUNDS" 1 \
    -- git log --format=%B base..HEAD \
    -- "$OSPO" dco base..HEAD \
    -- "$OSPO" dco base..HEAD --format json)
git_ms=$(sed -n 1p <<<"$TIMES" | cut -f1)
ospo_ms=$(sed -n 2p <<<"$TIMES" | cut -f1)
ratio=$(sed -n 2p <<<"$TIMES" | cut -f2)
json_ms=$(sed -n 3p <<<"$TIMES" | cut -f1)
json_ratio=$(sed -n 3p <<<"$TIMES" | cut -f2)
remediation_ms=$(cd "$REMEDIATION" && python3 "$SCRIPT_DIR/interleave.py" 3 1 \
    -- "$OSPO" dco HEAD~1000..HEAD | cut -f1)

log "measuring peak memory"
peak() { (cd "$1" && shift && /usr/bin/time -f '%M' -o /tmp/ospo-dco-time "$@" >/dev/null 2>&1) || true; tail -n 1 /tmp/ospo-dco-time; }
git_kib=$(peak "$UNSIGNED" git log --format=%B base..HEAD)
ospo_kib=$(peak "$UNSIGNED" "$OSPO" dco base..HEAD)
remediation_kib=$(peak "$REMEDIATION" "$OSPO" dco HEAD~1000..HEAD)

verdict() { awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l) ? "PASS" : "FAIL" }'; }
{
    echo "# DCO gate benchmark"
    echo
    echo "Generated by \`bench/dco.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) CPUs, $(git --version), $("$OSPO" --version)."
    echo "A change of $n commits, none signed off (\`base..HEAD\`, a packed repository, no commit-graph): \`ospo dco\` reports every one."
    echo "Each ratio is the median of $ROUNDS per-round ratios, ospo and git alternated."
    echo
    echo "| command | median (ms) | ratio to git log | peak memory (MiB) |"
    echo "| --- | ---: | ---: | ---: |"
    echo "| \`git log --format=%B base..HEAD\` | $git_ms | 1.00× | $((git_kib / 1024)) |"
    echo "| \`ospo dco base..HEAD\` | $ospo_ms | ${ratio}× | $((ospo_kib / 1024)) |"
    echo "| \`ospo dco base..HEAD --format json\` | $json_ms | ${json_ratio}× | |"
    echo "| \`ospo dco HEAD~1000..HEAD\`, 100 remediation lines a commit | $remediation_ms | | $((remediation_kib / 1024)) |"
    echo
    echo "- $(verdict "$ratio" "$MAX_RATIO") ospo dco at most ${MAX_RATIO}× git log on the same range: ${ratio}×"
    echo "- $(verdict "$remediation_ms" "$MAX_REMEDIATION_MS") 1,000 commits of remediation lines in at most $MAX_REMEDIATION_MS ms: $remediation_ms ms"
} >"$RESULTS"
cat "$RESULTS"
