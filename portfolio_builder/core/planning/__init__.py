"""The self-audit and the plans: dated ratings, priorities, the action plan, cover-sheet diaries, texts, readiness.

Owns what the setting records about its journey and whether the portfolio is ready for a final
export by its scheme's rules (each gap saying where it is fixed).
May import: core base modules, core.scheme, core.storage, core.framework and core.evidence.
"""
