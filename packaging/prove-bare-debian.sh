#!/usr/bin/env bash
# Proves that `make test` (or other targets) works on a bare Debian 12: builds a minimal
# bookworm root with debootstrap, adds only python3, make, git and ca-certificates, copies
# this working tree into it (the files git would commit, committed or not), and runs the
# targets there as root. Before that it runs `make test` as an unprivileged user, which must
# stop at once and print the exact apt-get line.
#
#   sudo packaging/prove-bare-debian.sh MIRROR [TARGET...]     (TARGET defaults to test)
#   e.g. packaging/prove-bare-debian.sh http://<your Debian mirror>/debian test lint \
#            'run ARGS=--smoke QT_QPA_PLATFORM=offscreen'
# Each TARGET is one make command line (words split on spaces).
#
# MIRROR is the Debian archive this machine's apt uses (see /etc/apt/sources.list*).
# DEB12_ROOT chooses the directory (default /tmp/deb12; it must not exist yet).
# If this machine reaches the network through a local CA or a pip configuration, they are
# copied in as such a machine would have them: /usr/local/share/ca-certificates/*.crt,
# /etc/pip.conf, /etc/xdg/pip/, the *_proxy variables and the PIP_* ones that say how to
# reach an index (not PIP_FIND_LINKS and the like, which name this machine's own folders).
# The mounts are undone on exit; the root is left for inspection.
set -euo pipefail

if (($# < 1)) || [[ "$1" == -* ]]; then
    sed -n '2,19s/^# \{0,1\}//p' "$0" >&2
    exit 2
fi
mirror=$1
shift
targets=("$@")
((${#targets[@]})) || targets=(test)
root=${DEB12_ROOT:-/tmp/deb12}
repo=$(cd "$(dirname "$0")/.." && pwd)

[[ $(id -u) -eq 0 ]] || { echo "Run as root (debootstrap and chroot need it)." >&2; exit 1; }
if [[ -e "$root" ]]; then
    echo "$root exists: remove it or set DEB12_ROOT to a new directory." >&2
    exit 1
fi

step() { printf '\n+ %s\n' "$*" >&2; "$@"; }

need=()
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
command -v rsync >/dev/null 2>&1 || need+=(rsync)
if ((${#need[@]})); then
    step apt-get update -qq
    step env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

step debootstrap --variant=minbase bookworm "$root" "$mirror"

mounted=()
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[i]}" || umount -l "${mounted[i]}" || true
    done
    if findmnt -rn -o TARGET | grep -q "^$root/"; then
        echo "Still mounted under $root: check findmnt before removing it." >&2
    else
        echo "Unmounted. The root stays in $root (rm -rf $root to remove it)." >&2
    fi
}
trap cleanup EXIT
for dir in proc sys dev dev/pts; do
    step mount --bind "/$dir" "$root/$dir"
    mounted+=("$root/$dir")
done
step cp /etc/resolv.conf "$root/etc/resolv.conf"

# What the chroot gets from the environment: a root login's basics, plus the network settings.
chroot_env=(env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
            TERM="${TERM:-dumb}" DEBIAN_FRONTEND=noninteractive)
while IFS='=' read -r name _; do
    [[ "$name" =~ ^(PIP_(INDEX_URL|EXTRA_INDEX_URL|TRUSTED_HOST|CERT|CLIENT_CERT|PROXY|DEFAULT_TIMEOUT|RETRIES)|https?_proxy|HTTPS?_PROXY|no_proxy|NO_PROXY)$ ]] &&
        chroot_env+=("$name=${!name}")
done < <(env)
# (The environment is not echoed: a PIP_INDEX_URL may hold a password.)
in_root() { printf '\n+ chroot %s %s\n' "$root" "$*" >&2; chroot "$root" "${chroot_env[@]}" "$@"; }

in_root apt-get install -y --no-install-recommends python3 make git ca-certificates

shopt -s nullglob
local_cas=(/usr/local/share/ca-certificates/*.crt)
if ((${#local_cas[@]})); then
    step cp "${local_cas[@]}" "$root/usr/local/share/ca-certificates/"
    in_root update-ca-certificates
fi
[[ -f /etc/pip.conf ]] && step cp /etc/pip.conf "$root/etc/pip.conf"
[[ -d /etc/xdg/pip ]] && step mkdir -p "$root/etc/xdg" && step cp -r /etc/xdg/pip "$root/etc/xdg/"

# The files git would commit (tracked or new, not ignored), as they are now.
# /opt rather than /root so that the unprivileged run below can read it.
tree=/opt/marginalia
step mkdir "$root$tree"
(cd "$repo" && git ls-files -z -co --exclude-standard) |
    rsync -a --from0 --files-from=- --ignore-missing-args "$repo/" "$root$tree/"
echo "Copied $(find "$root$tree" -type f | wc -l) files of $repo to $tree" >&2

echo "Not root: make test must stop before touching anything and name the packages." >&2
set +e
chroot --userspec=65534:65534 "$root" "${chroot_env[@]}" HOME=/tmp \
    make -C "$tree" test 2> "$root/tmp/not-root.err"
status=$?
set -e
cat "$root/tmp/not-root.err" >&2
if ((status == 0)) || ! grep -q '^    apt-get update && apt-get install' "$root/tmp/not-root.err"; then
    echo "FAIL: as a user, make test did not stop with the apt-get line (exit $status)." >&2
    exit 1
fi

failed=()
for target in "${targets[@]}"; do
    start=$SECONDS
    # shellcheck disable=SC2086  # one TARGET may be `run ARGS=--smoke`
    if in_root make -C "$tree" $target; then
        echo "make $target passed on bare Debian 12 in $((SECONDS - start)) s" >&2
    else
        echo "make $target FAILED on bare Debian 12 after $((SECONDS - start)) s" >&2
        failed+=("$target")
    fi
done
((${#failed[@]} == 0)) || { echo "Failed: ${failed[*]}" >&2; exit 1; }
