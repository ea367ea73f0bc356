#!/usr/bin/env bash
# ./run demo --ceremony steps every cue: config/ceremony-stepper.sh against a stand-in
# festctl that answers `ceremony go` with the three lines the real one prints, refuses an
# unsealed reveal (winner_not_set) and the step past the last cue (last_cue). Regression:
# the stepper logged through `echo | head -n 2` under pipefail; when head closed the pipe
# first, a cue that had gone fine counted as refused and the stepper jumped three cues on.
set -euo pipefail
source_dir=${1:?source dir}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count=60
unsealed=41   # the Audience Award's reveal, without votes

cat >"$work/festctl" <<FAKE
#!/usr/bin/env bash
state=$work/index
[[ -f \$state ]] || echo -1 >"\$state"
index=\$(cat "\$state")
case "\$*" in
  "ceremony go")
    if ((index + 1 >= $count)); then echo "festctl: refused (last_cue): the last cue is showing" >&2; exit 3; fi
    if ((index + 1 == $unsealed)); then echo "festctl: refused (winner_not_set): no winner sealed" >&2; exit 3; fi
    index=\$((index + 1)); echo "\$index" >"\$state"; echo "go \$index" >>"$work/calls"
    printf 'Ceremony: running, %d cue(s), seq %d\n  current: %d nominee\n  next:    %d nominee\n' $count "\$index" \$((index + 1)) \$((index + 2))
    ;;
  "--json ceremony status") echo "{\"active\": true, \"index\": \$index}" ;;
  "ceremony goto "*) index=\$((\${3} - 1)); echo "\$index" >"\$state"; echo "goto \$index" >>"$work/calls" ;;
  "ceremony end") echo "end" >>"$work/calls" ;;
  *) echo "unexpected: \$*" >&2; exit 2 ;;
esac
FAKE
chmod +x "$work/festctl"

source "$source_dir/config/ceremony-stepper.sh"
ceremony_stepper 0 "$work/ceremony.log" "$work/festctl"

# Every cue by go, but the unsealed reveal: goto lands on the cue after it.
expected=$(for ((i = 0; i < count; i++)); do
  if ((i == unsealed + 1)); then echo "goto $i"; elif ((i != unsealed)); then echo "go $i"; fi
done; echo end)
if [[ $(cat "$work/calls") != "$expected" ]]; then
  echo "the stepper did not step every cue in order; festctl was asked:" >&2
  diff <(echo "$expected") "$work/calls" >&2 || true
  exit 1
fi
logged=$(grep -c 'Ceremony: running' "$work/ceremony.log")
if ((logged != count - 2)); then
  echo "expected $((count - 2)) cues logged, found $logged" >&2
  exit 1
fi
echo "every one of $count cues stepped in order (the unsealed reveal skipped with goto), each logged"
