"""leaflet.hosting: the policy read off pages, and each host's recipe of it."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from leaflet.hosting import in_page
from leaflet.hosting.policy import CODE, content_security_policy, read_site, scan, security_headers, source_hash
from leaflet.hosting.recipes import apache, cloudfront, hashed_assets, meta_policy, netlify, nginx

PAGE = """<!doctype html><html><head><script>var a=1</script>
<script id="__config" type="application/json">{"x": 1}</script>
<script src="assets/bundle.js"></script></head><body><p>x</p></body></html>"""


def test_inline_scripts_are_found_and_data_is_not() -> None:
    assert scan(PAGE).scripts == ("var a=1",)
    assert scan(PAGE).unhashable == ()


@pytest.mark.parametrize(
    "markup",
    ['<a href="javascript:alert(1)">x</a>', '<button onclick="go()">x</button>', '<p style="color:red">x</p>',
     "<style>p{}</style>", '<img src=" JavaScript:x">'],
)
def test_what_no_hash_can_allow_is_found(markup: str) -> None:
    assert len(scan(f"<html><body>{markup}</body></html>").unhashable) == 1


def test_the_hash_is_csp_s_sha256_of_the_utf8_text() -> None:
    expected = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    assert source_hash("var a=1") == f"'sha256-{expected}'"


def test_the_policy_allows_the_site_s_own_files_and_the_hashed_scripts_only() -> None:
    policy = dict(part.split(" ", 1) for part in content_security_policy(["'sha256-b'", "'sha256-a'"]).split("; "))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self' 'sha256-a' 'sha256-b'"
    assert "'unsafe-inline'" not in policy["style-src"]
    assert (policy["worker-src"], policy["frame-ancestors"], policy["base-uri"], policy["form-action"]) == (
        "'self'", "'none'", "'self'", "'none'",
    )
    assert not any("unsafe" in value for value in policy.values())


def test_every_header_the_clinic_needs() -> None:
    headers = security_headers([])
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]


def site_with(tmp_path: Path, body: str) -> Path:
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "fr" / "index.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return site


def test_an_inline_handler_is_named_at_the_template_that_writes_it(tmp_path: Path) -> None:
    templates = tmp_path / "overrides" / "partials"
    templates.mkdir(parents=True)
    (templates / "footer.html").write_text('<footer>\n  <button onclick="track()">Top</button>\n</footer>\n')
    policy = read_site(site_with(tmp_path, '<button onclick="track()">Top</button>'), [tmp_path / "overrides"],
                       lambda p: p.relative_to(tmp_path).as_posix())
    [finding] = policy.findings
    assert (finding.file, finding.line, finding.code) == ("overrides/partials/footer.html", 2, CODE)
    assert "fr/index.html" in finding.message
    assert "onclick=\"track()\"" in finding.message


def test_a_clean_site_has_its_scripts_hashed_and_no_findings(tmp_path: Path) -> None:
    policy = read_site(site_with(tmp_path, "<p>ok</p>"), [], str)
    assert policy.findings == ()
    assert policy.script_hashes == (source_hash("var a=1"),)


def test_each_recipe_carries_every_header() -> None:
    headers = security_headers([source_hash("var a=1")])
    assets = ["/assets/javascripts/bundle.a5f9d56c.min.js"]
    for text in (netlify(headers, assets), apache(headers), nginx(headers)):
        for name, value in headers.items():
            assert name in text, name
            assert value in text.replace('\\"', '"'), name
    configured = json.loads(cloudfront(headers, "leaflet"))
    security = configured["SecurityHeadersConfig"]
    assert security["ContentSecurityPolicy"]["ContentSecurityPolicy"] == headers["Content-Security-Policy"]
    assert security["ReferrerPolicy"]["ReferrerPolicy"] == "no-referrer"
    custom = {item["Header"]: item["Value"] for item in configured["CustomHeadersConfig"]["Items"]}
    assert custom == {k: headers[k] for k in ("Permissions-Policy", "Cross-Origin-Opener-Policy")}
    assert len(headers["Content-Security-Policy"]) <= 1783  # CloudFront's limit for the policy


def test_fingerprinted_assets_are_kept_and_found(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    for name in ("bundle.a5f9d56c.min.js", "lunr.fr.min.js", "main.57a0d79d.min.css"):
        (tmp_path / "assets" / name).write_text("x")
    assets = hashed_assets(tmp_path)
    assert assets == ["/assets/bundle.a5f9d56c.min.js", "/assets/main.57a0d79d.min.css"]
    assert "/assets/bundle.a5f9d56c.min.js\n  Cache-Control: public, max-age=31536000, immutable" in netlify({}, assets)


def test_a_meta_policy_leaves_out_what_meta_cannot_carry() -> None:
    policy = meta_policy(content_security_policy([]))
    assert "frame-ancestors" not in policy
    assert "default-src 'self'" in policy


def test_every_page_asks_for_no_referrer_and_may_carry_its_policy() -> None:
    page = in_page(PAGE, with_policy=False)
    assert '<head><meta name="referrer" content="no-referrer">' in page
    assert "Content-Security-Policy" not in page
    with_policy = in_page(PAGE, with_policy=True)
    head = with_policy.split("<script", 1)[0]
    assert f"script-src 'self' {source_hash('var a=1')}" in head


def test_a_page_remembered_as_written_is_not_parsed_again_and_a_changed_one_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leaflet.hosting import policy

    monkeypatch.setattr(policy, "_scanned", {})
    site = site_with(tmp_path, "<p>ok</p>")
    for page in site.rglob("*.html"):  # written as the build writes them, CR LF kept
        page.write_bytes(in_page(page.read_text(encoding="utf-8").replace("\n", "\r\n"), False).encode())
    clean = read_site(site, [], str)
    parsed: list[str] = []
    monkeypatch.setattr(policy, "scan", lambda text: parsed.append(text) or scan(text))
    assert read_site(site, [], str) == clean
    assert parsed == []
    # written after the build had scanned it: what is on disk counts
    (site / "fr" / "index.html").write_text('<html><body onload="go()"><script>x()</script></body></html>')
    changed = read_site(site, [], str)
    assert len(parsed) == 1
    assert changed.findings[0].code == CODE
    assert source_hash("x()") in changed.script_hashes


def test_the_scans_are_forgotten_once_the_site_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs serve builds again and again in one process: the pages' scans do not pile up."""
    from leaflet.hosting import finish, policy

    monkeypatch.setattr(policy, "_scanned", {})
    site = site_with(tmp_path, "<p>ok</p>")
    for page in site.rglob("*.html"):
        page.write_text(in_page(page.read_text(encoding="utf-8"), False), encoding="utf-8")
    assert len(policy._scanned) == 2
    assert finish(site, [], "leaflet", str).findings == ()
    assert policy._scanned == {}
