#!/usr/bin/env bash
# Checks that a real Label Studio imports our Label Studio export as we mean it.
#
# Builds a small database with the CLI (4 demo articles and one full of emoji
# and combining marks), tags it through the app's operations, exports it with
# `marginalia export --format label-studio`, starts Label Studio (installed
# from PyPI in its own venv, outside the repo) on a free local port, creates a
# project with the exported labelling config, imports the tasks through the
# REST API, reads them back and compares (see label_studio_check.py).
# Prints one verdict line; exits non-zero on any mismatch. Not part of
# `make test`: the install alone takes minutes.
#
# Environment:
#   LS_VENV      the Label Studio venv (default /tmp/ls-venv; created if missing)
#   LS_VERSION   a version to pin when installing (default: the newest)
#   LS_WORK      where the database, export and server data go (default: a new
#                folder under /tmp, removed at the end unless LS_KEEP=1)
#   LS_BROWSER=0 skip the editor check, run when chromium and chromedriver are
#                installed (Debian: apt-get install chromium chromium-driver)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
app_python="$repo/.venv/bin/python"
helper="$here/label_studio_check.py"
ls_venv="${LS_VENV:-/tmp/ls-venv}"
started=$(date +%s)

if [[ -n "${LS_WORK:-}" ]]; then
    work="$LS_WORK"
    rm -rf "$work"
    mkdir -p "$work"
else
    work="$(mktemp -d /tmp/ls-check.XXXXXX)"
fi
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ "${LS_KEEP:-0}" != 1 ]]; then
        rm -rf "$work"
    fi
}
trap cleanup EXIT

# 1. Label Studio, in its own venv.
if [[ ! -x "$ls_venv/bin/label-studio" ]]; then
    echo "installing label-studio${LS_VERSION:+==$LS_VERSION} into $ls_venv ..." >&2
    python3 -m venv "$ls_venv"
    "$ls_venv/bin/pip" install -q "label-studio${LS_VERSION:+==$LS_VERSION}" >&2
fi
if [[ "${LS_BROWSER:-1}" != 0 ]] && command -v chromedriver >/dev/null \
        && ! "$ls_venv/bin/python" -c 'import selenium' 2>/dev/null; then
    "$ls_venv/bin/pip" install -q selenium >&2  # drives the system's chromium, downloads none
fi
installed=$(date +%s)

# 2. Our export, made by the app's own commands.
export MARGINALIA_DB="$work/marginalia.sqlite3"
samples="$repo/resources/samples"
"$app_python" "$helper" article "$work/unicode-check.txt"
(cd "$repo" && "$app_python" -m desktop import \
    "$samples/en-2019-11-07-hungarian-state-owned-enterprise-acquires-hirtenberger-defen.txt" \
    "$samples/fr-2017-12-14-disney-rachete-la-21st-century-fox-pour-66-1-milliards-de-do.txt" \
    "$samples/en-2020-06-21-british-supermarket-chain-tesco-to-sell-its-polish-branch-to.txt" \
    "$samples/fr-2016-01-24-l-iran-annonce-le-prochain-achat-de-114-airbus.txt" \
    "$work/unicode-check.txt" >&2)
(cd "$repo" && "$app_python" "$helper" annotate >&2)
(cd "$repo" && "$app_python" -m desktop export --format label-studio --out "$work/tasks.json" >&2)

# 3. Label Studio on a free local port, with a user whose API token we choose.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$(python3 -c 'import secrets; print(secrets.token_hex(20))')
password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(16))')
url="http://127.0.0.1:$port"
env -u LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK \
    "$ls_venv/bin/label-studio" start --no-browser --internal-host 127.0.0.1 --port "$port" \
    --data-dir "$work/ls-data" --username check@marginalia.invalid --password "$password" \
    --user-token "$token" --enable-legacy-api-token >"$work/label-studio.log" 2>&1 &
server_pid=$!
if ! "$ls_venv/bin/python" "$helper" wait --url "$url" --seconds 600; then
    echo "Label Studio did not answer on $url; the end of its log:" >&2
    tail -30 "$work/label-studio.log" >&2
    echo "Label Studio: FAIL, the server did not start"
    exit 2
fi
up=$(date +%s)

# 4. Import, read back, compare.
status=0
LS_PASSWORD="$password" LS_BROWSER="${LS_BROWSER:-1}" "$ls_venv/bin/python" "$helper" check \
    --url "$url" --token "$token" \
    --tasks "$work/tasks.json" --config "$work/tasks.label-config.xml" || status=$?
done_at=$(date +%s)
echo "(install $((installed - started)) s, export and server start $((up - installed)) s," \
     "check $((done_at - up)) s${LS_KEEP:+; files kept in $work})" >&2
exit "$status"
