"""portfolio.json as one typed shape: built from a portfolio, dumped into a bundle, validated once when read.

Owns the exchange format (format 2, and reading format 1) that documents, the assessor's pages and
the report all read; `verify` checks it against a schema derived from the models (resources/shapes),
without importing pydantic (shape_check.py, shape_fast.py).
May import: core base modules, core.scheme, core.storage and core.evidence.
"""
