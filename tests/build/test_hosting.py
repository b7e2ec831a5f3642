"""The security policy of a real build: written for every host, true to the pages,
served by a real nginx, and a strict failure for what no hash can allow."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import missing, run_build
from leaflet.hosting.policy import scan, source_hash

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _policy(site: Path) -> dict[str, str]:
    rules = (site / "_headers").read_text(encoding="utf-8").split("\n/assets", 1)[0]
    return dict(line.strip().split(": ", 1) for line in rules.splitlines()[1:])


def test_every_host_s_recipe_is_written(site: Path) -> None:
    for name in ("_headers", ".htaccess", "_hosting/nginx.conf", "_hosting/cloudfront-response-headers.json",
                 "_hosting/meta-policy.txt"):
        assert (site / name).is_file(), name
    configured = json.loads((site / "_hosting/cloudfront-response-headers.json").read_text(encoding="utf-8"))
    csp = configured["SecurityHeadersConfig"]["ContentSecurityPolicy"]["ContentSecurityPolicy"]
    assert csp == _policy(site)["Content-Security-Policy"]


def test_the_policy_allows_exactly_the_inline_scripts_the_pages_run(site: Path) -> None:
    allowed = _policy(site)["Content-Security-Policy"].split("script-src ", 1)[1].split(";", 1)[0].split()
    run = {source_hash(script) for page in site.rglob("*.html") for script in scan(page.read_text("utf-8")).scripts}
    assert run
    assert sorted(run) == sorted(allowed[1:])
    assert allowed[0] == "'self'"


def test_every_page_asks_for_no_referrer(site: Path) -> None:
    for page in site.rglob("*.html"):
        assert '<meta name="referrer" content="no-referrer">' in page.read_text(encoding="utf-8"), page


def test_an_inline_handler_fails_the_strict_build_at_its_template(project: Path) -> None:
    template = project / "overrides/partials/leaflet-contacts.html"
    lines = template.read_text(encoding="utf-8").splitlines()
    lines.insert(1, '<button onclick="window.print()">Print</button>')
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert "overrides/partials/leaflet-contacts.html:2: csp-unhashable the page " in build.output
    assert "carries 'onclick=\"window.print()\"', which no hash in the Content-Security-Policy can allow" in (
        build.output
    )


def test_github_pages_gets_the_policy_in_each_page(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "extra:\n", "extra:\n  hosting: {policy_in_pages: true}\n", 1), encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    page = (build.site / "fr/risks/index.html").read_text(encoding="utf-8")
    head = page.split("<script", 1)[0]
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\' ' in head
    assert "frame-ancestors" not in head


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def _serving(command: list[str], port: int, name: str) -> Iterator[str]:
    """A real server started with ``command``, once it answers on ``port``."""
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"{name} did not start: {server.stderr.read() if server.stderr else ''}")
                time.sleep(0.05)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def _sends_the_policy(site: Path, base: str, pages: tuple[str, ...]) -> None:
    """Every page and a fingerprinted asset arrive with every header and their cache lifetime."""
    expected = _policy(site)
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js")).relative_to(site).as_posix()
    lifetimes = [(page, "no-cache") for page in pages] + [(f"/{bundle}", "public, max-age=31536000, immutable")]
    for path, cache in lifetimes:
        with urllib.request.urlopen(base + path, timeout=10) as response:
            for name, value in expected.items():
                assert response.headers[name] == value, (path, name)
            assert response.headers["Cache-Control"] == cache, path


@pytest.fixture
def nginx(site: Path, tmp_path: Path) -> Iterator[str]:
    if not Path(NGINX).is_file():
        missing("nginx not found; install Debian's nginx-light package")
    port = _free_port()
    config = tmp_path / "nginx.conf"
    config.write_text(
        # as root (CI), workers would run as nobody, who cannot read pytest's private folders
        f"daemon off; pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        f"{'user root;' if os.geteuid() == 0 else ''}\n"
        f"events {{}}\nhttp {{ access_log off; include /etc/nginx/mime.types;\n"
        f"  client_body_temp_path {tmp_path}; proxy_temp_path {tmp_path}; fastcgi_temp_path {tmp_path};\n"
        f"  uwsgi_temp_path {tmp_path}; scgi_temp_path {tmp_path};\n"
        f"  server {{ listen 127.0.0.1:{port}; root {site}; include {site}/_hosting/nginx.conf; }}\n}}\n",
        encoding="utf-8",
    )
    with _serving([NGINX, "-c", str(config), "-p", str(tmp_path)], port, "nginx") as base:
        yield base


def test_nginx_serves_the_policy_with_the_generated_snippet(site: Path, nginx: str) -> None:
    _sends_the_policy(site, nginx, ("/", "/fr/risks/", "/zh-Hans/search/search_index.json"))
    expected = _policy(site)
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(nginx + "/no-such-page/", timeout=10)
    assert raised.value.code == 404
    assert raised.value.headers["Content-Security-Policy"] == expected["Content-Security-Policy"]


APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")


@pytest.fixture
def apache(site: Path, tmp_path: Path) -> Iterator[str]:
    """Debian's Apache serving a world-readable copy of the site (its workers drop root)
    with nothing but the modules a static site needs and the site's own .htaccess."""
    if not Path(APACHE).is_file():
        missing("Apache not found; install Debian's apache2 package")
    served = Path(tempfile.mkdtemp(prefix="leaflet-apache-"))
    shutil.copytree(site, served / "site")
    for path in [served, *served.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    port = _free_port()
    modules = "\n".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so"
                        for name in ("mpm_event", "authz_core", "dir", "mime", "headers"))
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    config = tmp_path / "httpd.conf"
    config.write_text(
        f"ServerRoot {tmp_path}\nServerName 127.0.0.1\nListen 127.0.0.1:{port}\nPidFile {tmp_path}/httpd.pid\n"
        f"ErrorLog {tmp_path}/error.log\n{modules}\n{user}TypesConfig /etc/mime.types\n"
        f"DocumentRoot {served}/site\nDirectoryIndex index.html\n"
        f"<Directory {served}/site>\n  AllowOverride FileInfo\n  Require all granted\n</Directory>\n",
        encoding="utf-8",
    )
    try:
        with _serving([APACHE, "-f", str(config), "-X"], port, "Apache") as base:
            yield base
    finally:
        shutil.rmtree(served, ignore_errors=True)


def test_apache_serves_the_policy_from_the_site_s_htaccess(site: Path, apache: str) -> None:
    _sends_the_policy(site, apache, ("/", "/ar/risks/"))
