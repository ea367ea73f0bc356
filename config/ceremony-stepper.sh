# The demo's ceremony stepper (./run demo --ceremony): sourced by config/demo.sh, and by
# tests/demo/ceremonystepper.sh with a stand-in festctl.

# ceremony_step LOG FESTCTL...: one `festctl ceremony go`. Logs its first two lines (or
# all of a refusal) to LOG. Returns 0 to go on, 1 when the ceremony is at its last cue.
# A reveal whose winner is not sealed (the Audience Award without votes) is refused; it is
# skipped with goto, the only cue ever skipped.
ceremony_step() {
  local log=$1; shift
  local out status
  # No pipe into head for the log: under pipefail, head closing the pipe before echo
  # wrote made a cue that went fine look refused (and the stepper jumped three cues on).
  if out=$("$@" ceremony go 2>&1); then
    { printf '%s ' "$(date +%T)"; sed -n 1,2p <<<"$out"; } >>"$log"
    return 0
  fi
  echo "$(date +%T) $out" >>"$log"
  grep -q last_cue <<<"$out" && return 1
  grep -q winner_not_set <<<"$out" || return 0   # anything else: the next step tries again
  status=$("$@" --json ceremony status 2>/dev/null) || return 1
  [[ $status =~ \"index\":\ *([0-9]+) ]] || return 1
  # festctl counts from 1: index + 2 is the reveal, index + 3 the cue after it.
  "$@" ceremony goto $((BASH_REMATCH[1] + 3)) >>"$log" 2>&1 || return 1
}

# ceremony_stepper SECONDS LOG FESTCTL...: steps every SECONDS until the last cue, then
# ends the ceremony.
ceremony_stepper() {
  local seconds=$1 log=$2; shift 2
  while ceremony_step "$log" "$@"; do
    sleep "$seconds"
  done
  sleep "$seconds"
  "$@" ceremony end >>"$log" 2>&1 || true
}
