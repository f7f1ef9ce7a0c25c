#!/usr/bin/env bash
# History benchmark: ospo's history probes against `git log` on a long history.
#
# Builds (once, cached in bench/repos/history) a repository of BENCH_HISTORY_COMMITS
# commits (100,000 by default) with git fast-import: 300 authors from 40 organisations,
# realistic messages, about a third signed off, a merge every 500 commits and a release tag
# every 1,000. Then times, in alternation (bench/interleave.py), `ospo check` with a
# checklist whose history probes read the whole history (dco over every commit,
# new-contributors) against
#   git log --format='%H%x00%an%x00%ae%x00%cn%x00%ce%x00%B' HEAD
# and measures peak memory; then does the same on a copy of the repository with a
# commit-graph written (`git commit-graph write --reachable`, as `git gc` does), where
# both git and ospo walk from the graph. Writes bench/history-results.md.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
OSPO=$ROOT/target/release/ospo
COMMITS=${BENCH_HISTORY_COMMITS:-100000}
ROUNDS=${BENCH_HISTORY_ROUNDS:-8}
REPO=${BENCH_HISTORY_DIR:-$SCRIPT_DIR/repos/history}-$COMMITS
RESULTS=$SCRIPT_DIR/history-results.md

log() { printf '[history] %s\n' "$*" >&2; }
command -v git >/dev/null || { log "git is required"; exit 1; }
command -v python3 >/dev/null || { log "python3 is required"; exit 1; }
if ! command -v /usr/bin/time >/dev/null; then
    apt-get install -y -qq time >/dev/null 2>&1 || { log "/usr/bin/time is required"; exit 1; }
fi

log "building ospo (release)"
(cd "$ROOT" && cargo build --release --quiet)

if [[ ! -d $REPO/.git ]]; then
    log "generating $COMMITS commits with git fast-import"
    rm -rf "$REPO"
    git init -q -b main "$REPO"
    python3 - "$COMMITS" <<'EOF' | (cd "$REPO" && GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 git fast-import --quiet)
import random, sys
random.seed(7)
count = int(sys.argv[1])
authors = [(f"Developer {i}", f"dev{i}@org{i % 40}.example") for i in range(300)]
verbs = ["Fix", "Add", "Remove", "Refactor", "Document", "Speed up", "Test", "Update"]
parts = ["parser", "cache", "network layer", "CLI", "docs", "build", "storage", "API"]
out = sys.stdout
time = 1_500_000_000
mark = 0

def commit(ref, parent, merge=None):
    global time, mark
    mark += 1
    name, email = random.choice(authors)
    time += random.randint(60, 3000)
    subject = f"{random.choice(verbs)} the {random.choice(parts)} ({mark})"
    body = " ".join(random.choice(parts) for _ in range(random.randint(5, 40)))
    message = f"{subject}\n\n{body}\n"
    if random.random() < 0.33:
        message += f"\nSigned-off-by: {name} <{email}>\n"
    data = message.encode()
    out.write(f"commit {ref}\nmark :{mark}\n")
    out.write(f"author {name} <{email}> {time} +0000\ncommitter {name} <{email}> {time} +0000\n")
    out.write(f"data {len(data)}\n{message}")
    if parent:
        out.write(f"from :{parent}\n")
    if merge:
        out.write(f"merge :{merge}\n")
    content = f"{mark}\n"
    out.write(f"M 644 inline src/file{mark % 200}.txt\ndata {len(content)}\n{content}\n")
    return mark

head = commit("refs/heads/main", None)
while mark < count:
    if mark % 500 == 498:
        side = commit("refs/heads/side", head - 3)
        head = commit("refs/heads/main", head, merge=side)
    else:
        head = commit("refs/heads/main", head)
    if mark % 1000 == 0:
        out.write(f"reset refs/tags/v{mark // 1000}.0.0\nfrom :{head}\n\n")
out.write("done\n")
EOF
    (cd "$REPO" && git reset -q --hard main && git repack -adq)
fi
GRAPH_REPO=$REPO-graph
if [[ ! -f $GRAPH_REPO/.git/objects/info/commit-graph ]]; then
    log "copying the repository and writing its commit-graph"
    rm -rf "$GRAPH_REPO"
    cp -a "$REPO" "$GRAPH_REPO"
    git -C "$GRAPH_REPO" commit-graph write --reachable
fi
rm -f "$REPO/.git/objects/info/commit-graph"
n=$(git -C "$REPO" rev-list --count HEAD)
log "history of $n commits in $REPO (and with a commit-graph in $GRAPH_REPO)"

CHECKLIST=$SCRIPT_DIR/repos/history-checklist.yaml
cat >"$CHECKLIST" <<'EOF'
id: history-bench
title: {en: History probes over the whole history, fr: Sondes d'historique sur tout l'historique}
version: "1"
items:
  - id: legal.dco-all
    stage: legal
    level: optional
    weight: 1
    title: {en: Every commit signed off, fr: Tous les commits signés}
    why: {en: Benchmark., fr: Mesure.}
    fix: {en: None., fr: Aucune.}
    probe: {kind: dco, last: 100000000}
  - id: community.newcomers
    stage: community
    level: optional
    weight: 1
    title: {en: New contributors, fr: Nouveaux contributeurs}
    why: {en: Benchmark., fr: Mesure.}
    fix: {en: None., fr: Aucune.}
    probe: {kind: activity, metric: new-contributors, min: 1}
EOF

GIT_LOG=(log '--format=%H%x00%an%x00%ae%x00%cn%x00%ce%x00%B' HEAD)
OSPO_CHECK=(check --checklist "$CHECKLIST" --format json)

log "timing in alternation, without a commit-graph ($ROUNDS rounds)"
TIMES=$(python3 "$SCRIPT_DIR/interleave.py" "$ROUNDS" 1 \
    -- git -C "$REPO" "${GIT_LOG[@]}" \
    -- "$OSPO" "${OSPO_CHECK[@]}" "$REPO")
git_ms=$(sed -n 1p <<<"$TIMES" | cut -f1)
ospo_ms=$(sed -n 2p <<<"$TIMES" | cut -f1)
ratio=$(sed -n 2p <<<"$TIMES" | cut -f2)

log "timing in alternation, with a commit-graph ($ROUNDS rounds)"
TIMES=$(python3 "$SCRIPT_DIR/interleave.py" "$ROUNDS" 1 \
    -- git -C "$GRAPH_REPO" "${GIT_LOG[@]}" \
    -- "$OSPO" "${OSPO_CHECK[@]}" "$GRAPH_REPO" \
    -- "$OSPO" "${OSPO_CHECK[@]}" "$REPO")
graph_git_ms=$(sed -n 1p <<<"$TIMES" | cut -f1)
graph_ospo_ms=$(sed -n 2p <<<"$TIMES" | cut -f1)
graph_ratio=$(sed -n 2p <<<"$TIMES" | cut -f2)
plain_ratio=$(sed -n 3p <<<"$TIMES" | cut -f2)
speedup=$(python3 -c "print(f'{$graph_ratio / $plain_ratio:.2f}')")

log "measuring peak memory"
peak() { /usr/bin/time -f '%M' -o /tmp/ospo-history-time "$@" >/dev/null 2>&1 || true; tail -n 1 /tmp/ospo-history-time; }
git_kib=$(peak git -C "$REPO" "${GIT_LOG[@]}")
ospo_kib=$(peak "$OSPO" "${OSPO_CHECK[@]}" "$REPO")
graph_git_kib=$(peak git -C "$GRAPH_REPO" "${GIT_LOG[@]}")
graph_ospo_kib=$(peak "$OSPO" "${OSPO_CHECK[@]}" "$GRAPH_REPO")
checked=$("$OSPO" "${OSPO_CHECK[@]}" "$REPO" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["items"][0]["evidence"]["checked"])' || echo "?")
same=$(cmp -s <("$OSPO" "${OSPO_CHECK[@]}" "$REPO" | grep -v '"path"') \
    <("$OSPO" "${OSPO_CHECK[@]}" "$GRAPH_REPO" | grep -v '"path"') && echo "the same" || echo "DIFFERENT")

{
    echo "# History benchmark"
    echo
    echo "Generated by \`bench/history.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $n commits (a merge every 500, a third signed off, 300 authors), $(nproc) CPUs, $(git --version), $("$OSPO" --version)."
    echo "ospo's checklist reads the whole history: \`dco\` over every commit ($checked non-merge commits checked) and \`new-contributors\`."
    echo "Each ratio is the median of $ROUNDS per-round ratios, ospo and git alternated; the reports with and without a commit-graph are $same."
    echo
    echo "| repository | command | median (ms) | ratio to git log on the same repository | peak memory (MiB) |"
    echo "| --- | --- | ---: | ---: | ---: |"
    echo "| no commit-graph | \`git log --format='%H%x00%an%x00%ae%x00%cn%x00%ce%x00%B' HEAD\` | $git_ms | 1.00× | $((git_kib / 1024)) |"
    echo "| no commit-graph | \`ospo check\` (history probes) | $ospo_ms | ${ratio}× | $((ospo_kib / 1024)) |"
    echo "| commit-graph | \`git log …\` (same format) | $graph_git_ms | 1.00× | $((graph_git_kib / 1024)) |"
    echo "| commit-graph | \`ospo check\` (history probes) | $graph_ospo_ms | ${graph_ratio}× | $((graph_ospo_kib / 1024)) |"
    echo
    echo "With a commit-graph, ospo takes ${speedup}× the time it takes without one (same rounds)."
} >"$RESULTS"
cat "$RESULTS"
