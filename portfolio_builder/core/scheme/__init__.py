"""What differs between quality-mark schemes, held as data: words, scale, evidence rule, priorities, documents.

This package owns the scheme definition (model.py), its one evidence rule (evidence_rule.py), the
TOML framework file format that carries it (framework_file.py) and how a portfolio stores it
(store.py). Code elsewhere asks the scheme what to do and never tests which scheme it is. It may
import the standard library, pydantic, tomllib/tomli_w and core.errors / core.resources only;
storage code (store.py) may also import core.portfolio_file.
"""
