"""Report text shown as text: escaping for Streamlit Markdown, and safe links.

A report is data, never markup: a quote containing ``**``, ``[x](y)``,
``:red[...]``, ``$...$`` or ``<script>`` must show those characters, not act
on them. CommonMark lets any ASCII punctuation be escaped with a backslash, so
escaping all of it is both simple and complete.

Escaping is not enough for bare URLs and e-mail addresses: Streamlit's Markdown
(GFM) turns ``https://…``, ``www.…`` and ``a@b.c`` into live links *after*
parsing, from the text itself. A WORD JOINER (U+2060, invisible, no width) after
``http``/``https``/``www`` and before ``@`` stops that: the text reads the same
and is never a link.
"""

from __future__ import annotations

import re
import string
from urllib.parse import quote, urlsplit

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_AUTOLINK = re.compile(r"(?i)(?:https?(?=:)|www(?=\.))|(?=@)")
_JOINER = "\u2060"


def md(text: object) -> str:
    """``text`` escaped so Streamlit's Markdown shows it literally, on one line."""
    flat = " ".join(str(text).split())  # newlines would start Markdown blocks
    flat = _AUTOLINK.sub(lambda m: m.group() + _JOINER, flat)
    return _PUNCTUATION.sub(r"\\\1", flat)


def md_link(url: str | None, label: str) -> str:
    """A Markdown link for an http(s) URL, else the escaped label (and the URL as text)."""
    if url:
        parts = urlsplit(url.strip())
        if parts.scheme in ("http", "https") and parts.netloc:
            # Percent-encode what could end the link destination early.
            target = quote(url.strip(), safe=":/?#[]@!$&'*+,;=%-._~")
            return f"[{md(label)}]({target})"
        return f"{md(label)} ({md(url)})"
    return md(label)
