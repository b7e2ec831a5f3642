"""Printed leaflets: one PDF of the whole leaflet per published language.

``make leaflets`` (``python -m leaflet.leaflets``) runs after ``make site``:
it opens the built site in Chromium, joins the pages in navigation order
behind a title page, prints them with the site's own print stylesheet, and
writes ``leaflet-<tag>.pdf`` at each language's root. The QR codes are made
here, at build time, with ``segno``. ``make site`` never needs any of it,
except :mod:`.qr`, which the hooks call for each page's print view.
"""
