"""Catalogs, extraction, build-time translation and per-language search."""
