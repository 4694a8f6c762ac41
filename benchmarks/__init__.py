"""PackStation's benchmarks: ``uv run python -m benchmarks`` (see ``__main__.py``)."""
