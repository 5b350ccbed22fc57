"""The API's documentation pages, /docs (Swagger UI) and /redoc, served with no network: the scripts and styles are
the copies the `fastapi-offline` package ships (Swagger UI: Apache-2.0; Redoc: MIT; their licence notices are at
the top of each file), served by this app, and the pages start them from a file of ours, not an inline script."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

router = APIRouter(include_in_schema=False)

STATIC_PREFIX = "/static/docs"
VENDOR_DIR = Path(fastapi_offline.__file__).resolve().parent / "static"
OWN_DIR = Path(__file__).resolve().parent.parent / "static"
FILES = {
    "swagger-ui-bundle.js": VENDOR_DIR / "swagger-ui-bundle.js",
    "swagger-ui.css": VENDOR_DIR / "swagger-ui.css",
    "redoc.standalone.js": VENDOR_DIR / "redoc.standalone.js",
    "docs-init.js": OWN_DIR / "docs-init.js",
}
_MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
# Redoc draws its maker's logo from their CDN in the sidebar; served with an empty image instead (the logo hides
# itself when its image fails), so the page asks no other host for anything.
_REWRITES = {"redoc.standalone.js": ((b"https://cdn.redoc.ly/redoc/logo-mini.svg", b"data:,"),)}
_CACHE: dict[str, bytes] = {}
# Scripts only from this app and none inline; Swagger UI and Redoc set inline styles, and Redoc runs its search in a
# worker it makes from a blob.
CSP = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def _page(request: Request, ui: str, title: str, head: str, body: str) -> HTMLResponse:
    config = json.dumps({"ui": ui, "openapi_url": request.app.openapi_url or "/openapi.json"})
    config = config.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    html = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{escape(title)}</title>
{head}
</head>
<body>
{body}
<script type="application/json" id="docs-config">{config}</script>
<script src="{STATIC_PREFIX}/{'swagger-ui-bundle.js' if ui == 'swagger' else 'redoc.standalone.js'}"></script>
<script src="{STATIC_PREFIX}/docs-init.js"></script>
</body>
</html>"""
    return HTMLResponse(html, headers=HEADERS)


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    return _page(request, "swagger", f"{request.app.title} - Swagger UI",
                 f'<link rel="stylesheet" href="{STATIC_PREFIX}/swagger-ui.css">', '<div id="swagger-ui"></div>')


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    return _page(request, "redoc", f"{request.app.title} - ReDoc", "", '<div id="redoc-container"></div>')


@router.get(STATIC_PREFIX + "/{name}")
async def docs_static(name: str) -> Response:
    path = FILES.get(name)
    if path is None:
        return Response("not found", status_code=404, media_type="text/plain")
    headers = {"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"}
    if name in _REWRITES:
        if name not in _CACHE:
            body = path.read_bytes()
            for old, new in _REWRITES[name]:
                body = body.replace(old, new)
            _CACHE[name] = body
        return Response(_CACHE[name], media_type=_MEDIA_TYPES[path.suffix], headers=headers)
    return FileResponse(path, media_type=_MEDIA_TYPES[path.suffix], headers=headers)
