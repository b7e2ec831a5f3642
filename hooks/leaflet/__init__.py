"""Core of the patient-information site: plain Python, no MkDocs imports.

The MkDocs hooks and the reviewer command both call into this package, so
that the rules outlive the site generator.
"""
