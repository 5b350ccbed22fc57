"""The HTTP query API: translates HTTP to graph/service.py calls and back. Build it with api.app.create_app()."""
