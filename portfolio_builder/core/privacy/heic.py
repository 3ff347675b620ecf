"""HEIC photos from phones open in Pillow: the decode-only pi-heif registers its opener once, here."""

try:  # pi-heif: libheif's decoders only; optional so a build without it still imports
    from pi_heif import register_heif_opener

    register_heif_opener()
    HEIC_SUPPORTED = True
except ImportError:  # pragma: no cover - depends on the platform's wheels
    HEIC_SUPPORTED = False
