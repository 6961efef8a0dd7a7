"""The command line, end to end on temporary sites: exit statuses and messages word for word."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dossier.cli import main

from .conftest import ROOT, SEED


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the shipped site: config.yaml and the seed article."""
    (tmp_path / "content" / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "config.yaml", tmp_path / "config.yaml")
    shutil.copy(SEED, tmp_path / "content" / "articles" / SEED.name)
    (tmp_path / "templates").mkdir()
    return tmp_path


def test_build_writes_the_site_and_the_analysis(site: Path):
    code, out, err = run("build", "--config", str(site / "config.yaml"))
    assert code == 0, err
    assert out.startswith("Built 1 briefing, ")
    assert (site / "_site" / "index.html").is_file()
    assert (site / "_site" / "briefings" / "lukashenko-visit-pakistan.html").is_file()
    assert (site / "content" / "analysis" / "lukashenko-visit-pakistan.yaml").is_file()


def test_extract_stdout_prints_the_analysis_of_any_file(tmp_path: Path):
    code, out, err = run("extract", "--stdout", str(SEED), "--config", str(tmp_path / "none.yaml"))
    assert code == 0, err
    data = yaml.safe_load(out)
    assert data["schema"] == 1
    assert data["source"]["sha256"] and data["title"]
    assert list(tmp_path.iterdir()) == []           # wrote nothing


def test_extract_force_keeps_a_backup(site: Path):
    config = str(site / "config.yaml")
    assert run("build", "--config", config)[0] == 0
    path = site / "content" / "analysis" / "lukashenko-visit-pakistan.yaml"
    path.write_text(path.read_text() + "# reviewed\n")
    code, out, _ = run("extract", "--force", "lukashenko-visit-pakistan", "--config", config)
    assert code == 0
    assert out == ("lukashenko-visit-pakistan: extracted (the previous file is kept as "
                   "lukashenko-visit-pakistan.yaml.bak)\n")
    assert path.with_name(path.name + ".bak").read_text().endswith("# reviewed\n")
    assert not path.read_text().endswith("# reviewed\n")


def test_extract_unknown_slug(site: Path):
    code, _, err = run("extract", "no-such-visit", "--config", str(site / "config.yaml"))
    assert code == 1
    assert err == ("error: no article has the slug 'no-such-visit'; known slugs: "
                   "lukashenko-visit-pakistan\n")


def test_an_edited_analysis_survives_a_changed_article(site: Path):
    config = str(site / "config.yaml")
    run("build", "--config", config)
    analysis = site / "content" / "analysis" / "lukashenko-visit-pakistan.yaml"
    edited = analysis.read_text().replace("title: ", "title: Reviewed — ", 1)
    analysis.write_text(edited)
    article = site / "content" / "articles" / SEED.name
    article.write_text(article.read_text(encoding="utf-8") + "\nA late paragraph.\n", encoding="utf-8")
    code, out, err = run("build", "--config", config)
    assert code == 0
    assert analysis.read_text() == edited
    assert analysis.with_name(analysis.name + ".new").is_file()
    assert err == (f"note: content/articles/{SEED.name}: the article changed after this analysis "
                   "was edited by hand; your file is kept and the fresh extraction is in "
                   "lukashenko-visit-pakistan.yaml.new: merge what you need, then run "
                   "'dossier accept lukashenko-visit-pakistan'\n")
    page = (site / "_site" / "briefings" / "lukashenko-visit-pakistan.html").read_text()
    assert "Reviewed — " in page
    code, out, _ = run("accept", "lukashenko-visit-pakistan", "--config", config)
    assert (code, out) == (0, "lukashenko-visit-pakistan: accepted as reviewed against the current "
                              "article\n")
    assert not analysis.with_name(analysis.name + ".new").exists()


def test_check_reports_every_broken_file_and_writes_nothing(site: Path):
    config = str(site / "config.yaml")
    run("build", "--config", config)
    articles = site / "content" / "articles"
    (articles / "empty.txt").write_bytes(b"")
    (articles / "latin.txt").write_bytes("Caf\xe9".encode("latin-1"))
    analysis = site / "content" / "analysis" / "lukashenko-visit-pakistan.yaml"
    analysis.write_text(analysis.read_text().replace("title: ", "titel: ", 1))
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    code, out, err = run("check", "--config", config)
    assert code == 1
    line = next(n for n, t in enumerate(analysis.read_text().splitlines(), 1) if t.startswith("titel:"))
    assert err.splitlines() == [
        "error: content/articles/empty.txt: the file is empty; write the article text or remove the file",
        "error: content/articles/latin.txt:1: not UTF-8 text: byte 0xe9 at offset 3 cannot be "
        "decoded; save the file as UTF-8",
        f"error: {analysis}:{line}: key 'titel': unknown key; known keys here: schema, source, title, "
        "date, summary, countries, delegates, people, topics, focus_areas, mous, mou_count, "
        "prospects, figures, places, issues, defects, tags",
        f"error: {analysis}:3: key 'title': required key is missing",
        "error: build failed: 4 problems in 3 files; the previous site was left as it was",
    ]
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_check_of_a_valid_site_says_what_it_checked(site: Path):
    config = str(site / "config.yaml")
    run("build", "--config", config)
    assert run("check", "--config", config) == (0, "OK: config, 1 article and 1 analysis are valid\n", "")
    (site / "content" / "articles" / "second.txt").write_text(
        "President Ana Ruiz of Arvenia visited Estmark on Monday.\n", encoding="utf-8")
    run("build", "--config", config)
    assert run("check", "--config", config)[1] == "OK: config, 2 articles and 2 analyses are valid\n"


def test_a_failed_build_leaves_the_previous_site(site: Path):
    config = str(site / "config.yaml")
    run("build", "--config", config)
    index = (site / "_site" / "index.html").read_bytes()
    (site / "content" / "articles" / "bad.md").write_bytes(b"\x00\x01binary")
    code, _, err = run("build", "--config", config)
    assert code == 1
    assert "error: content/articles/bad.md: this is a binary file, not text" in err
    assert (site / "_site" / "index.html").read_bytes() == index


def test_the_program_flushes_what_it_printed_and_exits_with_the_status(site: Path):
    """build.py ends the process without the interpreter's teardown (cli.run): what it
    printed to pipes must still arrive, and the status must be main()'s."""
    config = str(site / "config.yaml")
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}

    def program(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(ROOT / "build.py"), *argv, "--config", config],
                              capture_output=True, text=True, cwd=site, env=buffered, timeout=300)

    built = program("build")
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("Built 1 briefing, 1")
    assert program("check").stdout == "OK: config, 1 article and 1 analysis are valid\n"
    (site / "content" / "articles" / "empty.txt").write_bytes(b"")
    failed = program("build")
    assert (failed.returncode, failed.stdout) == (1, "")
    assert failed.stderr.splitlines() == [
        "error: content/articles/empty.txt: the file is empty; write the article text or remove "
        "the file",
        "error: build failed: 1 problem in 1 file; the previous site was left as it was",
    ]


def test_two_articles_with_one_slug(site: Path):
    articles = site / "content" / "articles"
    (articles / "visit.txt").write_text("One visit.")
    (articles / "visit.md").write_text("Another visit.")
    code, _, err = run("build", "--config", str(site / "config.yaml"))
    assert code == 1
    assert ("error: content/articles/visit.txt: has the same slug 'visit' as "
            "content/articles/visit.md; rename one of them or set 'slug:' in its front matter") in err


def test_missing_default_templates_and_static_folders_mean_the_built_in_ones(site: Path):
    shutil.rmtree(site / "templates")
    assert not (site / "static").exists()
    code, out, err = run("build", "--config", str(site / "config.yaml"))
    assert (code, err) == (0, "")
    assert out.startswith("Built 1 briefing, ")
    assert "made with Dossier" in (site / "_site" / "index.html").read_text()


def test_folders_named_in_the_config_must_exist(site: Path):
    config = site / "config.yaml"
    config.write_text(config.read_text().replace("templates: templates", "templates: layouts")
                      .replace("static: static", "static: assets")
                      .replace("articles: content/articles", "articles: content/texts"))
    code, _, err = run("build", "--config", str(config))
    assert code == 1
    assert err == (f"error: {config}: key 'paths.articles': the folder "
                   f"'{site / 'content' / 'texts'}' does not exist; create it (it may stay empty) "
                   "or fix the setting\n"
                   f"error: {config}: key 'paths.templates': the folder '{site / 'layouts'}' does "
                   "not exist; create it (it may stay empty), fix the path, or remove the setting "
                   "to use the built-in templates\n"
                   f"error: {config}: key 'paths.static': the folder '{site / 'assets'}' does not "
                   "exist; create it (it may stay empty), fix the path, or remove the setting to "
                   "use the built-in static files\n"
                   "error: build failed: 3 problems in 1 file; the previous site was left as it "
                   "was\n")


def test_new_scaffolds_a_site_that_builds(tmp_path: Path):
    target = tmp_path / "mysite"
    code, out, _ = run("new", str(target))
    assert code == 0
    assert out.startswith(f"Created a Dossier site in {target}: config.yaml, content/articles/")
    code, out, err = run("build", "--config", str(target / "config.yaml"))
    assert code == 0, err
    assert (target / "_site" / "briefings" / "example-state-visit.html").is_file()
    code, _, err = run("new", str(target))
    assert (code, err) == (1, f"error: {target}: the folder is not empty; choose a new folder "
                              "for the site\n")


def test_usage_mistakes_exit_2_with_a_hint(capsys):
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "dossier: error: argument COMMAND: invalid choice: 'frobnicate'" in err
    assert err.endswith("Run 'dossier --help' to see the commands and options.\n")
    assert main(["build", "--colour"]) == 2
    assert "unrecognized arguments: --colour" in capsys.readouterr().err


def test_help_for_every_command(capsys):
    for command in ("build", "extract", "check", "accept", "new"):
        assert main([command, "--help"]) == 0
        assert f"usage: dossier {command}" in capsys.readouterr().out
