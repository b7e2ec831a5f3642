"""Serving the site safely: the security policy read off the built pages
(:mod:`.policy`) and written for each kind of host (:mod:`.recipes`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from . import recipes
from .policy import SitePolicy, forget, read_site, remember, scan, security_headers, source_hash
from .recipes import meta_policy

__all__ = ["SitePolicy", "finish", "in_page"]

_REFERRER = '<meta name="referrer" content="no-referrer">'


def finish(site: Path, templates: Sequence[Path], name: str, display: Callable[[Path], str]) -> SitePolicy:
    """Read the policy off every built page, then write every host's recipe."""
    policy = read_site(site, templates, display)
    forget()
    recipes.write_all(site, policy.headers, name)
    return policy


def in_page(html: str, with_policy: bool) -> str:
    """Every page asks for no referrer itself, whatever the host sends; ``with_policy``
    (hosts that set no headers) also carries the page's Content-Security-Policy, first in
    its head, before any script. The page is scanned for :func:`finish` in the process that builds it."""
    if "<head>" in html:
        added = _REFERRER
        if with_policy:
            hashes = [source_hash(script) for script in scan(html).scripts]
            policy = meta_policy(security_headers(hashes)["Content-Security-Policy"])
            added = f'<meta http-equiv="Content-Security-Policy" content="{policy}">' + added
        html = html.replace("<head>", "<head>" + added, 1)
    remember(html)
    return html
