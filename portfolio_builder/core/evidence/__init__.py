"""Evidence: bringing files, folders and links in, tagging them to descriptors and cover sheets, editing them.

Owns import (type from content, photo facts and previews, parallel and crash-safe), the one tagging
rule's use, bulk edits, redaction regions kept with an item, and whether an item is presented.
May import: core base modules, core.scheme, core.storage, core.framework and core.privacy.
"""
