#!/usr/bin/env bash
# End-to-end tests of the real Factbench binary on a real X server.
#
# Starts the debug binary under Xvfb (no window manager: every key goes
# after `xdotool windowfocus --sync`), each run with its own HOME, drives it
# with xdotool and reads and writes the system clipboard with xclip. Checks:
#   1. it launches on the bundled sample;
#   2. a claim is marked with the keyboard alone and given a verdict;
#   3. Ctrl+C in a field reaches the system clipboard, and Ctrl+V pastes
#      text another program put there; a selection in the article becomes
#      the PRIMARY selection (middle-click paste);
#   4. a link opens in the browser (BROWSER is a stand-in recording the URL);
#   5. the work is saved (read back from the file) and is there on reopening;
#   6. a script (`factbench mark`) is refused while the window has the
#      workspace open, naming the window, and marks once it is closed;
#   7. with no file dialog on the desktop, Save As asks for the path in a
#      modal question whose answer saves the copy (a dialog's answer goes
#      through the one queue of intents).
#   8. a .vtt given on the command line opens as a transcript, and Go to
#      time (Ctrl+G) selects the cue said at 12:19;
#   9. the window shrinks to 800×600 (the screenshot is kept);
#  10. in an Arabic article Shift+Left extends the selection on screen,
#      forwards in the text;
#  11. a three-page PDF given on the command line opens with its pages, and
#      Go to page (Ctrl+Shift+G) 3 scrolls there with the caret at the
#      page's first char (Shift+Right five times selects its first word;
#      the screenshot shows the "p. 3" marker).
#  13. a screen reader (AT-SPI, read with pyatspi on a session bus with
#      accessibility on) gets the window's name and the article as text —
#      Cyrillic, CJK, a combining accent and an emoji flag, offsets in
#      chars — with the caret; six Shift+Right select the first word, and
#      the selection it reads is that word.
#  14. dragging the end of a claim's highlight with the pointer (found by
#      asking AT-SPI where the claim's last char is) moves the claim's end,
#      and the saved workspace has the new span;
#  15. a published claim's statement edited through Correct… (the buttons
#      pressed and fields focused through AT-SPI, the text typed with
#      xdotool) is a correction: the exported public report carries the new
#      statement and the correction's note. Your name is unset at first:
#      the correction is refused, Preferences open, the form keeps its
#      text, and once the name is typed it is recorded with it.
#
# Usage: tests/e2e/run.sh            (builds the debug binary when needed)
# Environment: FACTBENCH_BIN (the binary), E2E_DISPLAY (default: a free
# display Xvfb picks itself),
# E2E_ARTIFACTS (where screenshots and logs go; default a temporary folder).
# Needs: Xvfb, xdotool, xclip; for step 13 dbus-daemon, at-spi2-core and
# python3-pyatspi (Debian's /usr/bin/python3); ImageMagick's `import` for screenshots
# (optional). Every wait has a timeout; the whole run takes well under a
# minute once built.

set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="${FACTBENCH_BIN:-$target/debug/factbench}"
display="${E2E_DISPLAY:-}"
work="$(mktemp -d "${TMPDIR:-/tmp}/factbench-e2e.XXXXXX")"
artifacts="${E2E_ARTIFACTS:-$work/artifacts}"
mkdir -p "$artifacts"

xvfb_pid=""
app_pid=""
clip_pid=""
bus_pids=()
step="setting up"

for tool in Xvfb xdotool xclip; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is not installed" >&2; exit 2; }
done

cleanup() {
  stop_app
  [ -n "$clip_pid" ] && kill "$clip_pid" 2>/dev/null || true
  for pid in "${bus_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    # Gone before the next run takes the same display.
    wait "$xvfb_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

shot() {
  if command -v import >/dev/null; then
    DISPLAY="$display" timeout 10 import -window root "$artifacts/$1.png" 2>/dev/null || true
  fi
}

fail() {
  echo "e2e FAILED while $step: $*" >&2
  shot "failure"
  if [ -f "$work/app.log" ]; then
    echo "--- the app's output (last 40 lines) ---" >&2
    tail -n 40 "$work/app.log" >&2
  fi
  if [ -s "$work/xvfb.log" ]; then
    echo "--- Xvfb's output (last 20 lines) ---" >&2
    tail -n 20 "$work/xvfb.log" >&2
  fi
  echo "screenshots and logs: $artifacts" >&2
  exit 1
}

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  local seconds="$1"
  shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

x() { DISPLAY="$display" timeout 10 "$@"; }

# Starts the app with its own HOME ($1) and the remaining arguments. An
# app that could not reach the X server is started again (up to three
# times) once the server answers: a CI machine under load has been seen to
# refuse the first connection while xdotool's went through.
start_app() {
  local home="$1"
  shift
  mkdir -p "$home"
  local attempt
  for attempt in 1 2 3; do
    launch_app "$home" "$@"
    if wait_for 30 window_or_exit; then
      if kill -0 "$app_pid" 2>/dev/null; then
        break
      fi
      if grep -q "connection to X server" "$work/app.log" && [ "$attempt" -lt 3 ]; then
        echo "e2e: the app could not reach $display (attempt $attempt); trying again" >&2
        server_answers || fail "the X server on $display stopped answering"
        sleep 1
        continue
      fi
      fail "the app exited at start"
    fi
    fail "no Factbench window appeared within 30 s"
  done
  window="$(x xdotool search --name "Factbench" | head -n 1)"
  # Let the first frames settle, then park the pointer where it hovers nothing.
  sleep 1.5
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited at start"
  x xdotool mousemove 1395 895
}

launch_app() {
  local home="$1"
  shift
  # shellcheck disable=SC2086 # $app_env is a list of env(1) arguments.
  env ${app_env:-} HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    DISPLAY="$display" WAYLAND_DISPLAY="" BROWSER="$work/browser" \
    "$bin" "$@" >"$work/app.log" 2>&1 &
  app_pid=$!
}

# True once the window is there, or the app has exited.
window_or_exit() {
  ! kill -0 "$app_pid" 2>/dev/null || x xdotool search --name "Factbench"
}

# True when the X server answers and Xvfb is still running.
server_answers() {
  kill -0 "$xvfb_pid" 2>/dev/null && wait_for 10 x xdotool getdisplaygeometry
}

stop_app() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
  fi
}

# Sends keys to the window, after giving it the focus.
keys() {
  x xdotool windowfocus --sync "$window"
  x xdotool key --delay 90 "$@"
  sleep 0.4
}

type_text() {
  x xdotool windowfocus --sync "$window"
  x xdotool type --delay 40 "$1"
  sleep 0.4
}

clipboard() { x xclip -o -selection clipboard 2>/dev/null; }
# Whether the clipboard (or the PRIMARY selection) holds $1 now: asked
# anew on each try of wait_for (a "$(clipboard)" in its arguments would be
# read once, before the first try).
clipboard_is() { [ "$(clipboard)" = "$1" ]; }
primary_is() { [ "$(x xclip -o -selection primary 2>/dev/null)" = "$1" ]; }

# The clipboard becomes $1, owned by xclip (as a browser would own it).
set_clipboard() {
  [ -n "$clip_pid" ] && kill "$clip_pid" 2>/dev/null || true
  printf '%s' "$1" | DISPLAY="$display" xclip -i -selection clipboard -quiet >/dev/null 2>&1 &
  clip_pid=$!
  wait_for 5 clipboard_is "$1" || fail "xclip could not set the clipboard"
}

# ---------------------------------------------------------------- set-up
if [ -z "${FACTBENCH_BIN:-}" ]; then
  step="building the debug binary"
  (cd "$root" && cargo build --quiet --locked) || fail "cargo build failed"
fi
[ -x "$bin" ] || fail "no binary at $bin"

step="starting Xvfb"
if [ -n "$display" ]; then
  # A server still on the display asked for (an earlier run ending) would
  # answer for a moment and then go: wait for it to leave first.
  lock="/tmp/.X${display#:}-lock"
  wait_for 10 test ! -e "$lock" || fail "$display is taken (by $(cat "$lock" 2>/dev/null | tr -d ' '))"
  Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
else
  # Xvfb picks a display no other server holds and writes its number.
  Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  wait_for 15 test -s "$work/display" || fail "Xvfb did not say which display it took: $(cat "$work/xvfb.log")"
  display=":$(tr -d '[:space:]' <"$work/display")"
fi
step="starting Xvfb on $display"
wait_for 15 x xdotool getdisplaygeometry || fail "Xvfb did not start (is $display taken?): $(cat "$work/xvfb.log")"
# Still there a moment later (not a server on its way out).
sleep 0.5
server_answers || fail "Xvfb on $display went away at start: $(cat "$work/xvfb.log")"

cat >"$work/browser" <<EOF
#!/bin/sh
printf '%s\n' "\$1" >>"$work/opened-urls"
EOF
chmod +x "$work/browser"

# A copy of the sample, whose article has a URL (the header shows it as a
# link): the first `url:` of the file is the article's.
url=$(sed -n 's/^            url: "\(https:[^"]*\)",$/\1/p' "$root/workspaces/xi-moscow-victory-day.ron" | head -n 1)
workspace="$work/investigation.ron"
cp "$root/workspaces/xi-moscow-victory-day.ron" "$workspace"
case "$url" in
  https://*) ;;
  *) fail "the sample article has no URL to open" ;;
esac

# ---------------------------------------------------------------- 1. launch
step="launching on the sample"
start_app "$work/home-sample"
title="$(x xdotool getwindowname "$window")"
case "$title" in
  *"Victory Day"*) ;;
  *) fail "the window title is '$title', not the sample's" ;;
esac
shot "1-sample"
stop_app
echo "ok 1 - launches on the bundled sample ($title)"

# ------------------------------------------- 2. keyboard-only marking
step="marking a claim with the keyboard alone"
start_app "$work/home" "$workspace"
# The article has the keyboard at start: three words, Ctrl+M, verdict 2.
keys ctrl+shift+Right ctrl+shift+Right ctrl+shift+Right
# The settled selection is the PRIMARY selection (middle-click paste).
wait_for 5 primary_is "Chinese President Xi" ||
  fail "the PRIMARY selection holds '$(x xclip -o -selection primary 2>/dev/null)'"
keys ctrl+m
keys 2
shot "2-marked"

# ----------------------------------------- 3. clipboard out and in
step="copying the statement to the system clipboard"
# After Ctrl+M the statement field has the keyboard, its text selected.
keys ctrl+c
wait_for 5 clipboard_is "Chinese President Xi" ||
  fail "the clipboard holds '$(clipboard)', not the statement 'Chinese President Xi'"
echo "ok 2 - Ctrl+C in a field reaches the system clipboard; the article's selection is PRIMARY"

step="pasting from the system clipboard"
pasted="Xi will visit Moscow (pasted from a browser)"
set_clipboard "$pasted"
keys ctrl+a ctrl+v
keys Escape
shot "3-pasted"

# ---------------------------------------------------- 5a. save and read
step="saving"
keys ctrl+s
wait_for 10 grep -qF "$pasted" "$workspace" ||
  fail "after Ctrl+S the file does not hold the pasted statement"
grep -qF 'exact: "Chinese President Xi"' "$workspace" || fail "the saved claim lacks its quote"
grep -A40 -F "statement: \"$pasted\"" "$workspace" | grep -qF 'verdict: Some("mostly-true")' ||
  fail "the saved claim lacks the verdict given with the key 2"
echo "ok 3 - a claim marked and rated with the keyboard alone is saved"
echo "ok 4 - text pasted from another program lands in the field"

# ------------------------------------------------------------ 4. links
step="opening the article's link"
# From the article text, Shift+Tab goes back to "Details…", then the link.
keys Escape shift+Tab shift+Tab Return
wait_for 10 grep -qxF "$url" "$work/opened-urls" ||
  fail "the browser stand-in was not called with $url"
shot "4-link"
echo "ok 5 - the article's link opens in the browser"
stop_app

# ------------------------------------------------------------ 5b. reopen
step="reopening the saved workspace"
start_app "$work/home" "$workspace"
shot "5-reopened"
# No claim selected yet: F6 skips the inspector to the list, whose first
# row is the new claim (it starts the article); Enter opens it, F6 twice
# reaches the inspector's statement, Ctrl+C copies it.
keys F6
keys Return
keys F6 F6
keys ctrl+c
wait_for 5 clipboard_is "$pasted" ||
  fail "after reopening, the first claim's statement is '$(clipboard)', not '$pasted'"
shot "6-reopened-claim"
echo "ok 6 - saved, reopened, the work is there"

# ------------------------------------- 7. one lock for window and script
step="a script marking while the window has the workspace open"
quote="the presidents of Brazil and Serbia"
before=$(sha256sum "$workspace")
set +e
refusal=$("$bin" mark "$workspace" --quote "$quote" 2>&1 >/dev/null)
code=$?
set -e
test "$code" = 1 || fail "factbench mark exited $code while the window had the file open: $refusal"
case "$refusal" in
  *"open in a Factbench window"*) ;;
  *) fail "the refusal does not name the window: $refusal" ;;
esac
test "$(sha256sum "$workspace")" = "$before" || fail "the refused mark changed the file"
stop_app
step="the same script once the window is closed"
"$bin" mark "$workspace" --quote "$quote" >/dev/null 2>"$work/mark.err" ||
  fail "factbench mark failed after the window closed: $(cat "$work/mark.err")"
"$bin" claims "$workspace" --json | grep -qF "\"exact\":\"$quote\"" ||
  fail "claims --json does not list the marked quote"
echo "ok 7 - a script is refused while the window has the workspace, and marks once it is closed"
# ------------------------- 8. a modal question answered: Save As by path
step="Save As with no file dialog on the desktop"
# No session bus (no portal) and no zenity on PATH: the window asks for
# the path itself, prefilled; Ctrl+A and the new path replace it.
mkdir -p "$work/nobin"
app_env="-u DBUS_SESSION_BUS_ADDRESS PATH=$work/nobin"
start_app "$work/home" "$workspace"
app_env=""
keys ctrl+shift+s
shot "8-path-entry"
keys ctrl+a
type_text "$work/copy-of-investigation"
keys Return
wait_for 10 test -f "$work/copy-of-investigation.ron" ||
  fail "Save As by typed path wrote no $work/copy-of-investigation.ron"
grep -qF "exact: \"$quote\"" "$work/copy-of-investigation.ron" ||
  fail "the copy saved by Save As lacks the claim marked by the script"
title="$(x xdotool getwindowname "$window")"
case "$title" in
  "• "*) fail "after Save As the title still shows unsaved changes: $title" ;;
esac
shot "8-saved-as"
stop_app
echo "ok 8 - with no file dialog, Save As asks for the path and saves the copy there"

# ------------------------------------------- 9. a transcript, Go to time
step="opening a WebVTT transcript and going to a time"
start_app "$work/home-transcript" "$root/tests/fixtures/transcripts/debate.vtt"
shot "9-transcript"
keys ctrl+g
type_text "12:19"
keys Return
wait_for 5 primary_is "That is not true: it fell by a third." ||
  fail "after Go to time 12:19 the selection is '$(x xclip -o -selection primary 2>/dev/null)'"
shot "9-went-to-time"
stop_app
echo "ok 9 - a .vtt opens as a transcript and Go to time (Ctrl+G) selects the cue said then"

# ------------------------------------------------- 10. a small window
step="the window at 800×600"
start_app "$work/home" "$workspace"
x xdotool windowsize "$window" 800 600
sleep 1.5
size="$(x xdotool getwindowgeometry "$window" | sed -n 's/ *Geometry: //p')"
test "$size" = "800x600" || fail "the window is $size, not 800x600"
kill -0 "$app_pid" 2>/dev/null || fail "the app exited when the window shrank"
shot "10-800x600"
stop_app
echo "ok 10 - the window shrinks to 800x600 (screenshot 10-800x600.png)"

# ---------------------------------- 11. a right-to-left article by keyboard
step="selecting Arabic text with Shift+Left"
printf 'تقرير الوزارة\n\nوأضاف أن الرئيس Joe Biden سيزور المنطقة في 15 مايو 2024.\n' >"$work/arabic.txt"
start_app "$work/home-arabic" "$work/arabic.txt"
# In a right-to-left paragraph Shift+Left moves on screen, so it extends
# the selection forwards in the text: five presses select the first word.
keys shift+Left shift+Left shift+Left shift+Left shift+Left
wait_for 5 primary_is "وأضاف" ||
  fail "after five Shift+Left the selection is '$(x xclip -o -selection primary 2>/dev/null)', not the first word"
shot "11-arabic"
stop_app
echo "ok 11 - in an Arabic article Shift+Left selects forwards on screen (the first word)"
# ------------------------------------------- 12. a PDF, Go to page
step="opening a PDF and going to page 3"
start_app "$work/home-pdf" "$root/tests/fixtures/pdf/japanese-and-two-column.pdf"
shot "12-pdf"
keys ctrl+shift+g
type_text "3"
keys Return
sleep 0.5
keys shift+Right shift+Right shift+Right shift+Right shift+Right
wait_for 5 primary_is "lacus" ||
  fail "after Go to page 3 and five Shift+Right the selection is '$(x xclip -o -selection primary 2>/dev/null)', not page 3's first word"
shot "12-went-to-page"
stop_app
echo "ok 12 - a PDF opens with its pages and Go to page (Ctrl+Shift+G) 3 puts the caret at page 3's start"

# ---------------------------- 13. a screen reader reads the article (AT-SPI)
step="reading the article as a screen reader does (AT-SPI)"
atspi_launcher=/usr/libexec/at-spi-bus-launcher
[ -x "$atspi_launcher" ] || fail "at-spi2-core is not installed ($atspi_launcher)"
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || fail "python3-pyatspi is not installed"
dbus-daemon --session --fork --print-address=3 --print-pid=4 3>"$work/bus-address" 4>"$work/bus-pid" ||
  fail "dbus-daemon could not start a session bus"
bus="$(head -n 1 "$work/bus-address")"
bus_pids+=("$(head -n 1 "$work/bus-pid")")
DBUS_SESSION_BUS_ADDRESS="$bus" "$atspi_launcher" --launch-immediately >"$work/atspi.log" 2>&1 &
bus_pids+=($!)
a11y_on() {
  DBUS_SESSION_BUS_ADDRESS="$bus" dbus-send --session --dest=org.a11y.Bus --print-reply /org/a11y/bus \
    org.freedesktop.DBus.Properties.Set string:org.a11y.Status "string:$1" variant:boolean:true
}
wait_for 10 a11y_on IsEnabled || fail "the accessibility bus did not start: $(cat "$work/atspi.log")"
a11y_on ScreenReaderEnabled >/dev/null || true
# The first line is the article's title; the text starts after it.
printf 'Заявление\n\nСказал: «習近平 приедет» — x\xcc\x81 🇺🇦 всё.\n\nВторой абзац.\n' >"$work/screen-reader.txt"
app_env="DBUS_SESSION_BUS_ADDRESS=$bus" start_app "$work/home-a11y" "$work/screen-reader.txt"
app_env=""
probe() {
  DBUS_SESSION_BUS_ADDRESS="$bus" DISPLAY="$display" timeout 40 /usr/bin/python3 "$root/tests/e2e/atspi_probe.py" factbench
}
field() { /usr/bin/python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print(json.dumps(d.get(sys.argv[1]), ensure_ascii=False))' "$1"; }
read_before="$(probe)" || fail "the AT-SPI probe failed: $read_before"
echo "$read_before" >"$artifacts/13-atspi-before.json"
case "$(echo "$read_before" | field window)" in
  *"— Factbench"*) ;;
  *) fail "the window's accessible name is $(echo "$read_before" | field window)" ;;
esac
# The text is the file's, char for char (the accent stays a combining
# mark after NFC), and AT-SPI counts it in chars, not bytes or UTF-16 units: the
# accent and the flag's two regional indicators each count one.
/usr/bin/python3 - "$read_before" "$work/screen-reader.txt" <<'PY' || fail "the article read through AT-SPI is not the file's text: $read_before"
import json, sys, unicodedata
read = json.loads(sys.argv[1])
# Import stores text in NFC; an x with an acute has no precomposed form,
# so the combining mark stays a char of its own.
first = unicodedata.normalize("NFC", open(sys.argv[2], encoding="utf-8").read().split("\n")[2])
assert "\u0301" in first and "\U0001F1FA" in first
sys.exit(0 if read["text"].startswith(first) and read["characters"] == len(read["text"]) else 1)
PY
keys shift+Right shift+Right shift+Right shift+Right shift+Right shift+Right
sleep 0.5
read_after="$(probe)" || fail "the AT-SPI probe failed: $read_after"
echo "$read_after" >"$artifacts/13-atspi-after.json"
[ "$(echo "$read_after" | field selections)" = '[[0, 6, "Сказал"]]' ] ||
  fail "after six Shift+Right a screen reader reads the selection $(echo "$read_after" | field selections)"
[ "$(echo "$read_after" | field caret)" = "6" ] ||
  fail "after six Shift+Right the caret is at $(echo "$read_after" | field caret), not 6"
shot "13-screen-reader"
stop_app
echo "ok 13 - a screen reader reads the article's text, caret and selection through AT-SPI (GetTextAtOffset: $(echo "$read_after" | field get_text_at_offset))"

# ------------------------------- 14. dragging a highlight's end resizes it
step="dragging the end of a claim's highlight"
ask() {
  DBUS_SESSION_BUS_ADDRESS="$bus" DISPLAY="$display" timeout 40 /usr/bin/python3 "$root/tests/e2e/atspi_probe.py" factbench "$@"
}
# Claim 3 of the sample: unpublished, on the first screen, over two rows.
claim_span() {
  "$bin" claims "$1" --json | /usr/bin/python3 -c 'import json,sys; c=[json.loads(l) for l in sys.stdin][2]; print(c["start"], c["end"])'
}
cp "$root/workspaces/xi-moscow-victory-day.ron" "$work/drag.ron"
read -r span_start span_end < <(claim_span "$work/drag.ron") || fail "claims --json gave no claim 3"
app_env="DBUS_SESSION_BUS_ADDRESS=$bus" start_app "$work/home-drag" "$work/drag.ron"
app_env=""
read -r mx my mw mh < <(ask extents "claim 3,") || fail "AT-SPI has no highlight named 'claim 3, …'"
# A click on the highlight selects the claim (its ends become handles).
x xdotool mousemove $((mx + mw / 2)) $((my + mh / 2)) click 1
sleep 0.6
read -r ex ey ew eh < <(ask char $((span_end - 1))) || fail "AT-SPI gave no extents for char $((span_end - 1))"
end_x=$((ex + ew - 1))
end_y=$((ey + eh / 2))
x xdotool mousemove "$end_x" "$end_y"
sleep 0.3
x xdotool mousedown 1
for dx in 3 6 10 15 20 30 40 50 60; do
  x xdotool mousemove $((end_x + dx)) "$end_y"
  sleep 0.08
done
sleep 0.2
x xdotool mouseup 1
sleep 0.5
shot "14-dragged-end"
keys ctrl+s
sleep 1
stop_app
read -r new_start new_end < <(claim_span "$work/drag.ron")
[ "$new_start" = "$span_start" ] || fail "the drag moved the claim's start ($span_start → $new_start)"
[ "$new_end" -gt "$span_end" ] || fail "after dragging its end right the claim ends at $new_end (was $span_end)"
echo "ok 14 - dragging a highlight's end right moves the claim's end ($span_end → $new_end) and it is saved"

# ------------------------- 15. a published claim corrected, in the report
step="correcting a published claim"
cp "$root/workspaces/xi-moscow-victory-day.ron" "$work/correct.ron"
app_env="DBUS_SESSION_BUS_ADDRESS=$bus" start_app "$work/home-correct" "$work/correct.ron"
app_env=""
read -r mx my mw mh < <(ask extents "claim 1,") || fail "AT-SPI has no highlight named 'claim 1, …'"
x xdotool mousemove $((mx + mw / 2)) $((my + mh / 2)) click 1
sleep 0.8
ask click "Correct…" || fail "no Correct… button for the published claim 1"
sleep 0.8
ask focus "Corrected statement" || fail "Correct… opened no 'Corrected statement' field"
sleep 0.3
keys ctrl+a
type_text "Xi Jinping will visit Moscow on 7-10 May"
ask focus "Public correction note" || fail "no 'Public correction note' field"
sleep 0.3
type_text "The dates were written wrongly"
shot "15-correction"
ask click "Record correction" || fail "no Record correction button"
sleep 0.8
# Your name is not set in this fresh home: the correction is refused,
# Preferences open with the reason, and the form keeps what was typed.
shot "15-refused"
ask extents "Your name" >/dev/null || fail "an unsigned correction did not open Preferences › Your name"
ask extents "Publishing, withdrawing, reviewing and correcting" >/dev/null ||
  fail "no message saying why the correction was not recorded"
# The message's OK, pressed as a screen reader presses it.
ask click "OK" || fail "the message has no OK button"
sleep 0.5
ask extents "Publishing, withdrawing, reviewing and correcting" >/dev/null 2>&1 &&
  fail "the message is still shown after its OK was pressed through AT-SPI"
ask focus "Your name" || fail "Preferences › Your name is gone after the message"
sleep 0.5
type_text "Desk editor"
sleep 0.5
shot "15-named"
ask click "Record correction" || fail "the correction form was closed by the refused correction"
sleep 0.8
shot "15-recorded"
keys ctrl+s
sleep 1
stop_app
"$bin" export --format html --output "$work/report.html" "$work/correct.ron" >/dev/null 2>&1 ||
  fail "the corrected workspace does not export"
cp "$work/report.html" "$artifacts/15-report.html"
grep -q "Xi Jinping will visit Moscow on 7-10 May" "$work/report.html" ||
  fail "the public report does not carry the corrected statement"
grep -q "The dates were written wrongly" "$work/report.html" ||
  fail "the public report does not carry the correction's note"
grep -q "Desk editor" "$work/correct.ron" ||
  fail "the correction is not recorded with the name given in Preferences"
echo "ok 15 - a published claim's statement changed through Correct… is a correction the public report shows"
echo "e2e: all passed (screenshots in $artifacts)"
