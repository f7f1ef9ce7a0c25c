#!/usr/bin/env bash
# ospo benchmark: times `ospo check --format json` on a synthetic repository of 5,000 files
# and 2,000 commits (worktree and bare clone) against the floor of any such tool,
# `git ls-files | grep -iE '<community file names>'`, and measures ospo's peak memory.
# With BENCH_PEERS=1 it also times repolinter, `reuse lint` and dco-check on the same repository.
#
# Usage: bash bench/run.sh            (see bench/README.md for the knobs)
# Writes: bench/results.md (the table), bench/results/*.json (hyperfine's raw numbers).
set -euo pipefail

BENCH_START=$SECONDS
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)

BENCH_DIR=${BENCH_DIR:-$SCRIPT_DIR/repos}
BENCH_FILES=${BENCH_FILES:-5000}
BENCH_COMMITS=${BENCH_COMMITS:-2000}
BENCH_RUNS=${BENCH_RUNS:-30}
BENCH_WARMUP=${BENCH_WARMUP:-3}
BENCH_PEERS=${BENCH_PEERS:-0}
BENCH_PEER_RUNS=${BENCH_PEER_RUNS:-5}
BENCH_PEER_WARMUP=${BENCH_PEER_WARMUP:-1}
BENCH_RSS_RUNS=${BENCH_RSS_RUNS:-5}
BENCH_MAX_RATIO=${BENCH_MAX_RATIO:-3}     # flag ospo when slower than this many floors
BENCH_MAX_RSS_MB=${BENCH_MAX_RSS_MB:-50}  # flag ospo when its peak RSS exceeds this (MiB)
RESULTS_DIR=$SCRIPT_DIR/results
RESULTS_MD=${BENCH_RESULTS_MD:-$SCRIPT_DIR/results.md}
PEERS_DIR=$SCRIPT_DIR/.peers
OSPO=$ROOT/target/release/ospo

# Community-file names the floor greps for.
FLOOR_RE='(license|licence|copying|readme|contributing|code_of_conduct|governance|security|support|changelog|funding|maintainers|codeowners)'


log() { printf '[bench %4ds] %s\n' "$((SECONDS - BENCH_START))" "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

# ─── Tools ────────────────────────────────────────────────────────────────────────────────

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # also: reproducible git (no config, pinned identity)

log "checking tools"
command -v cargo >/dev/null || die "cargo is required (install Rust with rustup)"
require git
require awk gawk
require jq
require hyperfine
require /usr/bin/time time
hyperfine -N --help >/dev/null 2>&1 || die "hyperfine $(hyperfine --version) lacks -N (needs 1.13 or later)"

# ─── 1. Build ospo ────────────────────────────────────────────────────────────────────────

log "building ospo (cargo build --release)"
build_start=$SECONDS
(cd "$ROOT" && cargo build --release --bin ospo >&2) ||
    die "cargo build --release failed (is someone mid-edit in src/? retry in a minute)"
[[ -x $OSPO ]] || die "$OSPO was not built"
log "built $("$OSPO" --version) in $((SECONDS - build_start))s"

# ─── 2. The synthetic repository ──────────────────────────────────────────────────────────

GEN_VERSION=1
STAMP="generator=$GEN_VERSION files=$BENCH_FILES commits=$BENCH_COMMITS"
WT=$BENCH_DIR/synthetic
BARE=$BENCH_DIR/synthetic.git

# Pools of lines the generated files are cut from: cheap to slice, varied enough.
RS_POOL=() MD_POOL=()
build_pools() {
    local n verbs=(parse load merge score render check walk read index resolve)
    local nouns=(entry probe item stage report tree blob path config mailmap)
    for ((n = 0; n < 240; n++)); do
        local v=${verbs[n % 10]} o=${nouns[(n * 7) % 10]}
        case $((n % 8)) in
            0) RS_POOL+=("pub fn ${v}_${o}_$n(input: &str) -> Result<usize, Error> {") ;;
            1) RS_POOL+=("    let ${o}s = input.lines().filter(|line| !line.is_empty()).count();") ;;
            2) RS_POOL+=("    if ${o}s > $((n * 3)) { return Err(Error::TooMany(${o}s)); }") ;;
            3) RS_POOL+=("    // ${v^} every $o once, then keep the ones that matter ($n).") ;;
            4) RS_POOL+=("    let total = ${o}s.saturating_mul($((n % 13 + 2))).wrapping_add($n);") ;;
            5) RS_POOL+=("    Ok(total)") ;;
            6) RS_POOL+=("}") ;;
            7) RS_POOL+=("") ;;
        esac
        case $((n % 6)) in
            0) MD_POOL+=("## ${v^} the $o") ;;
            1) MD_POOL+=("") ;;
            2) MD_POOL+=("To $v a $o, call \`${v}_${o}\` with the path of the repository; it returns the number of ${o}s it saw.") ;;
            3) MD_POOL+=("The ${o}s are read in order, so two runs on the same commit give the same answer ($n).") ;;
            4) MD_POOL+=("- \`--$o\`: which $o to $v first (default: all of them)") ;;
            5) MD_POOL+=("") ;;
        esac
    done
}

AUTHORS=("Alice Martin <alice@example.org>" "Bilal Haddad <bilal@example.org>"
    "Chloé Dubois <chloe@example.org>" "Dmitri Ivanov <dmitri@example.org>"
    "Emma Schmidt <emma@example.org>")
MODS=(api cli config core diff index io lint model net parse probe render report repo scan score store sync text tree util walk yaml)
SUBS=(backend engine format handler internal model)
DOC_DIRS=(guide reference tutorials howto explanation adr)

# The i-th generated path (0-based): src/ with nested dirs, then docs/, tests/, examples/, benches/.
gen_path() {
    local i=$1 g=$2 docs tests examples benches
    docs=$((g / 20)) tests=$((g / 10)) examples=$((g / 50)) benches=$((g / 100))
    local srcs=$((g - docs - tests - examples - benches))
    if ((i < srcs)); then
        local nm=${#MODS[@]}
        local m=${MODS[i % nm]} s=${SUBS[(i / (nm * 4)) % ${#SUBS[@]}]}
        case $(((i / nm) % 4)) in
            0) REPLY=src/$m/mod_$i.rs ;;
            1 | 2) REPLY=src/$m/$s/${s}_$i.rs ;;
            3) REPLY=src/$m/$s/nested/deep_$i.rs ;;
        esac
        return
    fi
    i=$((i - srcs))
    if ((i < docs)); then
        REPLY=docs/${DOC_DIRS[i % ${#DOC_DIRS[@]}]}/page-$i.md
        return
    fi
    i=$((i - docs))
    if ((i < tests)); then REPLY=tests/${MODS[i % ${#MODS[@]}]}/case_$i.rs; return; fi
    i=$((i - tests))
    if ((i < examples)); then REPLY=examples/example_$i.rs; return; fi
    i=$((i - examples))
    REPLY=benches/bench_$i.rs
}

# File content for PATH at revision REV into REPLY; sizes vary with the path's number.
gen_content() {
    local path=$1 rev=$2 k=${1//[!0-9]/}
    k=$((10#${k:-0}))
    local off=$(((k * 13 + rev) % 160)) count=$((12 + (k * 7) % 64)) body
    if [[ $path == *.md ]]; then
        printf -v body '%s\n' "${MD_POOL[@]:off:count}"
        REPLY="# ${path##*/} (revision $rev)"$'\n\n'"$body"
    else
        printf -v body '%s\n' "${RS_POOL[@]:off:count}"
        local header=""
        # Four source files in five carry an SPDX header (what `reuse lint` looks for).
        ((k % 5 == 0)) || header=$'// SPDX-License-Identifier: Apache-2.0\n// SPDX-FileCopyrightText: 2020 The Synthetic Authors\n\n'
        REPLY="$header//! \`$path\`, revision $rev."$'\n\n'"use crate::error::Error;"$'\n\n'"$body"
    fi
}

emit_inline() { # emit_inline PATH CONTENT: one fast-import file modification
    printf 'M 100644 inline %s\ndata %d\n%s\n' "$1" "${#2}" "$2"
}

emit_disk() { # emit_disk PATH FILE: a file copied byte for byte
    printf 'M 100644 inline %s\ndata %d\n' "$1" "$(wc -c <"$2")"
    cat "$2"
    printf '\n'
}

changelog() { # CHANGELOG.md with one entry per release up to commit N
    local n=$1 r out=$'# Changelog\n\nAll notable changes to this project are documented here.\n'
    for ((r = n / 20; r >= 0; r--)); do
        out+=$'\n'"## [0.$r.0] - release $r"$'\n\n'"- Faster ${MODS[r % ${#MODS[@]}]} probes."$'\n'"- Fixed a crash in ${SUBS[r % ${#SUBS[@]}]} on empty input."$'\n'
    done
    REPLY=$out
}

# The top-level files a real project has, all added by the first commit.
emit_community_files() {
    emit_disk LICENSE "$ROOT/LICENSE"
    emit_inline README.md "# synthetic

A command-line tool that checks repositories, used as ospo's benchmark fixture.
Documentation: https://synthetic.example.org/docs

## Installation

\`\`\`sh
cargo install synthetic
\`\`\`

## Usage

\`\`\`sh
synthetic scan path/to/repository
\`\`\`

Questions go to our forum at https://discuss.example.org; report a bug in the issue
tracker at https://git.example.org/synthetic/issues.

Newcomers are welcome: look for issues labelled good first issue.

## Sponsors

Development is funded by our sponsors on https://opencollective.com/synthetic.

## License

Licensed under the Apache License, Version 2.0 (see LICENSE).
"
    emit_inline CONTRIBUTING.md "# Contributing

Thank you for helping! Newcomers: issues labelled good first issue are a good start.

## Development setup

Install Rust with rustup, then run \`cargo build\` and \`cargo test\`.

## Sign-off

Every commit must be signed off under the Developer Certificate of Origin (DCO):
use \`git commit -s\`, which adds a Signed-off-by line.

Report a bug in the issue tracker at https://git.example.org/synthetic/issues.
"
    emit_inline CODE_OF_CONDUCT.md "# Code of conduct

We pledge to make participation in our community a harassment-free experience for
everyone. Be kind, assume good faith, and focus on what is best for the community.

Report unacceptable behaviour privately to conduct@example.org; the moderation team
answers within a week.
"
    emit_inline SECURITY.md "# Security policy

Please report vulnerabilities privately to security@example.org, not in public issues.
We answer within three working days and publish a security advisory once fixed.
"
    emit_inline GOVERNANCE.md "# Governance

The project is run by its maintainers, listed in MAINTAINERS.md. Decisions are taken by
lazy consensus on the issue tracker; when consensus fails, the maintainers vote.
"
    emit_inline MAINTAINERS.md "# Maintainers

- Alice Martin <alice@example.org>
- Bilal Haddad <bilal@example.org>
"
    emit_inline SUPPORT.md "# Support

Ask questions on the forum at https://discuss.example.org or in the issue tracker.
"
    emit_inline NOTICE "synthetic
Copyright 2020 The Synthetic Authors
"
    emit_inline Cargo.toml '[package]
name = "synthetic"
version = "0.1.0"
edition = "2021"
license = "Apache-2.0"
'
    emit_inline .gitignore $'/target\n'
    emit_inline .github/workflows/ci.yml 'name: CI
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: cargo test --all
'
    emit_inline .github/ISSUE_TEMPLATE/bug_report.md $'---\nname: Bug report\nabout: Something does not work\n---\n\nWhat happened, and what did you expect?\n'
    emit_inline .github/PULL_REQUEST_TEMPLATE.md $'## What this changes\n\n- [ ] Tests added\n- [ ] Commits signed off\n'
    emit_inline .github/CODEOWNERS $'* @alice @bilal\n'
    emit_inline .github/FUNDING.yml $'open_collective: synthetic\n'
    emit_inline assets/logo.svg '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30"/></svg>'
    changelog 1
    emit_inline CHANGELOG.md "$REPLY"
}

# The whole history as one fast-import stream: commit c adds its share of the generated
# files, edits one file added before it, and every 20th commit updates CHANGELOG.md.
gen_stream() {
    local community g c
    community=$(emit_community_files | grep -c '^M 100644 inline ')
    g=$((BENCH_FILES - community))
    local c from to i who name email ts msg
    for ((c = 1; c <= BENCH_COMMITS; c++)); do
        who=${AUTHORS[c % ${#AUTHORS[@]}]} name=${who% <*} email=${who##*<}
        email=${email%>}
        ts=$((1577836800 + c * 3600)) # 2020-01-01, one commit an hour
        from=$(((c - 1) * g / BENCH_COMMITS)) to=$((c * g / BENCH_COMMITS))
        gen_path "$from" "$g"
        msg="${MODS[c % ${#MODS[@]}]}: change $c (${REPLY##*/})"$'\n\n'"Signed-off-by: $name <$email>"$'\n'
        printf 'commit refs/heads/main\nmark :%d\nauthor %s <%s> %d +0000\ncommitter %s <%s> %d +0000\ndata %d\n%s\n' \
            "$c" "$name" "$email" "$ts" "$name" "$email" "$ts" "${#msg}" "$msg"
        if ((c == 1)); then emit_community_files; fi
        for ((i = from; i < to; i++)); do
            gen_path "$i" "$g"
            local path=$REPLY
            gen_content "$path" 0
            emit_inline "$path" "$REPLY"
        done
        if ((from > 0)); then
            gen_path "$(((c * 7919) % from))" "$g"
            local path=$REPLY
            gen_content "$path" "$c"
            emit_inline "$path" "$REPLY"
        fi
        if ((c % 20 == 0)); then
            changelog "$c"
            emit_inline CHANGELOG.md "$REPLY"
        fi
        printf '\n'
    done
    # A branch at the first commit, so dco-check can be given the range first..HEAD.
    printf 'reset refs/heads/dco-base\nfrom :1\n\ndone\n'
}

build_repo() {
    local tmp=$BENCH_DIR/.building.$$
    rm -rf "$tmp" && mkdir -p "$tmp"
    log "generating $BENCH_FILES files and $BENCH_COMMITS commits with git fast-import in $BENCH_DIR"
    local t0=$SECONDS
    git init -q -b main "$tmp/synthetic"
    build_pools
    (export LC_ALL=C; gen_stream) | git -C "$tmp/synthetic" fast-import --quiet --done
    log "fast-import done in $((SECONDS - t0))s; repacking and checking out"
    git -C "$tmp/synthetic" repack -a -d -q
    git -C "$tmp/synthetic" reset -q --hard main
    git clone -q --bare --no-local "$tmp/synthetic" "$tmp/synthetic.git"
    local files commits
    files=$(git -C "$tmp/synthetic" ls-files | wc -l)
    commits=$(git -C "$tmp/synthetic" rev-list --count HEAD)
    [[ $files -eq $BENCH_FILES && $commits -eq $BENCH_COMMITS ]] ||
        die "the synthetic repository has $files files and $commits commits, not $BENCH_FILES and $BENCH_COMMITS"
    rm -rf "$WT" "$BARE"
    mv "$tmp/synthetic" "$WT"
    mv "$tmp/synthetic.git" "$BARE"
    printf '%s\n' "$STAMP" >"$BENCH_DIR/stamp"
    rmdir "$tmp"
    log "repository ready in $((SECONDS - t0))s"
}

mkdir -p "$BENCH_DIR"
if [[ -f $BENCH_DIR/stamp && $(<"$BENCH_DIR/stamp") == "$STAMP" ]] &&
    git -C "$WT" rev-parse -q --verify HEAD >/dev/null 2>&1 &&
    git -C "$BARE" rev-parse -q --verify HEAD >/dev/null 2>&1; then
    log "reusing the synthetic repository in $BENCH_DIR ($STAMP)"
else
    build_repo
fi
HEAD_SHA=$(git -C "$WT" rev-parse HEAD)
[[ $(git -C "$BARE" rev-parse HEAD) == "$HEAD_SHA" ]] || die "the bare clone's HEAD differs from the worktree's; delete $BENCH_DIR"
WT_SIZE=$(du -sh --exclude=.git "$WT" | cut -f1)
PACK_SIZE=$(du -sh "$BARE/objects" | cut -f1)

# ─── Sanity: ospo must report (exit 0 or 1), and give the same report on both views ──────

mkdir -p "$RESULTS_DIR"
sanity() { # sanity NAME PATH: runs ospo once and keeps its report
    local rc=0
    "$OSPO" check --format json "$2" >"$RESULTS_DIR/ospo-$1.json" 2>"$RESULTS_DIR/ospo-$1.stderr" || rc=$?
    ((rc <= 1)) || die "ospo check $2 exited $rc: $(head -c 500 "$RESULTS_DIR/ospo-$1.stderr")"
    jq -e .score "$RESULTS_DIR/ospo-$1.json" >/dev/null || die "ospo check $2 printed no JSON report"
}
sanity worktree "$WT"
sanity bare "$BARE"
VERDICT=$(jq -r '"\(.verdict), score \(.score) % (pass \(.counts.pass), fail \(.counts.fail), unknown \(.counts.unknown))"' "$RESULTS_DIR/ospo-worktree.json")
VERDICT_BARE=$(jq -r '"\(.verdict), score \(.score) %"' "$RESULTS_DIR/ospo-bare.json")
FLOOR_HITS=$(git -C "$WT" ls-files | grep -ciE "$FLOOR_RE" || true)
log "ospo on the worktree: $VERDICT; on the bare clone: $VERDICT_BARE; the floor finds $FLOOR_HITS files"

# ─── 3. Timing ────────────────────────────────────────────────────────────────────────────

FLOOR_CMD="sh -c 'git -C \"\$1\" ls-files | grep -iE \"$FLOOR_RE\"' sh '$WT'"
OSPO_WT_CMD="'$OSPO' check --format json '$WT'"
OSPO_BARE_CMD="'$OSPO' check --format json '$BARE'"
# No repository at all: process start, built-in checklist parsed and compiled, items printed.
OSPO_LIST_CMD="'$OSPO' list --checklist default"

log "timing the floor, ospo on the worktree, on the bare clone, and \`ospo list\` (hyperfine, $BENCH_WARMUP warmup + $BENCH_RUNS runs each)"
hyperfine -N -i --style basic --warmup "$BENCH_WARMUP" --runs "$BENCH_RUNS" \
    --export-json "$RESULTS_DIR/core.json" \
    -n floor "$FLOOR_CMD" \
    -n ospo-worktree "$OSPO_WT_CMD" \
    -n ospo-bare "$OSPO_BARE_CMD" \
    -n ospo-list "$OSPO_LIST_CMD" >&2

# The same commands in alternation, round after round: on a shared machine a slow spell
# then falls on both alike, and the median of the per-round ratios is the figure to trust.
BENCH_ROUNDS=${BENCH_ROUNDS:-60}
log "timing the floor and ospo in alternation ($BENCH_ROUNDS rounds, bench/interleave.py)"
INTERLEAVED=$(cd "$WT" && python3 "$ROOT/bench/interleave.py" "$BENCH_ROUNDS" "$BENCH_WARMUP" \
    -- sh -c "git ls-files | grep -iE '$FLOOR_RE'" \
    -- "$OSPO" check --format json \
    -- "$OSPO" check --format json "$BARE")

# What the legal probes add: the default checklist against the same without its three
# licence items (the synthetic repository ships the Apache-2.0 text), and without its two
# SPDX-header items (which read the first 4 KiB of every file).
NO_LICENCE=$RESULTS_DIR/no-licence-checklist.yaml
NO_HEADERS=$RESULTS_DIR/no-headers-checklist.yaml
mkdir -p "$RESULTS_DIR"
cat >"$NO_LICENCE" <<'YAML'
id: no-licence-probes
title: {en: The default checklist without its licence items, fr: La liste par défaut sans ses éléments de licence}
version: "1"
extends: default
items:
  - {id: legal.recognised-licence, disabled: true}
  - {id: legal.free-licence, disabled: true}
  - {id: legal.licence-agrees, disabled: true}
YAML
cat >"$NO_HEADERS" <<'YAML'
id: no-header-probes
title: {en: The default checklist without its SPDX-header items, fr: La liste par défaut sans ses éléments d'en-têtes SPDX}
version: "1"
extends: default
items:
  - {id: legal.reuse, disabled: true}
  - {id: legal.spdx-headers, disabled: true}
YAML
# What the metadata items add (FUNDING.yml validated, the changelog against the release
# tags, publiccode.yml, absent here, looked for), and what validating a publiccode.yml
# costs on its own against ospo's fixed cost.
NO_METADATA=$RESULTS_DIR/no-metadata-checklist.yaml
cat >"$NO_METADATA" <<'YAML'
id: no-metadata-probes
title: {en: The default checklist without its metadata items, fr: La liste par défaut sans ses éléments de métadonnées}
version: "1"
extends: default
items:
  - {id: communication.changelog-current, disabled: true}
  - {id: communication.publiccode-valid, disabled: true}
  - {id: funding.funding-file, disabled: true}
YAML
PUBLICCODE_FIXTURE=$ROOT/tests/fixtures/publiccode/valid.yml
# What a CI job's one run costs beyond the JSON report: all seven formats of one report,
# six of them written to files (outside the worktree, so the next round sees the same tree).
FORMATS_DIR=$RESULTS_DIR/formats
mkdir -p "$FORMATS_DIR"
log "timing the licence, header and metadata items in alternation ($BENCH_ROUNDS rounds)"
LICENCE_TIMES=$(cd "$WT" && python3 "$ROOT/bench/interleave.py" "$BENCH_ROUNDS" "$BENCH_WARMUP" \
    -- "$OSPO" check --format json --checklist "$NO_LICENCE" \
    -- "$OSPO" check --format json \
    -- "$OSPO" check --format json --checklist "$NO_HEADERS" \
    -- sh -c "git grep -l SPDX-License-Identifier >/dev/null || true" \
    -- "$OSPO" check --format json --checklist "$NO_METADATA" \
    -- "$OSPO" publiccode "$PUBLICCODE_FIXTURE" \
    -- "$OSPO" list --checklist default \
    -- "$OSPO" check --format terminal \
        --format json --output "$FORMATS_DIR/report.json" \
        --format sarif --output "$FORMATS_DIR/report.sarif" \
        --format junit --output "$FORMATS_DIR/junit.xml" \
        --format gitlab --output "$FORMATS_DIR/code-quality.json" \
        --format github --output "$FORMATS_DIR/github.txt" \
        --format markdown --output "$FORMATS_DIR/summary.md")
LICENCE_ADDED=$(awk -F'\t' 'NR == 1 { a = $1 } NR == 2 { printf "%.1f", $1 - a }' <<<"$LICENCE_TIMES")
HEADERS_ADDED=$(awk -F'\t' 'NR == 3 { a = $1 } NR == 2 { b = $1 } END { printf "%.1f", b - a }' <<<"$LICENCE_TIMES")
GIT_GREP_MS=$(awk -F'\t' 'NR == 4 { printf "%.1f", $1 }' <<<"$LICENCE_TIMES")
METADATA_ADDED=$(awk -F'\t' 'NR == 5 { a = $1 } NR == 2 { b = $1 } END { printf "%.1f", b - a }' <<<"$LICENCE_TIMES")
PUBLICCODE_MS=$(awk -F'\t' 'NR == 6 { printf "%.2f", $1 }' <<<"$LICENCE_TIMES")
FIXED_MS=$(awk -F'\t' 'NR == 7 { printf "%.2f", $1 }' <<<"$LICENCE_TIMES")
FORMATS_ADDED=$(awk -F'\t' 'NR == 2 { a = $1 } NR == 8 { b = $1 } END { printf "%.1f", b - a }' <<<"$LICENCE_TIMES")
BINARY_MIB=$(awk -v b="$(stat -c %s "$OSPO")" 'BEGIN { printf "%.1f", b / 1048576 }')

# ─── 4. Peak memory ───────────────────────────────────────────────────────────────────────

peak_rss_kib() { # peak_rss_kib RUNS COMMAND...: the largest max-RSS over RUNS runs
    local runs=$1 max=0 kib r
    shift
    for ((r = 0; r < runs; r++)); do
        /usr/bin/time -f '%M' -o "$RESULTS_DIR/time.out" "$@" >/dev/null 2>&1 || true
        kib=$(tail -n 1 "$RESULTS_DIR/time.out")
        [[ $kib =~ ^[0-9]+$ ]] || { echo "?"; return; }
        if ((kib > max)); then max=$kib; fi
    done
    rm -f "$RESULTS_DIR/time.out"
    echo "$max"
}

log "measuring peak memory (/usr/bin/time -f %M, largest of $BENCH_RSS_RUNS runs)"
declare -A RSS MEDIAN MEAN STDDEV JOB LABEL
RSS[floor]=$(peak_rss_kib "$BENCH_RSS_RUNS" sh -c 'git -C "$1" ls-files | grep -iE "$2"' sh "$WT" "$FLOOR_RE")
RSS[ospo-worktree]=$(peak_rss_kib "$BENCH_RSS_RUNS" "$OSPO" check --format json "$WT")
RSS[ospo-bare]=$(peak_rss_kib "$BENCH_RSS_RUNS" "$OSPO" check --format json "$BARE")
RSS[ospo-list]=$(peak_rss_kib "$BENCH_RSS_RUNS" "$OSPO" list --checklist default)

read_hyperfine() { # read_hyperfine FILE: medians, means and deviations in ms, by command name
    local name median mean stddev
    while IFS=$'\t' read -r name median mean stddev; do
        MEDIAN[$name]=$median MEAN[$name]=$mean STDDEV[$name]=$stddev
    done < <(jq -r '.results[] | [.command, .median * 1000, .mean * 1000, (.stddev // 0) * 1000] | @tsv' "$1")
}
read_hyperfine "$RESULTS_DIR/core.json"

ROWS=(floor ospo-worktree ospo-bare ospo-list)
LABEL[floor]='floor: `git ls-files \| grep -iE …` (worktree)'
LABEL[ospo-worktree]='`ospo check --format json` (worktree)'
LABEL[ospo-bare]='`ospo check --format json` (bare clone)'
JOB[floor]="list the tracked files whose names look like community files"
JOB[ospo-worktree]="scores the ${BENCH_FILES}-file worktree on the default checklist"
JOB[ospo-bare]="the same, reading the HEAD tree from the object store"
LABEL[ospo-list]='`ospo list --checklist default` (no repository)'
JOB[ospo-list]="ospo's fixed cost: start, load and compile the built-in checklist, print its items"

# ─── 5. Peers (BENCH_PEERS=1) ─────────────────────────────────────────────────────────────

PEER_NOTES=()
if [[ $BENCH_PEERS == 1 ]]; then
    mkdir -p "$PEERS_DIR"
    # CI detection in dco-check would pick a CI's own commit range: force its plain git mode.
    unset GITLAB_CI GITHUB_ACTIONS TF_BUILD APPVEYOR CIRCLECI SYSTEM_PULLREQUEST_SOURCEBRANCH || true
    peer_cmds=()

    repolinter=$PEERS_DIR/npm/node_modules/.bin/repolinter
    if [[ ! -x $repolinter ]] && command -v npm >/dev/null; then
        log "installing repolinter into $PEERS_DIR/npm (npm)"
        npm install --prefix "$PEERS_DIR/npm" --no-audit --no-fund --loglevel=error repolinter >&2 || true
    fi
    if [[ -x $repolinter ]] && "$repolinter" --version >/dev/null 2>&1; then
        "$repolinter" lint --dryRun "$WT" >"$RESULTS_DIR/repolinter.out" 2>&1 || true
        missing=$(grep -oE 'Axiom [a-z]+ failed to run with error: [A-Za-z]+ not installed' "$RESULTS_DIR/repolinter.out" |
            sed -E 's/Axiom ([a-z]+) .*: ([A-Za-z]+) not installed/\1 (\2)/' | paste -sd, - | sed 's/,/, /g' || true)
        [[ -z $missing ]] || PEER_NOTES+=("repolinter ran without its optional external axioms: $missing not installed; the rules that need them were skipped.")
        peer_cmds+=(-n repolinter "'$repolinter' lint --dryRun '$WT'")
        ROWS+=(repolinter)
        LABEL[repolinter]="repolinter $("$repolinter" --version) \`lint --dryRun\` (worktree)"
        JOB[repolinter]="its default ruleset: licence, README, CONTRIBUTING, CoC, … files, binaries, test dirs"
    else
        PEER_NOTES+=("repolinter skipped: \`npm install repolinter\` failed or npm is missing.")
    fi

    venv=$PEERS_DIR/venv
    if [[ ! -x $venv/bin/pip ]]; then
        log "creating a Python venv in $venv"
        { command -v python3 >/dev/null && python3 -m venv "$venv" >&2; } || true
    fi
    for pkg in reuse dco-check; do
        if [[ -x $venv/bin/pip && ! -x $venv/bin/$pkg ]]; then
            log "installing $pkg into $venv (pip)"
            "$venv/bin/pip" install -q --disable-pip-version-check "$pkg" >&2 || true
        fi
    done
    if [[ -x $venv/bin/reuse ]] && "$venv/bin/reuse" --version >/dev/null 2>&1; then
        peer_cmds+=(-n reuse "'$venv/bin/reuse' --root '$WT' lint")
        ROWS+=(reuse)
        LABEL[reuse]="reuse $("$venv/bin/reuse" --version | head -n 1 | grep -oE '[0-9]+(\.[0-9]+)+' || true) \`lint\` (worktree)"
        JOB[reuse]="a different job: reads every file for SPDX headers (REUSE spec)"
    else
        PEER_NOTES+=("reuse skipped: \`pip install reuse\` failed or python3 -m venv is missing.")
    fi
    if [[ -x $venv/bin/dco-check ]] && "$venv/bin/dco-check" --version >/dev/null 2>&1; then
        ndco=$(git -C "$WT" rev-list --count dco-base..HEAD)
        # dco-check works in the current directory: cd there through sh.
        peer_cmds+=(-n dco-check "sh -c 'cd \"\$1\" && exec \"\$2\" --default-branch dco-base --quiet' sh '$WT' '$venv/bin/dco-check'")
        ROWS+=(dco-check)
        LABEL[dco-check]="dco-check $("$venv/bin/dco-check" --version | grep -oE '[0-9]+(\.[0-9]+)+' || true) (worktree, dco-base..HEAD)"
        JOB[dco-check]="Signed-off-by on the $ndco commits after the first (its rule: the author's name and email)"
        # ospo's gate on the same range, under the same rule.
        peer_cmds+=(-n ospo-dco "'$OSPO' dco dco-base..HEAD --rule author --path '$WT'")
        ROWS+=(ospo-dco)
        LABEL[ospo-dco]="\`ospo dco dco-base..HEAD --rule author\` (worktree)"
        JOB[ospo-dco]="the same job as dco-check, the same rule"
        (cd "$WT" && "$venv/bin/dco-check" --default-branch dco-base >"$RESULTS_DIR/dco-check.out" 2>&1) ||
            PEER_NOTES+=("dco-check exited non-zero on the synthetic repository: see bench/results/dco-check.out.")
    else
        PEER_NOTES+=("dco-check skipped: \`pip install dco-check\` failed or python3 -m venv is missing.")
    fi

    if ((${#peer_cmds[@]} > 0)); then
        log "timing peers (hyperfine, $BENCH_PEER_WARMUP warmup + $BENCH_PEER_RUNS runs each)"
        hyperfine -N -i --style basic --warmup "$BENCH_PEER_WARMUP" --runs "$BENCH_PEER_RUNS" \
            --export-json "$RESULTS_DIR/peers.json" "${peer_cmds[@]}" >&2
        read_hyperfine "$RESULTS_DIR/peers.json"
        log "measuring peers' peak memory"
        for peer in repolinter reuse dco-check ospo-dco; do
            [[ -n ${LABEL[$peer]:-} ]] || continue
            case $peer in
                repolinter) RSS[$peer]=$(peak_rss_kib 1 "$repolinter" lint --dryRun "$WT") ;;
                reuse) RSS[$peer]=$(peak_rss_kib 1 "$venv/bin/reuse" --root "$WT" lint) ;;
                dco-check) RSS[$peer]=$(cd "$WT" && peak_rss_kib 1 "$venv/bin/dco-check" --default-branch dco-base --quiet) ;;
                ospo-dco) RSS[$peer]=$(peak_rss_kib 1 "$OSPO" dco dco-base..HEAD --rule author --path "$WT") ;;
            esac
        done
    fi
fi

# ─── Report ───────────────────────────────────────────────────────────────────────────────

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "–" }'; }
ms() { awk -v v="$1" 'BEGIN { fmt = v < 10 ? "%.2f" : (v < 1000 ? "%.1f" : "%.0f"); printf fmt, v }'; }
mib() { [[ $1 =~ ^[0-9]+$ ]] && awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }' || echo "?"; }

cpu=$(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo unknown)
ospo_rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(GIT_OPTIONAL_LOCKS=0 git -C "$ROOT" status --porcelain --untracked-files=no -- src Cargo.toml Cargo.lock checklists 2>/dev/null) ]]; then
    ospo_rev+=" + uncommitted changes"
fi

FLAGS=()
for r in ospo-worktree ospo-bare; do
    if awk -v a="${MEDIAN[$r]}" -v b="${MEDIAN[floor]}" -v m="$BENCH_MAX_RATIO" 'BEGIN { exit !(a > m * b) }'; then
        FLAGS+=("**$r is $(ratio "${MEDIAN[$r]}" "${MEDIAN[floor]}") the floor** ($(ms "${MEDIAN[$r]}") ms vs $(ms "${MEDIAN[floor]}") ms; threshold ${BENCH_MAX_RATIO}×).")
    fi
    if [[ ${RSS[$r]} =~ ^[0-9]+$ ]] && ((RSS[$r] > BENCH_MAX_RSS_MB * 1024)); then
        FLAGS+=("**$r peaks at $(mib "${RSS[$r]}") MiB** of RSS (threshold $BENCH_MAX_RSS_MB MiB).")
    fi
done

report() {
    echo "# ospo benchmark results"
    echo
    echo "Generated by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')$([[ $BENCH_PEERS == 1 ]] && echo ", with peers (BENCH_PEERS=1)")."
    echo
    echo "- Machine: $(nproc) CPUs, $cpu, $mem RAM, $(uname -sr)"
    echo "- $(git --version), $(hyperfine --version), $("$OSPO" --version) (commit $ospo_rev)"
    echo "- Repository: $BENCH_FILES files ($WT_SIZE), $BENCH_COMMITS commits, pack $PACK_SIZE, HEAD \`${HEAD_SHA:0:12}\`"
    echo "- ospo's verdict on it: $VERDICT (bare clone: $VERDICT_BARE); the floor lists $FLOOR_HITS files"
    echo "- Timing: hyperfine -N, $BENCH_WARMUP warmup + $BENCH_RUNS runs for the floor and ospo$([[ $BENCH_PEERS == 1 ]] && echo ", $BENCH_PEER_WARMUP + $BENCH_PEER_RUNS for peers"); peak RSS: \`/usr/bin/time -f %M\`, largest of $BENCH_RSS_RUNS runs$([[ $BENCH_PEERS == 1 ]] && echo " (1 run for peers)")"
    echo
    echo "| Command | What it does | Median (ms) | Mean ± σ (ms) | × floor | × ospo (worktree) | Peak RSS (MiB) |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
    local r
    for r in "${ROWS[@]}"; do
        [[ -n ${MEDIAN[$r]:-} ]] || continue
        echo "| ${LABEL[$r]} | ${JOB[$r]} | $(ms "${MEDIAN[$r]}") | $(ms "${MEAN[$r]}") ± $(ms "${STDDEV[$r]}") | $(ratio "${MEDIAN[$r]}" "${MEDIAN[floor]}") | $(ratio "${MEDIAN[$r]}" "${MEDIAN[ospo-worktree]}") | $(mib "${RSS[$r]:-}") |"
    done
    if ((${#FLAGS[@]} + ${#PEER_NOTES[@]} > 0)); then
        echo
        for r in "${FLAGS[@]}" "${PEER_NOTES[@]}"; do echo "- $r"; done
    fi
    echo
    echo "In alternation ($BENCH_ROUNDS rounds of floor, worktree, bare; median time and median of the per-round ratios to the floor):"
    echo
    echo "| Command | Median (ms) | Median ratio to the floor |"
    echo "| --- | ---: | ---: |"
    local label=(floor "ospo check (worktree)" "ospo check (bare clone)") i=0 line
    while IFS=$'\t' read -r median ratio _; do
        echo "| ${label[$i]} | $median | ${ratio}× |"
        i=$((i + 1))
    done <<<"$INTERLEAVED"
    echo
    echo "Licence identification (three licence items of the default checklist, on the Apache-2.0 text) adds $LICENCE_ADDED ms to a check's median in alternation ($BENCH_ROUNDS rounds); the two SPDX-header items, which read the first 4 KiB of a sample of 500 of the 5,000 files, add $HEADERS_ADDED ms (\`git grep -l SPDX-License-Identifier\` alone takes $GIT_GREP_MS ms). The three metadata items (FUNDING.yml, the changelog against the release tags, publiccode.yml) add $METADATA_ADDED ms; \`ospo publiccode\` validates the $(wc -l <"$PUBLICCODE_FIXTURE")-line test fixture in $PUBLICCODE_MS ms, where \`ospo list\` (start and load the checklist, no repository) takes $FIXED_MS ms. Writing all seven formats of one report in one run (terminal, JSON, SARIF, JUnit, Code Quality, workflow commands, Markdown) adds $FORMATS_ADDED ms to the JSON report alone. The release binary is $BINARY_MIB MiB."
    echo
    echo "Raw hyperfine exports: \`bench/results/*.json\`. How to read this: \`bench/README.md\`."
}

report >"$RESULTS_MD"
log "done in $((SECONDS - BENCH_START))s; wrote $RESULTS_MD"
cat "$RESULTS_MD"
