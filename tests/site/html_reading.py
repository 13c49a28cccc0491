"""Reads a page of the site back with html.parser: its headings, links, landmarks and visible text."""
from __future__ import annotations

from html.parser import HTMLParser

LANDMARKS = {"header", "nav", "main", "footer"}
VOID = {"meta", "link", "img", "br", "input", "hr"}


class Page(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.headings: list[tuple[int, str]] = []
        self.links: list[str] = []       # every href and src
        self.ids: list[str] = []
        self.landmarks: list[str] = []
        self.scripts: list[str] = []     # each <script>'s src, "" for one written in the page
        self.images: list[dict[str, str]] = []
        self.text: list[str] = []
        self._open: list[str] = []
        self._heading: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag in LANDMARKS:
            self.landmarks.append(tag)
        if "id" in a:
            self.ids.append(a["id"])
        for key in ("href", "src"):
            if key in a:
                self.links.append(a[key])
        if tag == "script":
            self.scripts.append(a.get("src", ""))
        if tag == "img":
            self.images.append(a)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = [tag]
        if tag not in VOID:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == self._heading[0]:
            self.headings.append((int(tag[1]), " ".join("".join(self._heading[1:]).split())))
            self._heading = None
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "script" in self._open or "style" in self._open:
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def read(files: dict[str, bytes], path: str) -> Page:
    return Page(files[path].decode("utf-8"))


def pages(files: dict[str, bytes]) -> list[str]:
    return [p for p in files if p.endswith(".html")]
