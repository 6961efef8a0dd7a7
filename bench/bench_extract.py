"""Benchmark the extractor: milliseconds per 1,000 words and articles per second, on one core
(CPU time of this process, best of N rounds, so other load on the machine counts little).
It also times a fixed pure-Python loop after every round (reference_loop_ms, best of N) so that
figures from different machines, or from a busy shared one, can be compared: the last figure is
ms_per_1000_words scaled to a machine where that loop takes 400 ms. load is the 1-minute load
average when the run started.

    python bench/bench_extract.py [ARTICLE ...] [--repeat N]

Without files it runs the seed article cut into ~1,000-word chunks (and the development corpus
in ../shared/corpus when it is there). The lexicon is loaded once, outside the timing.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier import extract, source  # noqa: E402
from dossier.model import Article  # noqa: E402

SEED = ROOT / "content" / "articles" / "lukashenko-visit-pakistan.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def _chunks(path: Path, words: int = 1000) -> list[Article]:
    """The article's paragraphs repeated and cut into texts of about ``words`` words."""
    text = path.read_text(encoding="utf-8")
    paras = [p for p in text.split("\n") if p.strip()]
    out, cur, n, k = [], [], 0, 0
    while len(out) < 4:
        p = paras[k % len(paras)]
        cur.append(p)
        n += len(p.split())
        k += 1
        if n >= words:
            data = "\n".join(cur).encode("utf-8")
            out.append(source.parse(data, path=f"chunk{len(out)}.txt", name=f"chunk{len(out)}.txt"))
            cur, n = [], 0
    return out


def _reference_loop() -> float:
    """CPU seconds of a fixed pure-Python loop: about 0.4 s on an idle recent desktop core."""
    start = time.process_time()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    if args.articles:
        articles = [source.read(p, max_bytes=64 * 1024 * 1024) for p in args.articles]
    else:
        articles = _chunks(SEED)
        if CORPUS.is_dir():
            articles += [source.read(p, max_bytes=1 << 24) for p in sorted(CORPUS.glob("*.txt"))]
    lexicon = extract.load_lexicon(None)
    words = sum(len(p.text.split()) for a in articles for p in a.paragraphs)
    for a in articles:                     # warm up
        extract.extract(a, lexicon)
    best = float("inf")
    best_reference = float("inf")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    for _ in range(args.repeat):
        start = time.process_time()
        for a in articles:
            extract.extract(a, lexicon)
        best = min(best, time.process_time() - start)
        # a fixed pure-Python loop after each round, timed the same way: on a shared machine the
        # best of both are taken at similar moments, so their ratio moves less than either
        best_reference = min(best_reference, _reference_loop())
    ms_per_1000 = best * 1000 / (words / 1000)
    reference = best_reference * 1000
    print(f"articles={len(articles)} words={words} best_of={args.repeat} "
          f"ms_per_1000_words={ms_per_1000:.2f} articles_per_s={len(articles) / best:.1f} "
          f"reference_loop_ms={reference:.0f} "
          f"ms_per_1000_words_at_400ms_reference={ms_per_1000 * 400 / reference:.2f} load={load:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
