"""The assessor's side: a bundle opened read-only, browsed, judged, and the Assessor's Report written.

Owns the session over a verified bundle (private read-only copies, removed on close), the browse
tree and its pages, the assessor's own judgements file and the report (Word and PDF).
May import: core base modules, core.scheme, core.shape, core.documents, core.bundle and core.privacy.
"""
