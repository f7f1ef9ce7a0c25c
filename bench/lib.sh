# Shared by the benchmark scripts: installing the tools they need. Callers define `log`
# and `die` first.

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
