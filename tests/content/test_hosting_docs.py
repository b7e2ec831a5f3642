"""HOSTING.md and the example deploy workflow say what the build does."""

from __future__ import annotations

import re
from typing import Any

import yaml

from helpers import ROOT

HOSTING = (ROOT / "HOSTING.md").read_text(encoding="utf-8")
PAGES_TEXT = (ROOT / "examples/github-pages.yml").read_text(encoding="utf-8")
PAGES: dict[Any, Any] = yaml.safe_load(PAGES_TEXT)
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def test_hosting_md_names_every_file_the_build_writes() -> None:
    written = re.findall(r'site / "([^"]+)"(?: / "([^"]+)")?', (ROOT / "hooks/leaflet/hosting/recipes.py").read_text())
    names = {"/".join(filter(None, parts)) for parts in written}
    assert names == {"_headers", ".htaccess", "_hosting/nginx.conf", "_hosting/cloudfront-response-headers.json",
                     "_hosting/meta-policy.txt"}
    for name in names:
        assert f"site/{name}" in HOSTING, name
    assert "`immutable`" in HOSTING
    assert "(`no-cache`)" in HOSTING


def test_the_pages_workflow_is_pinned_and_least_privileged() -> None:
    steps = [step for job in PAGES["jobs"].values() for step in job["steps"]]
    for step in (s for s in steps if "uses" in s):
        assert PINNED.match(step["uses"]), step["uses"]
        line = next(line for line in PAGES_TEXT.splitlines() if step["uses"] in line)
        assert re.search(r"#\s*v\d+(\.\d+)*\s*$", line), line
    assert PAGES["permissions"] == {"contents": "read"}
    assert PAGES["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in PAGES["jobs"]["build"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert any(s.get("run") == "make site" for s in steps)
    assert "policy_in_pages: true" in PAGES_TEXT
