# The helpers every Benchmarks/*/run shares: sourced, never run. A run script starts
#
#   here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
#   . "$here/../common.sh"
#
# and gets `root` (the package), `rig` (hardware/rig/rig) and the functions below. Nothing here
# sets shell options or the locale; each script sets its own.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck disable=SC2034 # for the scripts that source this
rig=$root/hardware/rig/rig

say() { printf 'run: %s\n' "$*" >&2; }
die() { printf 'run: %s\n' "$*" >&2; exit 1; }

# need TOOL...: dies naming the first TOOL (a command or a path) that is missing.
need() {
    local tool
    for tool; do command -v "$tool" >/dev/null || die "$tool is missing (hardware/rig/install-deps)"; done
}

# --- build ------------------------------------------------------------------------------
# swift_build CONFIGURATION PRODUCT...: builds the PRODUCTs and prints the build's bin folder, as in
# bin=$(swift_build release sskiosk). The benchmark executables are in the package graph only with
# SSKIOSK_BENCHMARKS set (Package.swift), and a graph with them would make the everyday .build
# replan, so every benchmark build goes into its own folder: SCRATCH, .build-bench by default.
swift_build() {
    local configuration=$1 product
    shift
    local swift=(env SSKIOSK_BENCHMARKS=1 swift build --package-path "$root" -c "$configuration"
        --scratch-path "${SCRATCH:-$root/.build-bench}")
    say "building ($configuration)"
    for product; do "${swift[@]}" --product "$product" >&2 || return; done
    "${swift[@]}" --show-bin-path
}

# build_apdu_loop BIN: compiles the C loop of Benchmarks/APDURoundTrip (SCardTransmit of ECHO, the
# floor on this rig) into BIN/apdu_loop.
build_apdu_loop() {
    # shellcheck disable=SC2046 # pkg-config's flags are words
    gcc -O2 -Wall -Wextra -o "$1/apdu_loop" "$root/Benchmarks/APDURoundTrip/c/apdu_loop.c" \
        $(pkg-config --cflags --libs libpcsclite)
}

# --- machine ----------------------------------------------------------------------------
# A virtual machine's idle CPU halts, and a thread woken there waits for the host to run that CPU
# again: about 40 µs on this project's build machines (the haltpoll cpuidle driver, booted with
# guest halt polling off), against a few µs for a terminal's own cores waking. Every sleep and
# wake-up in a card read pays it, so a peer that sleeps more often pays it more often, whatever its
# own code costs. poll_idle_cpus lets idle CPUs poll for HALT_POLL_NS nanoseconds (200000 unless
# set; set empty, the machine stays as it is) before they halt, and restore_idle_cpus puts back
# what the machine had; where there is no such setting (a real machine) both do nothing.
halt_poll_setting=/sys/module/haltpoll/parameters/guest_halt_poll_ns
halt_poll_booted=

# idle_cpus: what idle CPUs do now, in words for a report.
idle_cpus() {
    [[ -r $halt_poll_setting ]] || { echo "a machine without guest halt polling"; return; }
    local ns
    ns=$(<"$halt_poll_setting")
    if ((ns == 0)); then echo "idle CPUs halt at once (guest halt polling off)"; else
        echo "idle CPUs poll $((ns / 1000)) µs before they halt (guest halt polling)"
    fi
}

poll_idle_cpus() {
    local ns=${HALT_POLL_NS-200000}
    [[ -n $ns && -w $halt_poll_setting ]] || return 0
    halt_poll_booted=$(<"$halt_poll_setting")
    echo "$ns" >"$halt_poll_setting"
}

restore_idle_cpus() {
    [[ -n $halt_poll_booted ]] || return 0
    echo "$halt_poll_booted" >"$halt_poll_setting"
    halt_poll_booted=
}

# --- measure ----------------------------------------------------------------------------
now_ns() { date +%s%N; }

# rotate NAME ROUND ITEM...: sets the array NAME to the ITEMs rotated left by ROUND - 1, so that over
# the rounds each goes first in turn and drift and order effects fall on all alike.
rotate() {
    local -n rotated=$1
    local shift_by=$((($2 - 1) % ($# - 2)))
    local items=("${@:3}")
    # shellcheck disable=SC2034 # a nameref: this sets the caller's array
    rotated=("${items[@]:shift_by}" "${items[@]:0:shift_by}")
}

# measured FILE COMMAND...: runs COMMAND under /usr/bin/time, which writes "wall-s user-s system-s
# peak-RSS-KiB" to FILE (after a line "Command exited with non-zero status N" if it fails). Without
# /usr/bin/time it runs COMMAND alone and FILE is not written.
measured() {
    local file=$1
    shift
    if [[ -x /usr/bin/time ]]; then /usr/bin/time -f "%e %U %S %M" -o "$file" "$@"; else "$@"; fi
}

# peak_rss_mib FILE...: the highest peak RSS in FILEs `measured` wrote, in MiB with one decimal;
# n/a if there is none.
peak_rss_mib() {
    cat "$@" 2>/dev/null | awk '$4 ~ /^[0-9]+$/ && $4 > m { m = $4 } END { if (m) printf "%.1f", m / 1024; else print "n/a" }'
}

# peer_round STEM COMMAND...: runs COMMAND as one round of one peer, STEM being RESULTS/PEER.ROUND:
# its output to STEM.txt, its errors to STEM.err, its times and peak RSS to STEM.time (`measured`).
# Dies with its errors if it fails.
peer_round() {
    local stem=$1 name=${1##*/}
    shift
    measured "$stem.time" "$@" >"$stem.txt" 2>"$stem.err" || die "${name%.*} failed in round ${name##*.}: $(cat "$stem.err")"
}

# The terminal service (or the centre) as a background process.
# free_port: prints a TCP port free on 127.0.0.1 just now.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# wait_for_service URL PID LOG: waits up to a minute for URL to answer with a 2xx; dies, pointing at
# LOG, if process PID ends first or it never does.
wait_for_service() {
    local url=$1 pid=$2 log=$3
    for _ in $(seq 600); do
        curl -sf "$url" >/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || die "sskiosk serve exited: see $log"
        sleep 0.1
    done
    die "sskiosk serve did not answer: see $log"
}
# stop_process PID: ends process PID, if any, and waits for it.
stop_process() {
    [[ -n ${1:-} ]] || return 0
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}
# rss_kib PID: the resident set of process PID now, in KiB.
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# --- report -----------------------------------------------------------------------------
# stats: prints "n median p90 min max" of the numbers on stdin, one a line. The median of an even
# count is the mean of the middle two; p90 is by nearest rank. Numbers print in full (OFMT), not
# rounded to awk's six digits.
stats() {
    sort -n | awk -v OFMT=%.15g '
        { a[NR] = $1 }
        END {
            median = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
            p = 0.9 * NR; i = int(p); if (i < p) i++
            print NR, median, a[i], a[1], a[NR]
        }'
}
