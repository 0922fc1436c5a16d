#!/usr/bin/env bash
# Run the benchmarks at full size; results go to benchmarks/out/results.txt
# (progress and installer chatter to benchmarks/out/run_all.log and the screen).
# Needs the bench extra: .venv/bin/pip install -e ".[bench]" (pyte).
# Journals are generated into benchmarks/out/ on first use (100,000 entries: ~1 min).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
mkdir -p benchmarks/out
{
  echo "compass-tui benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -sr), $("$PY" --version)"
  # The code measured: a digest of compass_tui's sources (the tree may not be a git checkout).
  echo "compass_tui sources: $(find compass_tui -name '*.py' | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-12)"
  echo
  "$PY" benchmarks/bench_search.py
  echo
  "$PY" benchmarks/bench_startup.py --terminal 80x24 --terminal 200x60
  echo
  "$PY" benchmarks/bench_list_vs_jrnl.py --words mentor team reykjavik
  echo
  "$PY" benchmarks/bench_values_tab.py
  echo
  "$PY" benchmarks/bench_goals_service.py
  echo
  "$PY" benchmarks/bench_goals_tab.py
  echo
  "$PY" benchmarks/bench_due.py
  echo
  "$PY" benchmarks/bench_quick_commands.py
  echo
  "$PY" benchmarks/bench_change_watch.py
  echo
  "$PY" benchmarks/bench_timeline_tab.py
  echo
  "$PY" benchmarks/bench_typing_burst.py
  echo
  "$PY" benchmarks/bench_vision_board.py
  echo
  "$PY" benchmarks/bench_export_import.py
  echo
  "$PY" benchmarks/bench_insights.py
} 2> >(tee benchmarks/out/run_all.log >&2) | tee benchmarks/out/results.txt
