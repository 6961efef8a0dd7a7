"""Validity: the Nu HTML checker (vnu-jar from package.json, run with `java`) reports no error
on any generated page, stylesheet or SVG of the example site and the seed site, in one JVM run
that also checks a known-bad page, so a checker that stopped working cannot pass.

(The feed and sitemap parsing as XML and JSON-LD parsing as JSON are checked by
tests/test_examples_build.py.)
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from .support import VNU_JAR, java_path, need

BAD_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bad</title></head>
<body><ul><div>not a list item</div></ul><p>stray</span></p></body></html>
"""


def test_nu_html_checker_finds_no_errors_in_example_and_seed_sites(example_site, seed_site,
                                                                     tmp_path):
    need("java", java_path() is not None)
    need("vnu-jar (node_modules/, from npm ci)", VNU_JAR.is_file())
    canary = tmp_path / "canary"
    canary.mkdir()
    (canary / "bad.html").write_text(BAD_PAGE, encoding="utf-8")
    # -Xss4m -XX:TieredStopAtLevel=1: a JVM that starts fast (the checker needs the bigger stack)
    result = subprocess.run(
        [java_path(), "-Xss4m", "-XX:TieredStopAtLevel=1", "-jar", str(VNU_JAR), "--verbose",
         "--errors-only", "--skip-non-html", "--also-check-css", "--also-check-svg",
         "--format", "json", str(example_site), str(seed_site), str(canary)],
        capture_output=True, text=True, timeout=300)
    # --verbose names each checked file on stdout; the report (JSON) goes to stderr
    checked = {Path(line).resolve() for line in result.stdout.splitlines() if line.strip()}
    expected = {p.resolve() for site in (example_site, seed_site)
                for pattern in ("*.html", "*.css", "*.svg") for p in site.rglob(pattern)}
    assert len([p for p in expected if p.suffix == ".html"]) > 60
    assert expected - checked == set(), "files the checker did not check"

    report = json.loads(result.stderr)
    errors: dict[str, list[str]] = {}
    for m in report["messages"]:
        where = m.get("url", "").removeprefix("file:")
        errors.setdefault(where, []).append(
            f"{m.get('lastLine', '?')}.{m.get('firstColumn', '?')}: {m['type']}: {m['message']}")
    bad = str((canary / "bad.html").resolve())
    canary_errors = errors.pop(bad, [])
    assert any("Element “div” not allowed as child of element “ul”" in e
               for e in canary_errors)
    assert any('Stray end tag “span”' in e for e in canary_errors)
    assert errors == {}, "\n".join(f"{page}:\n  " + "\n  ".join(lines)
                                   for page, lines in errors.items())
    assert result.returncode == 1        # because of the canary, and only the canary
