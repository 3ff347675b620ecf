"""Blur or block out faces and details in photos before they leave the setting: regions, redaction, face suggestions.

Owns: the Region shape (fractions of the upright photo), painting regions onto the stored pixels,
re-encoding with only the allow-listed metadata, the upright preview regions are drawn on, and
offline face finding. Imports only Pillow, numpy and ONNX Runtime (face finding, imported lazily)
and core's errors and the HEIC opener (privacy.heic); never the portfolio file.
"""

from .face_finding import FaceSuggestion, find_faces, find_faces_in_photos
from .photo_redaction import RedactedPhoto, redact_photo
from .regions import Region, stored_box
from .upright_preview import upright_preview

__all__ = [
    "FaceSuggestion",
    "RedactedPhoto",
    "Region",
    "find_faces",
    "find_faces_in_photos",
    "redact_photo",
    "stored_box",
    "upright_preview",
]
