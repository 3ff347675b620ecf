"""What leaves the laptop keeps only what the assessor needs: photos, documents and recordings cleaned by allow-list.

Owns photo metadata (EXIF kept to an allow-list, HEIC opened), PDF, Office and OpenDocument
metadata emptied, video boxes kept to those playback needs, blurring or blocking out parts of a
photo (redaction, with Find faces), and which files could run code. Works on bytes only.
May import: core base modules (errors, resources, vocabularies).
"""
