#!/usr/bin/env bash
# Opens the TUI on a folder in tmux (160x45) and reports how long until the main screen
# answers keys, how long until every article is in and facts are linked, and the process's
# resident memory (sampled with ps). Usage:
#   cargo build --release && cargo run --release --example gen_corpus -- 10000 /tmp/corpus10k
#   benches/tui_open.sh /tmp/corpus10k
set -u
bin="$(cd "$(dirname "$0")/.." && pwd)/target/release/crosscheck"
session="cc-open-$$"
tmux new-session -d -s "$session" -x 160 -y 45 || exit 1
trap 'tmux kill-session -t "$session" 2>/dev/null' EXIT
start=$(date +%s.%N)
tmux send-keys -t "$session" "exec $bin $1" Enter
sleep 0.2
# The pane's own process, so that other crosscheck processes on the machine are not counted.
pid=$(tmux display-message -p -t "$session" '#{pane_pid}')
shown=""; peak=0
for _ in $(seq 1 2400); do
  screen=$(tmux capture-pane -t "$session" -p) || break
  now=$(date +%s.%N)
  rss=$(ps -o rss= -p "$pid" | tr -d ' '); rss=${rss:-0}
  [ "$rss" -gt "$peak" ] && peak=$rss
  if [ -z "$shown" ] && grep -q "BROWSE" <<<"$screen"; then
    shown=1; echo "main screen after $(echo "$now - $start" | bc) s"
  fi
  if grep -q "conflicts" <<<"$screen"; then
    echo "linked after $(echo "$now - $start" | bc) s; peak RSS $peak KB"
    sleep 1; echo "RSS once linked: $(ps -o rss= -p "$pid" | tr -d ' ') KB"
    break
  fi
  sleep 0.05
done
tmux send-keys -t "$session" q
