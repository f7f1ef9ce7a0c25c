#!/usr/bin/env bash
# Audit benchmark: `ospo audit` on an organisation of 66 repositories against a shell loop
# running `git ls-files` in each, and `ospo audit` on every core against `--jobs 1`.
#
# Builds (once, cached in bench/repos/audit-org) a root of 60 small worktrees (a few dozen
# files and a handful of commits each, varied so that their scores differ), 5 bare mirrors
# (`git clone --bare` of five of them), 1 worktree whose `.git/objects/*` are deleted and
# 1 plain directory (no repository: the audit does not find it, the loop visits it). Then
# times in alternation (bench/interleave.py):
#   (a) the baseline: for each directory of the root, `git -C DIR ls-files` (worktrees),
#       `git -C DIR ls-tree -r --name-only HEAD` (bare mirrors), errors ignored;
#   (b) `ospo audit ROOT --format jsonl --output /dev/null` (one job per core);
#   (c) the same with `--jobs 1`.
# Targets: b/a ≤ 0.5 and c/b ≥ 1.6 (the second only means something on 2 cores or more).
#
# Usage: bash bench/audit.sh     Knobs: BENCH_AUDIT_ROUNDS (30), BENCH_WARMUP (3),
#        BENCH_AUDIT_DIR (bench/repos/audit-org), BENCH_AUDIT_RESULTS_MD (bench/audit-results.md)
# Writes: bench/audit-results.md; bench/results/audit-hyperfine.json when hyperfine is there.
set -euo pipefail

BENCH_START=$SECONDS
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
ORG=${BENCH_AUDIT_DIR:-$SCRIPT_DIR/repos/audit-org}
ROUNDS=${BENCH_AUDIT_ROUNDS:-30}
WARMUP=${BENCH_WARMUP:-3}
RESULTS_DIR=$SCRIPT_DIR/results
RESULTS_MD=${BENCH_AUDIT_RESULTS_MD:-$SCRIPT_DIR/audit-results.md}
OSPO=$ROOT/target/release/ospo
MAX_BASELINE_RATIO=0.5 # (b)/(a) at most
MIN_JOBS_SPEEDUP=1.6   # (c)/(b) at least

# The plain directory must not be taken for part of a repository above the root (this one).
export GIT_CEILING_DIRECTORIES=$ORG

log() { printf '[audit-bench %4ds] %s\n' "$((SECONDS - BENCH_START))" "$*" >&2; }
die() { printf '[audit-bench] error: %s\n' "$*" >&2; exit 1; }

# ─── Tools (as bench/run.sh installs them) ────────────────────────────────────────────────

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # also: reproducible git (no config, pinned identity)

log "checking tools"
command -v cargo >/dev/null || die "cargo is required (install Rust with rustup)"
require git
require python3
require jq
# hyperfine is optional here: the figures come from the alternated rounds.
HYPERFINE=0
if command -v hyperfine >/dev/null || apt_install hyperfine; then
    hyperfine -N --help >/dev/null 2>&1 && HYPERFINE=1
fi
[[ $HYPERFINE == 1 ]] || log "hyperfine (1.13 or later) not available: alternated rounds only"

# ─── 1. Build ospo ────────────────────────────────────────────────────────────────────────

log "building ospo (cargo build --release)"
build_start=$SECONDS
(cd "$ROOT" && cargo build --release --bin ospo >&2) ||
    die "cargo build --release failed (is someone mid-edit in src/? retry in a minute)"
[[ -x $OSPO ]] || die "$OSPO was not built"
log "built $("$OSPO" --version) in $((SECONDS - build_start))s"

# ─── 2. The organisation ──────────────────────────────────────────────────────────────────

GEN_VERSION=1
STAMP="generator=$GEN_VERSION worktrees=60 bare=5 broken=1 plain=1"

# One fast-import stream for worktree number N (0-based) on standard output: a few dozen
# files and 3 to 8 commits, everything (files present, licence, sign-offs, dates) varying
# with N so that the scores spread.
gen_stream() {
    python3 - "$1" "$ROOT/LICENSE" <<'PY'
import sys

n = int(sys.argv[1])
apache = open(sys.argv[2], encoding="utf-8").read()
MIT = """MIT License

Copyright (c) 2020 The Example{n} Authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""
authors = [("Alice Martin", "alice@example.org"), ("Bilal Haddad", "bilal@example.org"),
           ("Chloé Dubois", "chloe@example.org"), ("Dmitri Ivanov", "dmitri@example.org"),
           ("Emma Schmidt", "emma@example.org")]
name = f"project-{n:02d}"
langs = ["rs", "py", "go", "ts"]
ext = langs[n % 4]

def source(i, rev):
    header = f"// SPDX-License-Identifier: {'MIT' if n % 3 == 1 else 'Apache-2.0'}\n" if n % 2 == 0 else ""
    body = "\n".join(f"// {name}: step {j} of module {i}, revision {rev}" for j in range(8 + (i * 7 + n) % 30))
    return f"{header}{body}\nfn module_{i}() {{}}\n"

files = {}
readme = [f"# {name}", "", f"{name} reads configuration files and reports what it finds."]
if n % 3 != 2:
    readme += ["", "## Installation", "", "```sh", f"cargo install {name}", "```"]
if n % 4 != 3:
    readme += ["", "## Usage", "", "```sh", f"{name} scan path/to/file", "```"]
if n % 5 != 4:
    readme += ["", "## Contributing", "", "See CONTRIBUTING.md. Newcomers: look for issues labelled good first issue."]
if n % 6 == 0:
    readme += ["", "## Sponsors", "", f"Funded by our sponsors on https://opencollective.com/{name}."]
readme += ["", "## License", "", "See LICENSE." if n % 7 else "To be decided."]
files["README.md"] = "\n".join(readme) + "\n"
if n % 7:
    files["LICENSE"] = apache if n % 3 != 1 else MIT.replace("{n}", str(n))
if n % 5 != 4:
    files["CONTRIBUTING.md"] = f"# Contributing to {name}\n\nOpen an issue first, then a pull request. Sign off your commits (`git commit -s`).\n"
if n % 4 == 0:
    files["CODE_OF_CONDUCT.md"] = "# Code of conduct\n\nBe kind. Report unacceptable behaviour to conduct@example.org.\n"
if n % 3 == 0:
    files["SECURITY.md"] = "# Security policy\n\nReport vulnerabilities privately to security@example.org.\n"
if n % 8 == 0:
    files["GOVERNANCE.md"] = "# Governance\n\nDecisions are taken by lazy consensus among the maintainers.\n"
    files["MAINTAINERS.md"] = "# Maintainers\n\n- Alice Martin <alice@example.org>\n"
if n % 6 == 0:
    files[".github/FUNDING.yml"] = f"open_collective: {name}\n"
if n % 2 == 0:
    files[".github/workflows/ci.yml"] = "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
files[".gitignore"] = "/target\n"
files["Cargo.toml" if ext == "rs" else "pyproject.toml" if ext == "py" else "go.mod" if ext == "go" else "package.json"] = \
    f'[package]\nname = "{name}"\nversion = "0.{n}.0"\nlicense = "Apache-2.0"\n' if ext == "rs" else \
    f'[project]\nname = "{name}"\nversion = "0.{n}.0"\n' if ext == "py" else \
    f"module example.org/{name}\n\ngo 1.22\n" if ext == "go" else f'{{"name": "{name}", "version": "0.{n}.0"}}\n'
sources = 18 + (n * 5) % 22
for i in range(sources):
    files[f"src/{['core', 'io', 'cli', 'util'][i % 4]}/module_{i}.{ext}"] = source(i, 0)
for i in range(3 + n % 5):
    files[f"docs/page-{i}.md"] = f"# Page {i}\n\nHow {name} handles case {i}.\n"
for i in range(2 + n % 4):
    files[f"tests/test_{i}.{ext}"] = source(100 + i, 0)

out = sys.stdout.buffer
def emit(path, text):
    data = text.encode()
    out.write(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")

commits = 3 + n % 6
paths = sorted(files)
start = 1577836800 + n * 86400  # 2020-01-01, one day apart per project
for c in range(commits):
    who, email = authors[(n + c) % len(authors)]
    ts = start + c * 7 * 86400
    message = f"Change {c + 1} of {name}\n"
    if (n + c) % 3:
        message += f"\nSigned-off-by: {who} <{email}>\n"
    data = message.encode()
    out.write(f"commit refs/heads/main\nmark :{c + 1}\n".encode())
    out.write(f"author {who} <{email}> {ts} +0000\ncommitter {who} <{email}> {ts} +0000\n".encode())
    out.write(f"data {len(data)}\n".encode() + data)
    if c == 0:
        for path in paths:
            emit(path, files[path])
    else:
        # Each later commit edits a few sources and, every other one, the changelog.
        for i in range(c, sources, max(1, commits)):
            emit(f"src/{['core', 'io', 'cli', 'util'][i % 4]}/module_{i}.{ext}", source(i, c))
        if c % 2 == 0:
            emit("CHANGELOG.md", "# Changelog\n\n" + "".join(f"## [0.{r}.0]\n\n- Release {r}.\n\n" for r in range(c, 0, -1)))
    out.write(b"\n")
out.write(b"done\n")
PY
}

build_org() {
    local tmp=$ORG.building.$$ n name
    rm -rf "$tmp" && mkdir -p "$tmp"
    log "generating 60 worktrees with git fast-import in $ORG"
    local t0=$SECONDS
    for ((n = 0; n < 60; n++)); do
        printf -v name 'project-%02d' "$n"
        git init -q -b main "$tmp/$name"
        gen_stream "$n" | git -C "$tmp/$name" fast-import --quiet --done
        git -C "$tmp/$name" reset -q --hard main
    done
    log "5 bare mirrors, 1 repository with its objects deleted, 1 plain directory"
    for n in 3 17 31 45 59; do
        printf -v name 'project-%02d' "$n"
        git clone -q --bare --no-local "$tmp/$name" "$tmp/mirror-$name.git"
    done
    git init -q -b main "$tmp/broken"
    gen_stream 60 | git -C "$tmp/broken" fast-import --quiet --done
    git -C "$tmp/broken" reset -q --hard main
    rm -rf "$tmp/broken/.git/objects/"*
    mkdir -p "$tmp/plain-directory/notes"
    printf '# Notes\n\nNot under version control.\n' >"$tmp/plain-directory/README.md"
    printf 'draft\n' >"$tmp/plain-directory/notes/todo.txt"
    printf '%s\n' "$STAMP" >"$tmp/.stamp"
    rm -rf "$ORG"
    mv "$tmp" "$ORG"
    log "organisation ready in $((SECONDS - t0))s"
}

mkdir -p "$(dirname "$ORG")"
if [[ -f $ORG/.stamp && $(<"$ORG/.stamp") == "$STAMP" ]]; then
    log "reusing the organisation in $ORG ($STAMP)"
else
    build_org
fi

# ─── 3. Sanity: 66 rows, one error, scores that differ ────────────────────────────────────

mkdir -p "$RESULTS_DIR"
rc=0
"$OSPO" audit "$ORG" --format json --output "$RESULTS_DIR/audit.json" 2>"$RESULTS_DIR/audit.stderr" || rc=$?
((rc <= 1)) || die "ospo audit exited $rc: $(head -c 500 "$RESULTS_DIR/audit.stderr")"
ROWS=$(jq '.repositories | length' "$RESULTS_DIR/audit.json")
ERRORS=$(jq '.summary.errors' "$RESULTS_DIR/audit.json")
PASSED=$(jq '.summary.passed' "$RESULTS_DIR/audit.json")
SCORES=$(jq '[.repositories[] | .report.score // empty] | unique | length' "$RESULTS_DIR/audit.json")
SPREAD=$(jq -r '.summary.overall | "mean \(.mean) %, from \(.min) to \(.max) %"' "$RESULTS_DIR/audit.json")
[[ $ROWS -eq 66 ]] || die "ospo audit found $ROWS repositories in $ORG, not 66"
[[ $ERRORS -eq 1 ]] || die "ospo audit gave $ERRORS error rows, not 1 (the repository with no objects)"
DIRS=$(find "$ORG" -mindepth 1 -maxdepth 1 -type d | wc -l)
log "ospo audit: $ROWS rows ($PASSED pass, $ERRORS error), $SCORES distinct scores, $SPREAD"

# ─── 4. Timing ────────────────────────────────────────────────────────────────────────────

# The baseline, one git process a directory; the bare mirrors have no worktree to list, so
# they list their HEAD tree; the repository with no objects still lists its index; the
# plain directory fails, ignored.
cat >"$RESULTS_DIR/audit-baseline.sh" <<'SH'
for d in "$1"/*/; do
    if [ -d "$d/.git" ]; then git -C "$d" ls-files; else git -C "$d" ls-tree -r --name-only HEAD; fi >/dev/null 2>&1 || true
done
SH
BASELINE_CMD=(bash "$RESULTS_DIR/audit-baseline.sh" "$ORG")
AUDIT_CMD=("$OSPO" audit "$ORG" --format jsonl --output /dev/null)
AUDIT1_CMD=("${AUDIT_CMD[@]}" --jobs 1)

if [[ $HYPERFINE == 1 ]]; then
    q() { printf '%q ' "$@"; }
    log "timing with hyperfine ($WARMUP warmup + $ROUNDS runs each)"
    hyperfine -N -i --style basic --warmup "$WARMUP" --runs "$ROUNDS" \
        --export-json "$RESULTS_DIR/audit-hyperfine.json" \
        -n baseline "$(q "${BASELINE_CMD[@]}")" \
        -n audit "$(q "${AUDIT_CMD[@]}")" \
        -n audit-jobs-1 "$(q "${AUDIT1_CMD[@]}")" >&2
fi

log "timing in alternation ($ROUNDS rounds, bench/interleave.py)"
TIMES=$(python3 "$SCRIPT_DIR/interleave.py" "$ROUNDS" "$WARMUP" \
    -- "${BASELINE_CMD[@]}" -- "${AUDIT_CMD[@]}" -- "${AUDIT1_CMD[@]}")
field() { sed -n "${1}p" <<<"$TIMES" | cut -f"$2"; }
BASELINE_MS=$(field 1 1)
AUDIT_MS=$(field 2 1)
AUDIT1_MS=$(field 3 1)
RATIO=$(field 2 2)       # median of the per-round (b)/(a)
JOBS1_RATIO=$(field 3 2) # median of the per-round (c)/(a)
# (c)/(b) from the same rounds: the ratio of the two medians.
SPEEDUP=$(awk -v c="$AUDIT1_MS" -v b="$AUDIT_MS" 'BEGIN { printf "%.2f", c / b }')

verdict() { # verdict VALUE OP LIMIT: PASS or FAIL
    awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "le") ? v <= l : v >= l; print ok ? "PASS" : "FAIL" }'
}
RATIO_VERDICT=$(verdict "$RATIO" le "$MAX_BASELINE_RATIO")
SPEEDUP_VERDICT=$(verdict "$SPEEDUP" ge "$MIN_JOBS_SPEEDUP")
CPUS=$(nproc)
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo "unknown CPU")

{
    echo "# Audit benchmark results"
    echo
    echo "Generated by \`bench/audit.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo
    echo "- Machine: $CPUS CPUs, $CPU_MODEL, Linux $(uname -r); load average before the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- $(git --version), $("$OSPO" --version) (commit $(git -C "$ROOT" rev-parse --short HEAD))"
    echo "- Organisation: $DIRS directories in \`$(basename "$ORG")\`: 60 worktrees, 5 bare mirrors, 1 repository with its objects deleted, 1 plain directory; ospo finds $ROWS repositories ($PASSED pass, $ERRORS error row), $SCORES distinct overall scores ($SPREAD)"
    echo "- Timing: $ROUNDS rounds in alternation after $WARMUP warmup rounds (\`bench/interleave.py\`): median times; (b)/(a) is the median of the per-round ratios, (c)/(b) the ratio of the medians"
    echo
    echo "| Command | Median (ms) |"
    echo "| --- | ---: |"
    echo "| (a) baseline: \`git -C DIR ls-files\` in each directory (\`ls-tree -r --name-only HEAD\` in bare ones) | $BASELINE_MS |"
    echo "| (b) \`ospo audit ROOT --format jsonl --output /dev/null\` | $AUDIT_MS |"
    echo "| (c) the same with \`--jobs 1\` | $AUDIT1_MS |"
    echo
    echo "| Target | Measured | Result |"
    echo "| --- | ---: | --- |"
    echo "| (b)/(a) ≤ $MAX_BASELINE_RATIO | ${RATIO}× | $RATIO_VERDICT |"
    echo "| (c)/(b) ≥ $MIN_JOBS_SPEEDUP on $CPUS cores | ${SPEEDUP}× | $SPEEDUP_VERDICT |"
    echo
    echo "(c)/(a), for reference: ${JOBS1_RATIO}×."
} >"$RESULTS_MD"

log "done in $((SECONDS - BENCH_START))s; wrote $RESULTS_MD"
cat "$RESULTS_MD"
echo "$RATIO_VERDICT: ospo audit takes ${RATIO}× the baseline loop (at most $MAX_BASELINE_RATIO)"
echo "$SPEEDUP_VERDICT: ospo audit on $CPUS cores is ${SPEEDUP}× faster than with --jobs 1 (at least $MIN_JOBS_SPEEDUP)"
