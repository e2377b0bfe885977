"""matplotlib's SVG files made fit to sit inside report.html: ids prefixed per figure, anything active refused."""

from __future__ import annotations

import re

from markupsafe import Markup

_SVG_UNSAFE = re.compile(r"<script|<foreignObject|<iframe|\son[a-z]+\s*=|javascript:", re.IGNORECASE)
_SVG_EXTERNAL = re.compile(r"(?:href|src)\s*=\s*[\"'](?!#|data:image/(?:png|jpeg);base64,)|url\(\s*[\"']?(?!#)",
                           re.IGNORECASE)
_SVG_ROOT = re.compile(r"<svg\b[^>]*>", re.DOTALL)


def inline_svg(svg: str, *, prefix: str, label: str) -> Markup | None:
    """A matplotlib SVG made fit to sit inside HTML: prolog, metadata and comments dropped, every id prefixed.

    Several figures share glyph and clip-path ids (``DejaVuSans-48``); prefixing them keeps each figure's
    references inside the figure. The root gets ``role="img"`` and an ``aria-label``, loses its fixed size (the
    viewBox keeps the aspect ratio) and scales to the column. Returns ``None`` for anything that could run code
    or load a resource, which matplotlib never writes (its rasterised images are ``data:`` URIs, kept).
    """
    svg = re.sub(r"<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->|<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    if _SVG_UNSAFE.search(svg) or _SVG_EXTERNAL.search(svg):
        return None
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r'((?:xlink:)?href)="#([^"]+)"', lambda m: f'{m.group(1)}="#{prefix}{m.group(2)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)
    svg = svg.replace("*{stroke-linejoin", ".figure-svg *{stroke-linejoin")
    root = _SVG_ROOT.search(svg)
    if root is None:
        return None
    attributes = re.sub(r'\s(?:width|height)="[^"]*"', "", root.group()[4:-1])
    opening = Markup('<svg class="figure-svg" role="img" aria-label="{}"').format(label) + Markup(attributes) \
        + Markup(">")
    return opening + Markup(svg[root.end():].strip())  # matplotlib's own markup, checked above
