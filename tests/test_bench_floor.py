"""The benchmark's floor under a one-article edit: one fresh process that imports the
extractor, loads the lexicon and extracts the seed article, each step timed."""
from __future__ import annotations

import sys

from bench import floor


def test_a_fresh_process_times_each_step_of_one_extraction():
    timed = floor.run_once(sys.executable, floor.SEED)
    assert list(timed) == ["start", *floor.STEPS, "total"]
    assert all(timed[step] > 0 for step in floor.STEPS)
    assert 0 < timed["start"] < timed["total"]


def test_the_floor_prints_the_medians(capsys):
    assert floor.main(["--repeat", "1"]) == 0
    line = capsys.readouterr().out
    assert line.startswith("start=") and "extract=" in line and "median of 1" in line
