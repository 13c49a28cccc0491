"""Stage 2, overlay: an LA's overlay files read, layered (LA, then organisation) and applied to the model."""
