"""One router per area of the API; api.app.create_app() mounts them."""
