"""Validity: the Nu HTML checker (vnu-jar from package.json, run with `java`) reports no error
on any generated page, stylesheet or SVG of the example site and the seed site, in one JVM run
that also checks a known-bad page, so a checker that stopped working cannot pass. (The run
starts with the first browser test, see conftest.py; this test reads its result.)

(The feed and sitemap parsing as XML and JSON-LD parsing as JSON are checked by
tests/test_examples_build.py.)
"""
from __future__ import annotations


def test_nu_html_checker_finds_no_errors_in_example_and_seed_sites(nu_check, example_site,
                                                                     seed_site):
    status, checked, messages = nu_check.result()
    expected = {p.resolve() for site in (example_site, seed_site)
                for pattern in ("*.html", "*.css", "*.svg") for p in site.rglob(pattern)}
    assert len([p for p in expected if p.suffix == ".html"]) > 60
    assert expected - checked == set(), "files the checker did not check"

    errors: dict[str, list[str]] = {}
    for m in messages:
        where = m.get("url", "").removeprefix("file:")
        errors.setdefault(where, []).append(
            f"{m.get('lastLine', '?')}.{m.get('firstColumn', '?')}: {m['type']}: {m['message']}")
    canary_errors = errors.pop(str(nu_check.canary), [])
    assert any("Element “div” not allowed as child of element “ul”" in e
               for e in canary_errors)
    assert any("Stray end tag “span”" in e for e in canary_errors)
    assert errors == {}, "\n".join(f"{page}:\n  " + "\n  ".join(lines)
                                   for page, lines in errors.items())
    assert status == 1        # because of the canary, and only the canary
