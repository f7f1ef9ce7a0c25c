# Shared by the benchmark scripts: installing the tools they need. Callers define `log`
# and `die` first.

# Reproducible git in every benchmark: no user or system config, pinned identity and dates.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
export GIT_AUTHOR_NAME="Bench Bot" GIT_AUTHOR_EMAIL="bench@example.org"
export GIT_COMMITTER_NAME="Bench Bot" GIT_COMMITTER_EMAIL="bench@example.org"
export GIT_AUTHOR_DATE="1577836800 +0000" GIT_COMMITTER_DATE="1577836800 +0000"

APT_UPDATED=0
apt_install() { # apt_install PACKAGE...: installs Debian packages, `apt-get update` on demand
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || return 1
        sudo=(sudo -n)
    fi
    command -v apt-get >/dev/null || return 1
    log "installing $* with apt-get"
    if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >&2; then
        [[ $APT_UPDATED -eq 1 ]] && return 1
        log "apt-get update"
        "${sudo[@]}" apt-get update -qq >&2 || return 1
        APT_UPDATED=1
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >&2 || return 1
    fi
}

require() { # require COMMAND [PACKAGE]: a tool the benchmark cannot do without
    local cmd=$1 pkg=${2:-$1}
    if [[ $cmd == /* ]]; then [[ -x $cmd ]] && return 0; else command -v "$cmd" >/dev/null && return 0; fi
    apt_install "$pkg" || true
    if [[ $cmd == /* ]]; then [[ -x $cmd ]]; else command -v "$cmd" >/dev/null; fi ||
        die "'$cmd' is required and could not be installed (Debian package '$pkg')"
}
