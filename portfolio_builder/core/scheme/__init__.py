"""What differs between quality-mark schemes, held as data: words, scale, evidence rule, priorities, documents.

This package owns the scheme definition (model.py; its rating scale in scale.py; its consistency
rules in scheme_rules.py), its one evidence rule (evidence_rule.py), the TOML framework file that
carries a scheme and its themes (framework_file.py, framework_model.py), the shipped schemes
(framework_catalog.py) and how a portfolio stores its scheme (store.py, on any open sqlite3
connection). Code elsewhere asks the scheme what to do and never tests which scheme it is. May
import: the standard library, pydantic, tomllib/tomli_w and core base modules only.
"""
