"""The portfolio's own copy of its framework: themes, descriptors, best-fit judgements, the setting and its staff.

Owns editing what the setting types in from its award pack (add, paste, edit, reorder, merge a
framework file), the per-theme best fit, creating a portfolio, and looking things up by the names
people type. May import: core base modules, core.scheme and core.storage.
"""
