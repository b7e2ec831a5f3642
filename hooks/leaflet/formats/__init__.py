"""The coverage report's formats for people and machines, from one model (:mod:`leaflet.model`).

:mod:`leaflet.report` lists them (``FORMATS``); :mod:`.words` holds the wording
they share, :mod:`.ci` the CI formats (GitHub annotations, JUnit XML),
:mod:`.html` the progress page and :mod:`.badge` the per-language badges.
"""
