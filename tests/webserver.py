"""A local HTTP server on 127.0.0.1 for the tests that fetch: fixture pages, a PDF, feeds, a robots.txt, and pages
that misbehave (slow, huge, wrong content type). Nothing in the tests touches any other host."""

from __future__ import annotations

import html
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.pdfs import digest, digest_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"
SLOW_SECONDS = 3.0


def news_page(name: str, *, outlet: str = "Central Asia Wire") -> bytes:
    """A news page around a development digest: menus, cookie notice, related links and footer around it."""
    fields, body = digest(name)
    title = fields["title"].split(": ", 1)[-1]
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} - {outlet}</title>
<meta property="og:title" content="{html.escape(title)}"><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{fields['date'][:10]}"></head><body>
<div class="cookies">This site uses cookies. <button>Accept</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li>
<li><a href="/uzbekistan">Uzbekistan</a></li></ul></nav>
<main><article><h1>{html.escape(title)}</h1><div class="meta">By Desk Editor</div>{paras}</article>
<aside><h2>Read next</h2><ul><li><a href="/a">Posco signs a graphite deal with Uzbekistan</a></li>
<li><a href="/b">Doosan wins a contract in Turkestan</a></li></ul></aside></main>
<footer><p>&copy; {outlet}. All rights reserved.</p><a href="/contact">Contact</a></footer></body></html>""".encode()


@dataclass
class Route:
    body: bytes | Callable[[], bytes]
    media_type: str
    delay: float = 0.0
    stream: bool = False  # send without Content-Length, in chunks, until the connection closes
    declared_length: int | None = None


@dataclass
class Site:
    port: int
    routes: dict[str, Route]
    hits: Counter[str] = field(default_factory=Counter)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def default_routes(port: int) -> dict[str, Route]:
    page = (FIXTURES / "timesca-critical-minerals.html").read_bytes()
    base = f"http://127.0.0.1:{port}"
    items = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
        f"<pubDate>Thu, 13 Jun 2024 09:00:00 +0000</pubDate></item>"
        for t, p in [("Critical minerals", "/news/critical-minerals.html"), ("Briefing", "/reports/briefing.pdf"),
                     ("KT&amp;G in Almaty", "/news/ktg-almaty.html"),
                     ("Critical minerals (syndicated)", "/syndicated/critical-minerals.html")])
    rss = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Central Asia Wire</title>'
           f"<link>{base}/</link><description>News</description>{items}</channel></rss>").encode()
    return {
        "/robots.txt": Route(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/news/critical-minerals.html": Route(page, "text/html; charset=utf-8"),
        # the same page under a second URL: an exact copy
        "/syndicated/critical-minerals.html": Route(page, "text/html; charset=utf-8"),
        "/news/ktg-almaty.html": Route(news_page("20_digest_joongang_ktg-almaty-tobacco-plant.txt"), "text/html"),
        "/reports/briefing.pdf": Route(lambda: digest_pdf("18_digest_ajp_lee-tokayev-phone-call-c5k-summit.txt",
                                                          font_size=14), "application/pdf"),
        "/feed.xml": Route(rss, "application/rss+xml"),
        "/slow.html": Route(page, "text/html", delay=SLOW_SECONDS),
        "/huge.html": Route(b"<html><body>" + b"<p>Korea and Kazakhstan.</p>" * 40_000 + b"</body></html>",
                            "text/html", stream=True),
        "/huge-declared.pdf": Route(b"%PDF-1.4 truncated", "application/pdf", declared_length=50_000_000),
        "/logo.png": Route(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "image/png"),
        "/private/memo.html": Route(page, "text/html"),
        "/moved": Route(b"", "text/html"),  # redirect, see the handler
    }


@contextmanager
def serve() -> Iterator[Site]:
    site = Site(port=0, routes={})

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def do_GET(self) -> None:  # noqa: N802 - the base class's name
            path = self.path.split("?")[0]
            site.hits[path] += 1
            if path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/news/critical-minerals.html")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            route = site.routes.get(path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = route.body() if callable(route.body) else route.body
            try:
                if route.delay:
                    time.sleep(route.delay)
                self.send_response(200)
                self.send_header("Content-Type", route.media_type)
                if route.stream:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    for i in range(0, len(body), 16_384):
                        self.wfile.write(body[i:i + 16_384])
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(route.declared_length or len(body)))
                self.end_headers()
                self.wfile.write(body)
                if route.declared_length:
                    self.close_connection = True
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (a timeout or a size limit): expected

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.port = server.server_address[1]
    site.routes.update(default_routes(site.port))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
