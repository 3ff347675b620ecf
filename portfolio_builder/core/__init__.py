"""Headless domain library: everything the desktop does, core can do; never imports Qt.

Packages by concern, each importing only those before it: scheme (what differs between schemes),
storage (the portfolio file), framework (the portfolio's framework copy, setting and staff),
privacy (what leaves, cleaned), evidence, planning (audit, plans, readiness), shape (portfolio.json),
documents (PDF, Word, HTML), bundle (export and verify), assessor (read-only view and report), demo.
Base modules any package may import: errors, resources, vocabularies, licences.
"""
