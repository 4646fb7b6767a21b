#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The two set-up commands of the README:
#   tools/setup.sh run    install what is missing, build, start the desktop program on the demo data
#   tools/setup.sh test   install what is missing, build, run every test (also the sanitizer build)
# Works on a fresh Debian 12 machine, as root or with sudo.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
jobs="$(nproc 2>/dev/null || echo 2)"

install_packages() {
    local wanted missing=()
    mapfile -t wanted < <(grep -v '^\s*#' tools/debian-packages.txt | sed '/^\s*$/d')
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if ((${#missing[@]})); then
        echo "Installing: ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

build_main() {
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build build -j "$jobs"
}

case "${1:-}" in
run)
    install_packages
    build_main
    [ "$(id -u)" -ne 0 ] || export QTWEBENGINE_DISABLE_SANDBOX=1
    demo_db="build/demo-store.sqlite"
    rm -f "$demo_db" "$demo_db-wal" "$demo_db-shm"
    exec build/app/abusedesk/abusedesk --db "$demo_db" --import resources/demo/optimais-demo
    ;;
test)
    install_packages
    build_main
    export QTWEBENGINE_DISABLE_SANDBOX=1
    status=0
    (cd build && ctest --output-on-failure -j "$jobs" --timeout 900) || status=1
    # Source style: every C++ file formatted by .clang-format, every source file with an SPDX line.
    if [ -d .git ]; then
        git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run -Werror || status=1
        missing=$(git ls-files '*.cpp' '*.h' '*.cmake' 'CMakeLists.txt' '*/CMakeLists.txt' '*.sh' '*.py' |
            while read -r f; do head -n 3 "$f" | grep -q 'SPDX-License-Identifier' || echo "$f"; done)
        [ -z "$missing" ] || { echo "files without an SPDX-License-Identifier line:" $missing >&2; status=1; }
    fi
    # Core tests again under AddressSanitizer + UndefinedBehaviorSanitizer (clang), with the libFuzzer
    # targets each run for a bounded time.
    cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang \
        -DCMAKE_CXX_COMPILER=clang++ -DABUSEDESK_BUILD_UI=OFF -DABUSEDESK_SANITIZE=ON -DABUSEDESK_FUZZ=ON
    cmake --build build-asan -j "$jobs"
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
    export LSAN_OPTIONS="suppressions=$here/tools/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    (cd build-asan && ctest --output-on-failure -L core -j "$jobs" --timeout 900) || status=1
    exit $status
    ;;
*)
    echo "usage: tools/setup.sh run|test" >&2
    exit 2
    ;;
esac
