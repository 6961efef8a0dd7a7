"""Parallel builds: the same site, analyses and messages whatever the number of workers."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from dossier import cache, pipeline
from dossier.errors import BuildFailed

from .sitekit import ANA, ENTITY_TEMPLATES, KOFI, MEI, OLAV, make_site, run_build, tree, urls_of

PEOPLE = [ANA, KOFI, MEI, OLAV]
VISITS = {f"visit-{n:02d}": (f"2023-{n % 12 + 1:02d}-{n % 27 + 1:02d}",
                             [PEOPLE[n % 4], PEOPLE[(n + 1) % 4]] if n % 3 else None)
          for n in range(30)}


def built(root: Path, jobs: int) -> tuple[dict[str, bytes], dict[str, bytes], pipeline.BuildReport]:
    config = make_site(root, per_page=4, visits=VISITS)
    report = run_build(config, jobs=jobs, min_parallel=1)
    return tree(root / "_site"), tree(root / "content" / "analysis"), report


def recorded_digests(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Each output's digest and the derived tokens, as the build recorded them."""
    folder = root / ".dossier-cache"
    return cache.load(folder).outputs, cache.load_entries(folder).derived


def test_one_worker_and_two_make_the_same_site(tmp_path: Path):
    site1, analyses1, report1 = built(tmp_path / "one", jobs=1)
    digests1 = recorded_digests(tmp_path / "one")
    site2, analyses2, report2 = built(tmp_path / "two", jobs=2)
    assert site1 == site2
    assert analyses1 == analyses2
    # digests walked in workers are the ones one process finds (in the same folder: the
    # files' paths are part of them)
    run_build(tmp_path / "one" / "config.yaml", jobs=2, min_parallel=1, clean=True)
    assert recorded_digests(tmp_path / "one") == digests1 and len(digests1[1]) > 30
    assert report1.rendered == report2.rendered and report1.notes == report2.notes
    assets = [name for name in site1 if name.startswith("assets/")]
    downloads = [name for name in site1 if name.startswith("briefings/") and name.endswith(".yaml")]
    assert len(assets) == 3 and len(downloads) == len(analyses1) == 30   # css, icon, search.js
    assert report1.pages == len(site1) - 1 - len(assets) - len(downloads)   # and the marker


def test_problems_are_the_same_and_in_the_same_order(tmp_path: Path):
    messages = []
    for jobs in (1, 2):
        root = tmp_path / f"jobs-{jobs}"
        make_site(root, per_page=4, visits=VISITS)
        for slug in ("visit-04", "visit-17", "visit-25"):
            path = root / "content" / "analysis" / f"{slug}.yaml"
            path.write_text(path.read_text().replace("evidence: [p1, p2]", "evidence: [p9]", 1))
        with pytest.raises(BuildFailed) as failed:
            run_build(root / "config.yaml", jobs=jobs, min_parallel=1)
        messages.append([str(p).replace(str(root), "ROOT") for p in failed.value.problems])
    assert messages[0] == messages[1]
    assert [m.split(":")[0] for m in messages[0]] == ["content/analysis/visit-04.yaml",
                                                       "content/analysis/visit-17.yaml",
                                                       "content/analysis/visit-25.yaml"]


def test_an_incremental_build_with_workers_equals_one_without(tmp_path: Path):
    sites = []
    for jobs in (1, 2):
        root = tmp_path / f"jobs-{jobs}"
        config = make_site(root, per_page=4, visits=VISITS)
        run_build(config, jobs=jobs, min_parallel=1)
        (root / "templates" / "partials").mkdir()
        (root / "templates" / "partials" / "pager.html").write_text(
            "{% macro pager(listing) %}<p>{{ listing.number }}/{{ listing.count }}</p>"
            "{% endmacro %}\n")
        report = run_build(config, jobs=jobs, min_parallel=1)
        # the lists that have pages: the home page, the indexes, busy entities' appearances
        assert set(report.rendered) == urls_of(config, "index.html", "entities.html",
                                               *ENTITY_TEMPLATES)
        assert "<p>2/" in (root / "_site" / "index-2.html").read_text()
        sites.append(tree(root / "_site"))
    assert sites[0] == sites[1]


def test_work_is_mapped_in_order_in_and_out_of_process():
    seen = []
    for jobs in (1, 3):
        results = list(pipeline._map(_square, 10, list(range(50)), jobs=jobs, min_items=1,
                                     progress=lambda stage, done, total: seen.append(
                                         (stage, done, total)), stage="Squaring"))
        assert results == [10 * n * n for n in range(50)]
    assert seen[-1] == ("Squaring", 50, 50)


def test_an_error_in_a_worker_reaches_the_caller():
    with pytest.raises(ZeroDivisionError):
        list(pipeline._map(_divide, 1, [3, 2, 1, 0, 5], jobs=2, min_items=1,
                           progress=pipeline._silent, stage=""))


def test_workers_are_replaced_after_their_time(monkeypatch):
    monkeypatch.setattr(pipeline, "WORKER_SECONDS", 0.0)
    results = list(pipeline._map(_slow_pid, 0.01, list(range(40)), jobs=2, min_items=1,
                                 progress=pipeline._silent, stage=""))
    assert [n for n, _ in results] == list(range(40))
    workers = {pid for _, pid in results} - {os.getpid()}
    assert len(workers) > 1                 # a fresh fork took over from the first worker


def _slow_pid(pause: float, n: int) -> tuple[int, int]:
    time.sleep(pause)
    return n, os.getpid()


def _square(factor: int, n: int) -> int:
    return factor * n * n


def _divide(numerator: int, n: int) -> float:
    return numerator / n
