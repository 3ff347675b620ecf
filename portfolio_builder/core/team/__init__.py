"""Team copies and contribution packs: several staff on several laptops adding to one portfolio.

Owns the portfolio's identity and the copies sent to team members (each with its baseline), the
contribution pack a member sends back (a BagIt zip with a SHA-256 manifest, checked before use),
and the merge on the lead's laptop: its plan, conflicts, decisions, one transaction and merge log.
May import: core base modules (errors, resources, vocabularies, licences) and the core packages the
bundle may (scheme, storage, ... bundle: its safe zip reader, writer and manifest checks); never
core.assessor or core.demo.
"""
