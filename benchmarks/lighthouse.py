"""Lighthouse 12, mobile, simulated throttling, on /, /fr/risks/ and /ar/risks/ (issue 13),
with the site served as a clinic would serve it: nginx, gzip on, the build's own
security headers (site/_hosting/nginx.conf).

Run by hand from the repository root; needs Debian's nginx-light and chromium, and npm::

    npm install --prefix .tools/lighthouse --no-save --no-audit --no-fund lighthouse@12.8.2
    .venv/bin/python benchmarks/lighthouse.py

The site is built with ``site_url`` set to the address it is served from, as a
deployed site's is (its canonical and hreflang links point at its own host).
Prints the four scores and the paint timings per page; asserts nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from projects import ROOT, build, copy_project, read_config, write_config

PORT = 8089
PAGES = ("", "fr/risks/", "ar/risks/")
LIGHTHOUSE = ROOT / ".tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def serve(site: Path, work: Path) -> subprocess.Popen[bytes]:
    temp = " ".join(f"{kind}_temp_path {work};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        f"daemon off; pid {work}/nginx.pid; error_log {work}/error.log; user root;\nevents {{}}\n"
        f"http {{ access_log off; include /etc/nginx/mime.types; {temp}\n"
        "  gzip on; gzip_types text/css application/javascript application/json image/svg+xml text/xml;\n"
        f"  server {{ listen 127.0.0.1:{PORT}; root {site}; include {site}/_hosting/nginx.conf; }} }}\n",
        encoding="utf-8",
    )
    return subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work)])


def audit(url: str, output: Path) -> dict:
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}", "--form-factor=mobile",
         "--throttling-method=simulate", "--chrome-flags=--headless=new --no-sandbox"],
        env={"CHROME_PATH": "/usr/bin/chromium", "PATH": "/usr/bin:/bin"}, check=True, capture_output=True,
    )
    return json.loads(output.read_text(encoding="utf-8"))


def main() -> None:
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"Lighthouse not found at {LIGHTHOUSE}; see this script's docstring")
    with tempfile.TemporaryDirectory(prefix="leaflet-lighthouse-") as temporary:
        work = Path(temporary)
        project = copy_project(work / "project")
        config = read_config(project)
        config["site_url"] = f"http://127.0.0.1:{PORT}/"
        write_config(project, config)
        build(project, work / "site")
        server = serve(work / "site", work)
        try:
            for page in PAGES:
                result = audit(f"http://127.0.0.1:{PORT}/{page}", work / "report.json")
                scores = {name: round(category["score"] * 100) for name, category in result["categories"].items()}
                audits = result["audits"]
                timings = ", ".join(
                    f"{name} {audits[key]['displayValue']}"
                    for name, key in (("FCP", "first-contentful-paint"), ("LCP", "largest-contentful-paint"),
                                      ("TBT", "total-blocking-time"), ("CLS", "cumulative-layout-shift"))
                )
                print(f"/{page:<12} {scores}  {timings}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
