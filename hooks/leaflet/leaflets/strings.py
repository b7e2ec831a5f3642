"""Interface strings of the printed leaflet, marked for extraction (``make catalogs``).

The catalogs translate them as they do every interface string; until a
language has a current translation, the English shows.
"""

from __future__ import annotations

from ..content.strings import N_

READ_LEAFLET_ONLINE = N_("Read this leaflet online:")
READ_PAGE_ONLINE = N_("Read this page online:")
LEAFLET_QR = N_("QR code of this leaflet's address online")
PAGE_QR = N_("QR code of this page's address online")
PAGE_NUMBER = N_("Page %(page)s of %(pages)s")
