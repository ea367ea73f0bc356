#!/usr/bin/env bash
# The festival on one machine: a private broker, the controller with the sample programme,
# players and a kiosk. Called by `./run demo` with the build folder; options:
#   --for SECONDS   stop by itself after that long (default: run until Ctrl-C)
#   --players N     how many screens get a player (default 3)
#   --ceremony [S]  run the sample award ceremony: step it by itself every S seconds
#                   (default 6) instead of waiting for `festctl ceremony go`
#   --festival-date YYYY-MM-DD
#                   the sample festival's first day (default: today, festival time); every
#                   screening, event and the ceremony move by the same whole days
#   --films DIR     the rehearsal plays your own films from DIR (MP4, MOV, MKV, WebM, MXF,
#                   TS... whatever they hold) instead of test cards, with the subtitle files
#                   beside them (FILM.en.srt, FILM.zh-Hant.srt or .vtt) or inside them
set -euo pipefail
build=$1; shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin="$build/bin"
demo="$build/demo"
duration=0
players=3
ceremony_step=0
festival_date=""
films_dir=""
while (($#)); do
  case "$1" in
    --for) duration=$2; shift 2 ;;
    --players) players=$2; shift 2 ;;
    --ceremony) ceremony_step=6; shift
                if [[ ${1:-} =~ ^[0-9]+$ ]]; then ceremony_step=$1; shift; fi ;;
    --festival-date) festival_date=$2; shift 2
                     [[ $festival_date =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] && date -d "$festival_date" >/dev/null 2>&1 \
                       || { echo "demo: --festival-date $festival_date: expected a date as YYYY-MM-DD" >&2; exit 2; } ;;
    --films) films_dir=${2:-}; shift 2 || true
             [[ -d $films_dir ]] || { echo "demo: --films ${films_dir:-?}: expected a folder of films" >&2; exit 2; }
             films_dir=$(cd "$films_dir" && pwd) ;;
    *) echo "demo: unknown option $1 (try --for SECONDS, --players N, --ceremony [SECONDS], --festival-date YYYY-MM-DD, --films DIR)" >&2; exit 2 ;;
  esac
done

# Your own films are a rehearsal the day before: the sample festival then starts tomorrow,
# so that the screens are free for films of any length today.
[[ -n $festival_date ]] || { [[ -n $films_dir ]] && festival_date=tomorrow || festival_date=today; }

pids=()
declare -A name_of log_of   # pid -> what it is, pid -> its log
cleanup() {
  trap - EXIT INT TERM ERR
  echo; echo "Stopping the demo..."
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 0' INT TERM

# Why the demo stops, in the words of whatever failed: the process's own last lines.
show_log() {   # LOG
  [[ -s $1 ]] || { echo "  (its log $1 is empty)" >&2; return; }
  echo "  last lines of $1:" >&2
  tail -n 15 "$1" | sed 's/^/  | /' >&2
}
failed_step() {   # LINE
  echo >&2
  echo "demo: the step at config/demo.sh line $1 failed; its own error is printed above." >&2
}
trap 'failed_step $LINENO' ERR

# start NAME LOG COMMAND...: in the background, remembered for the checks and the cleanup.
start() {
  local name=$1 log=$2; shift 2
  "$@" >"$log" 2>&1 &
  pids+=($!); name_of[$!]=$name; log_of[$!]=$log
}
# Stops the demo with the process's own error when one of those started has died.
check_running() {
  local pid code
  for pid in "${!name_of[@]}"; do
    kill -0 "$pid" 2>/dev/null && continue
    code=0; wait "$pid" 2>/dev/null || code=$?
    echo >&2
    echo "demo: the ${name_of[$pid]} stopped (exit code $code)." >&2
    show_log "${log_of[$pid]}"
    exit 1
  done
}

free_tcp_port() {
  local p
  for p in $(seq "$1" $(($1 + 200))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "demo: no free TCP port from $1" >&2; exit 1
}

rm -rf "$demo"; mkdir -p "$demo/media" "$demo/logs"
port=$(free_tcp_port 18830)
clock_port=$((port + 1000))
broker="mqtt://127.0.0.1:$port"
accounts="$demo/broker"   # password file, ACL, and <account>.password for every account
# The broker runs the shipped settings (use_username_as_clientid: one connection per
# account), so every program and every person has an account of its own: the demo's
# scripted steps (demo-script), its live view (demo-view), and for you, the web console's
# organiser and booth logins and a terminal account (desk).
festctl=("$bin/festctl" --broker "$broker" --user demo-script --password-file "$accounts/demo-script.password" --timeout 10)
festctl_view=("$bin/festctl" --broker "$broker" --user demo-view --password-file "$accounts/demo-view.password" --timeout 10)
festctl_desk=("$bin/festctl" --broker "$broker" --user desk --password-file "$accounts/desk.password" --timeout 10)

# Every process logs in with its own account and the shipped per-role ACLs apply, as at a
# festival, so that the console's logins show what each role may see and do.
echo "==> broker accounts in $accounts (packaging/festival-accounts, ACLs from config/mosquitto/acl.d)"
mkdir -p "$accounts"
demo_account() {   # ROLE NAME
  local out
  out=$("$here/packaging/festival-accounts" --dir "$accounts" add "$1" "$2" --password-file "$accounts/$2.password" 2>&1) \
    || { echo "$out" >&2; exit 1; }
}
demo_account controller controller
demo_account organiser organiser
demo_account organiser demo-script
demo_account organiser desk
demo_account staff demo-view
demo_account staff booth
demo_account kiosk kiosk-demo
for screen in HALL-1 CINE-1 CINE-2 ARTS-1 ARTS-2 LIB-1; do demo_account player "player-$screen"; done

echo "==> broker on 127.0.0.1:$port (logs in $demo/logs)"
# Started as root, mosquitto switches to the user named here (by default "mosquitto",
# which cannot read a checkout in root's home directory): the demo's broker stays the
# user who runs the demo, whoever that is.
cat > "$demo/mosquitto.conf" <<CONF
user $(id -un)
listener $port 127.0.0.1
allow_anonymous false
password_file $accounts/passwd
acl_file $accounts/acl
use_username_as_clientid true
persistence false
max_packet_size 16777216
max_queued_messages 10000
max_keepalive 120
set_tcp_nodelay true
CONF
start broker "$demo/logs/mosquitto.log" mosquitto -c "$demo/mosquitto.conf"
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; check_running; sleep 0.1; done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null \
  || { echo "demo: the broker does not listen on 127.0.0.1:$port after 5 s." >&2; show_log "$demo/logs/mosquitto.log"; exit 1; }

echo "==> controller ($demo/controller.db)"
cat > "$demo/controller.ini" <<INI
[broker]
url=$broker
user=controller
password_file=$accounts/controller.password
[database]
path=$demo/controller.db
[clock]
port=$clock_port
[roles]
organiser=organiser,demo-script,desk
staff=booth,demo-view
INI
start controller "$demo/logs/controller.log" "$bin/festival-controller" --config "$demo/controller.ini"
reached=""
for _ in $(seq 100); do "${festctl[@]}" --timeout 1 nodes >/dev/null 2>&1 && { reached=1; break; }; check_running; sleep 0.2; done
[[ -n $reached ]] || { echo "demo: festctl cannot reach the controller after 20 s." >&2; show_log "$demo/logs/controller.log"; exit 1; }

# The sample festival (config/programme.sample.json) moved as a whole so that its first
# day is today (or --festival-date): a newcomer sees a festival in progress, not a past one.
echo "==> the sample programme, first day $festival_date"
"${festctl[@]}" programme import "$here/config/programme.sample.json" --first-day "$festival_date" | sed 's/^/    /'
"${festctl[@]}" programme show --day "$festival_date" | head -n 14

screens=(HALL-1 CINE-1 CINE-2 ARTS-1 ARTS-2 LIB-1)   # the sample programme's screens
# A technical rehearsal, as the projection team would run one before the festival: three
# of the programme's films, given 20-second test cards as media (festctl film edit), in a
# block on the first screens a minute from now; or, with --films, the user's own films.
rehearsal_films=(F-013 F-039 F-027)
declare -A film_media   # film -> its media file, for its still
mkdir -p "$demo/media/films"
if [[ -n $films_dir ]]; then
  mapfile -t own < <(find "$films_dir" -maxdepth 1 -type f \( -iname '*.mp4' -o -iname '*.mov' -o -iname '*.mkv' \
                       -o -iname '*.webm' -o -iname '*.mxf' -o -iname '*.ts' -o -iname '*.m2ts' -o -iname '*.mpg' \
                       -o -iname '*.m4v' -o -iname '*.avi' \) | sort | head -n 8)
  ((${#own[@]})) || { echo "demo: no films in $films_dir (looked for .mp4 .mov .mkv .webm .mxf .ts .m2ts .mpg .m4v .avi)" >&2; exit 2; }
  rehearsal_films=(F-013 F-039 F-027 F-005 F-008 F-010 F-016 F-020)
  rehearsal_films=("${rehearsal_films[@]:0:${#own[@]}}")
  echo "==> your films from $films_dir for ${rehearsal_films[*]} (checked as a player will: festival-player --probe)"
  for i in "${!own[@]}"; do
    file=${own[i]}; film=${rehearsal_films[i]}; name=$(basename "$file"); base=${name%.*}
    ln -sf "$file" "$demo/media/films/$name"
    report=$("$bin/festival-player" --probe "$file" 2>>"$demo/logs/media.log") || true
    sed 's/^/    /' <<<"$report"
    json=$("$bin/festival-player" --probe "$file" --json 2>>"$demo/logs/media.log") || true
    ms=$(grep -o '"durationMs": [0-9]*' <<<"$json" | grep -o '[0-9]*$') || true
    [[ -n $ms ]] || { echo "demo: $name cannot be played here (see above); leave it out of $films_dir." >&2; exit 1; }
    edit=(film edit "$film" --runtime $(((ms + 999) / 1000)) --media "films/$name" --title-en "$base" --title-zh "$base")
    for sub in "$films_dir/$base".*.srt "$films_dir/$base".*.vtt; do
      [[ -f $sub ]] || continue
      subname=$(basename "$sub"); lang=${subname#"$base".}; lang=${lang%.*}
      ln -sf "$sub" "$demo/media/films/$subname"
      edit+=(--subtitle "$lang=films/$subname")
    done
    # The film's own text tracks, in the languages without a file beside it.
    for lang in $(sed -n '/"embeddedSubtitles"/,/]/p' <<<"$json" | grep -o '"[A-Za-z0-9-]*"$\|"[A-Za-z0-9-]*",$' | tr -d '",'); do
      if [[ $lang != und && " ${edit[*]} " != *" $lang="* ]]; then edit+=(--subtitle "$lang=embedded"); fi
    done
    "${festctl[@]}" "${edit[@]}" | sed 's/^/    /'
    film_media[$film]=$file
  done
else
  echo "==> rehearsal test cards for ${rehearsal_films[*]} ($demo/media/films)"
  for i in "${!rehearsal_films[@]}"; do
    film=${rehearsal_films[i]}
    gst-launch-1.0 -q videotestsrc num-buffers=500 pattern=$((i * 6)) \
        ! video/x-raw,width=640,height=360,framerate=25/1 \
        ! timeoverlay halignment=center valignment=center font-desc="Sans 28" text="$film" \
        ! vp8enc deadline=1 cpu-used=16 ! queue ! webmmux name=mux ! filesink location="$demo/media/films/$film.webm" \
        audiotestsrc num-buffers=$((20 * 48000 / 1024)) samplesperbuffer=1024 freq=$((440 + i * 110)) volume=0.2 \
        ! audio/x-raw,rate=48000,channels=2 ! vorbisenc ! queue ! mux. >>"$demo/logs/media.log" 2>&1 \
      || { echo "demo: gst-launch-1.0 could not make the test card for $film." >&2; show_log "$demo/logs/media.log"; exit 1; }
    "${festctl[@]}" film edit "$film" --runtime 20 --media "films/$film.webm" | sed 's/^/    /'
    film_media[$film]=$demo/media/films/$film.webm
  done
fi
# Stills for the kiosks' film pages and Now & Next cards: a frame of each rehearsal film
# (festctl film still takes it with GStreamer; the controller publishes it).
echo "==> stills from the rehearsal films' media"
stills_started=$(date +%s%N)
for film in "${rehearsal_films[@]}"; do
  "${festctl[@]}" film still "$film" "${film_media[$film]}" 2>&1 | sed 's/^/    /' || true
done
echo "    ${#rehearsal_films[@]} stills in $((($(date +%s%N) - stills_started) / 1000000)) ms"
start=$(date -u -d "+60 seconds" +%Y-%m-%dT%H:%M:%SZ)   # one instant for every screen
n=0
for screen in "${screens[@]}"; do
  ((n < players)) || break
  "${festctl[@]}" screening add --id "R-$screen" --screen "$screen" --start "$start" \
     --films "$(IFS=,; echo "${rehearsal_films[*]}")" --title-en "Technical rehearsal" --title-zh "技術綵排" | sed 's/^/    /'
  n=$((n + 1))
done

# The award ceremony (config/ceremony.sample.json): its intro/outro clips and the
# nominees' clips (their films' media) as test cards, jury winners sealed in advance.
echo "==> the sample award ceremony: clips in $demo/media, jury winners sealed"
mkdir -p "$demo/media/ceremony"
ceremony_clip() {   # path label pattern seconds
  gst-launch-1.0 -q videotestsrc num-buffers=$(($4 * 25)) pattern="$3" \
      ! video/x-raw,width=480,height=270,framerate=25/1 \
      ! textoverlay text="$2" font-desc="Sans 30" valignment=top ! timeoverlay font-desc="Sans 20" \
      ! vp8enc deadline=1 cpu-used=16 ! webmmux ! filesink location="$1" >>"$demo/logs/media.log" 2>&1
}
# In the background, one at a time: the ceremony needs them only when its cues come (a
# clip still missing then leaves its card alone on the screens).
(
  ceremony_clip "$demo/media/ceremony/intro.webm" "Award Ceremony" 18 6
  i=0
  for film in $(grep -o '"film": "F-[0-9]*"' "$here/config/ceremony.sample.json" | cut -d'"' -f4 | sort -u); do
    [[ -f "$demo/media/films/$film.webm" ]] || ceremony_clip "$demo/media/films/$film.webm" "$film" $((i % 12)) 4
    i=$((i + 1))
  done
  ceremony_clip "$demo/media/ceremony/outro.webm" "Good night" 13 6
) & pids+=($!)
"${festctl[@]}" ceremony load "$here/config/ceremony.sample.json" | tail -n 1 | sed 's/^/    /'
for pair in best-film:F-003 best-first-work:F-024 best-technical-innovation:F-014 best-human-ai-collaboration:F-026; do
  "${festctl[@]}" ceremony set-winner "${pair%%:*}" "${pair#*:}" | sed 's/^/    /'
done
# The Audience Award needs votes: it is sealed from the tally (lock-audience) when there
# are some; without, the ceremony skips its reveal.
"${festctl[@]}" ceremony lock-audience 2>&1 | sed 's/^/    /' || true

display_mode=headless
[[ -n "${DISPLAY:-}" ]] && display_mode=window
if [[ -x "$bin/festival-player" ]]; then
  for screen in "${screens[@]:0:$players}"; do
    echo "==> player for $screen ($display_mode)"
    args=(--broker "$broker" --screen "$screen" --account "player-$screen" --password-file "$accounts/player-$screen.password" --media "$demo/media"
          --cache "$demo/player-$screen.cache.json" --clock "127.0.0.1:$clock_port" --ceremony)
    [[ $display_mode == headless ]] && args+=(--headless)
    start "player for $screen" "$demo/logs/player-$screen.log" "$bin/festival-player" "${args[@]}"
  done
fi
kiosk_view=""
if [[ -x "$bin/festival-kiosk" ]]; then
  kiosk_args=(--set broker/url="$broker" --set kiosk/id=kiosk-demo --set kiosk/venue=V-HALL
              --set broker/password_file="$accounts/kiosk-demo.password" --set kiosk/outbox="$demo/kiosk-outbox.db"
              --clock "127.0.0.1:$clock_port")
  if [[ $display_mode == window ]]; then
    echo "==> kiosk window"
    start kiosk "$demo/logs/kiosk.log" "$bin/festival-kiosk" "${kiosk_args[@]}"
  else
    # Without a display the kiosk runs offscreen and saves what its screen shows.
    kiosk_view="$demo/kiosk.png"
    echo "==> kiosk (offscreen; its screen in $kiosk_view, every 5 s)"
    QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software \
      start kiosk "$demo/logs/kiosk.log" "$bin/festival-kiosk" "${kiosk_args[@]}" --snapshot "$kiosk_view"
  fi
fi

console_url=""
if [[ -x "$bin/festival-console" ]]; then
  console_port=$(free_tcp_port 18480)
  console_url="http://127.0.0.1:$console_port/"
  echo "==> web console on $console_url (pages from $here/console/web)"
  start "web console" "$demo/logs/console.log" "$bin/festival-console" --set broker/url="$broker" \
     --set http/port="$console_port" --set http/web_root="$here/console/web"
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$console_port") 2>/dev/null && break; check_running; sleep 0.1; done
  cat <<TXT

Web console: $console_url  - log in as
  organiser / $(cat "$accounts/organiser.password")   the festival office: everything, sealed results included
  booth / $(cat "$accounts/booth.password")   projection staff: screens, delays, kiosks; no results, no programme import
TXT
fi

cat <<TXT

The festival is running. From another terminal:
  ${festctl_desk[*]} nodes
  ${festctl_desk[*]} programme show --screen ${screens[0]:-HALL-1}
  mosquitto_sub -p $port -u desk -P $(cat "$accounts/desk.password") -t 'fest/v1/#' -v   (stop festctl first: one connection per account)
The award ceremony (every player is on a ceremony screen; the kiosk follows too):
  ${festctl_desk[*]} ceremony go        (again for each cue; back, goto N, blackout, end)
  ${festctl_desk[*]} ceremony status
Logs: $demo/logs/   Stop with Ctrl-C.
TXT
sleep 2
started=$SECONDS
if ((ceremony_step > 0)); then
  # Steps the ceremony by itself (config/ceremony-stepper.sh).
  source "$here/config/ceremony-stepper.sh"
  (
    sleep 3
    ceremony_stepper "$ceremony_step" "$demo/logs/ceremony.log" "${festctl[@]}"
  ) & pids+=($!)
fi
while true; do
  if [[ -t 1 ]]; then clear; fi
  check_running
  echo "Festival demo, $(date '+%H:%M:%S') - broker $broker - Ctrl-C stops"
  "${festctl_view[@]}" nodes 2>&1 || true
  [[ -n $kiosk_view ]] && echo "The kiosk's screen: $kiosk_view"
  if ((duration > 0 && SECONDS - started >= duration)); then break; fi
  sleep 2
done
