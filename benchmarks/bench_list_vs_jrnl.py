"""`compass list --search WORD` against `jrnl -contains WORD` over the same entries.

    .venv/bin/python benchmarks/bench_list_vs_jrnl.py [--entries 100000] [--words mentor]
        [--runs 5]

The generator writes one journal twice: as a compass database and as a jrnl text
file. jrnl is not a project dependency: it is installed into its own venv under
benchmarks/out/jrnl-venv on first use, and runs with a config file of ours (under
a temporary XDG_CONFIG_HOME) through --config-file.

Before timing, both tools are run once with --format json and the matching
entries (date, time, title) are compared, so the timings are like for like.
Each command is then timed wall-clock (a subprocess, output captured) --runs
times, the two interleaved, after one untimed warm-up each.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import OUT_DIR, copy_db, ensure_journal, find_compass, machine_note, median

JRNL_VENV = OUT_DIR / "jrnl-venv"
COMPASS_HEAD = re.compile(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d\] ", re.MULTILINE)
JRNL_HEAD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d ", re.MULTILINE)

Key = tuple[str, str, str]  # date, time, title


def ensure_jrnl(venv: Path) -> Path:
    jrnl = venv / "bin" / "jrnl"
    if not jrnl.exists():
        print(f"[installing jrnl into {venv}]", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "jrnl"],
                       check=True, stdout=sys.stderr)
    return jrnl


def jrnl_version(venv: Path) -> str:
    return subprocess.run(
        [str(venv / "bin" / "python"), "-c", "from jrnl import __version__; print(__version__)"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()


def write_jrnl_config(path: Path, journal: Path, version: str) -> None:
    """jrnl 4.x YAML config; every key jrnl expects, so it never rewrites the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "colors:\n"
        "  body: none\n  date: none\n  tags: none\n  title: none\n"
        "default_hour: 9\n"
        "default_minute: 0\n"
        "editor: ''\n"
        "encrypt: false\n"
        "highlight: false\n"
        "indent_character: '|'\n"
        "journals:\n"
        "  default:\n"
        f"    journal: {json.dumps(str(journal))}\n"
        "linewrap: 79\n"
        "tagsymbols: '@'\n"
        "template: false\n"
        "timeformat: '%Y-%m-%d %H:%M'\n"
        f"version: {json.dumps(version)}\n",
        encoding="utf-8",
    )


def run(command: list[str], env: dict[str, str]) -> tuple[float, str, str]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    return seconds, done.stdout, done.stderr


def keys_compass(output: str) -> set[Key]:
    return {(e["date"], e["time"], e["title"]) for e in json.loads(output)}


def keys_jrnl(output: str) -> set[Key]:
    return {(e["date"], e["time"], e["title"]) for e in json.loads(output)["entries"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--words", nargs="+", default=["mentor"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jrnl-venv", type=Path, default=JRNL_VENV)
    args = parser.parse_args(argv)

    source_db, source_text = ensure_journal(args.entries)
    jrnl = ensure_jrnl(args.jrnl_venv)
    version = jrnl_version(args.jrnl_venv)
    compass = find_compass()

    with tempfile.TemporaryDirectory(prefix="compass-bench-") as tmp_dir:
        tmp = Path(tmp_dir)
        # Copies, so neither tool can touch the generated originals.
        db = copy_db(source_db, tmp / "journal.db")
        journal_text = tmp / "journal.txt"
        shutil.copyfile(source_text, journal_text)
        config = tmp / "config" / "jrnl" / "jrnl.yaml"
        write_jrnl_config(config, journal_text, version)
        env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "config"),
               "XDG_DATA_HOME": str(tmp / "data"), "NO_COLOR": "1"}
        env.pop("COMPASS_DB", None)

        print(f"list benchmark: {args.entries} entries ({source_text.stat().st_size / 2**20:.0f} "
              f"MiB of jrnl text), jrnl {version}, {args.runs} runs each, wall-clock "
              f"({machine_note()})")
        for word in args.words:
            compass_cmd = [str(compass), "--db", str(db), "list", "--search", word]
            jrnl_cmd = [str(jrnl), "--config-file", str(config), "-contains", word]

            # Like for like: the same entries must come out of both.
            _, out, _ = run([*compass_cmd, "--format", "json"], env)
            found_compass = keys_compass(out)
            _, out, _ = run([*jrnl_cmd, "--format", "json"], env)
            found_jrnl = keys_jrnl(out)
            same = found_compass == found_jrnl
            print(f"\nword {word!r}: compass found {len(found_compass)}, jrnl found "
                  f"{len(found_jrnl)}; same entries: {'yes' if same else 'NO'}")
            if not same:
                print(f"  only compass: {sorted(found_compass - found_jrnl)[:3]}")
                print(f"  only jrnl: {sorted(found_jrnl - found_compass)[:3]}")

            times: dict[str, list[float]] = {"compass": [], "jrnl": []}
            counts: dict[str, set[int]] = {"compass": set(), "jrnl": set()}
            commands = {"compass": (compass_cmd, COMPASS_HEAD), "jrnl": (jrnl_cmd, JRNL_HEAD)}
            for command, _ in commands.values():
                run(command, env)  # warm-up: page cache, .pyc files
            for _ in range(args.runs):
                for name, (command, head) in commands.items():
                    seconds, out, _ = run(command, env)
                    times[name].append(seconds)
                    counts[name].add(len(head.findall(out)))
            for name, (command, _) in commands.items():
                shown = " ".join([Path(command[0]).name, *command[1:]]).replace(tmp_dir, "$TMP")
                print(f"  {name:<8} median {median(times[name]):6.2f} s  "
                      f"(min {min(times[name]):.2f}, max {max(times[name]):.2f})  "
                      f"entries printed {sorted(counts[name])}  $ {shown}")
            ratio = median(times["jrnl"]) / median(times["compass"])
            print(f"  jrnl/compass: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
