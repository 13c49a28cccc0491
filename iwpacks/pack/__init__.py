"""Stage 5, pack: renderers run per course, checked, written atomically with a manifest and zip; previews."""
