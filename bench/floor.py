"""The floor under a one-article edit in a fresh process: what it takes CPython to start,
import Dossier's extractor, load the lexicon, read one article, extract it and write its
analysis as YAML, before any other file is read or any page rendered. A `build` after an edit
does all of this and more, so no build in a fresh process can be faster.

    python bench/floor.py [ARTICLE] [--repeat N]

Without ARTICLE it uses the seed article. Each run is a new process; the medians are printed.
"start" is the process's wall time less what it timed itself: interpreter start-up and exit.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "articles" / "lukashenko-visit-pakistan.txt"
STEPS = ("import", "lexicon", "read", "extract", "yaml")

# what the fresh process runs: each step timed, then an exit without teardown, as cli.run exits
CHILD = """
import time
t = [time.perf_counter()]
import json, os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from dossier import extract, source, store
t.append(time.perf_counter())
lexicon = extract.load_lexicon(None)
t.append(time.perf_counter())
article = source.read(Path(sys.argv[2]), max_bytes=1 << 26)
t.append(time.perf_counter())
analysis = extract.extract(article, lexicon)
t.append(time.perf_counter())
store.dump(analysis, extractor=extract.version())
t.append(time.perf_counter())
print(json.dumps([b - a for a, b in zip(t, t[1:])]), flush=True)
os._exit(0)
"""


def run_once(python: str, article: Path) -> dict[str, float]:
    started = time.perf_counter()
    done = subprocess.run([python, "-c", CHILD, str(ROOT), str(article)], check=True,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    steps = dict(zip(STEPS, json.loads(done.stdout)))
    return {"start": wall - sum(steps.values()), **steps, "total": wall}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("article", nargs="?", type=Path, default=SEED)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args(argv)
    runs = [run_once(args.python, args.article) for _ in range(args.repeat)]
    medians = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(" ".join(f"{k}={v:.3f}" for k, v in medians.items())
          + f" (seconds, median of {len(runs)}; {args.article.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
