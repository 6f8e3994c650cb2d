"""serve: terminal rendering, HTTP API and web UI."""
