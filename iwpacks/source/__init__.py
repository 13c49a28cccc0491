"""Stage 1, source: content YAML (and the brand) read into the frozen model, every problem located; export/import."""
