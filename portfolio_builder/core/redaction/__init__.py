"""Blur or block out faces and details in photos before they leave the setting: regions, redaction, face suggestions.

Owns: the Region shape (fractions of the upright photo), painting regions onto the stored pixels,
re-encoding with only the allow-listed metadata, and offline face finding. Imports only Pillow,
numpy/OpenCV (face finding, imported lazily) and core's errors and photo_processing (HEIC opener).
"""

from .face_finding import FaceSuggestion, find_faces, find_faces_in_photos
from .photo_redaction import RedactedPhoto, redact_photo
from .regions import Region, stored_box

__all__ = ["FaceSuggestion", "RedactedPhoto", "Region", "find_faces", "find_faces_in_photos", "redact_photo",
           "stored_box"]
