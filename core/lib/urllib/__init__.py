"""urllib: URL handling. glasspy has urllib.parse (no network access)."""
