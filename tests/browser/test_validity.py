"""Validity: the Nu HTML checker (vnu-jar from package.json, run with `java`) reports no error
on any generated page, stylesheet or SVG of the example site and the seed site, nor of the
example site built with a base_url, all in one JVM run that also checks a known-bad page, so a
checker that stopped working cannot pass. (The run starts with the first browser test, see
conftest.py; these tests read its result.)

(The feed and sitemap parsing as XML and JSON-LD parsing as JSON are checked by
tests/test_examples_build.py.)
"""
from __future__ import annotations

from pathlib import Path


def site_files(*sites: Path) -> set[Path]:
    return {p.resolve() for site in sites for pattern in ("*.html", "*.css", "*.svg")
            for p in site.rglob(pattern)}


def errors_under(messages: list[dict], *folders: Path) -> dict[str, list[str]]:
    """file -> its errors, for the files under ``folders``."""
    roots = [f.resolve() for f in folders]
    errors: dict[str, list[str]] = {}
    for m in messages:
        path = Path(m.get("url", "").removeprefix("file:"))
        if any(path.is_relative_to(r) for r in roots):
            errors.setdefault(str(path), []).append(
                f"{m.get('lastLine', '?')}.{m.get('firstColumn', '?')}: {m['type']}: "
                f"{m['message']}")
    return errors


def report(errors: dict[str, list[str]]) -> str:
    return "\n".join(f"{page}:\n  " + "\n  ".join(lines) for page, lines in errors.items())


def test_nu_html_checker_finds_no_errors_in_example_and_seed_sites(nu_check, example_site,
                                                                     seed_site, base_url_site):
    status, checked, messages = nu_check.result()
    expected = site_files(example_site, seed_site, base_url_site.folder)
    assert len([p for p in expected if p.suffix == ".html"]) > 120
    assert expected - checked == set(), "files the checker did not check"

    canary = errors_under(messages, nu_check.canary.parent)[str(nu_check.canary)]
    assert any("Element “div” not allowed as child of element “ul”" in e for e in canary)
    assert any("Stray end tag “span”" in e for e in canary)
    assert status == 1                              # the canary's errors at least

    errors = errors_under(messages, example_site, seed_site)
    assert errors == {}, report(errors)


def test_nu_html_checker_finds_no_errors_with_base_url_set(nu_check, base_url_site):
    _, _, messages = nu_check.result()
    errors = errors_under(messages, base_url_site.folder)
    assert errors == {}, report(errors)
