"""MHTML ("Webpage, Single File", ``.mht``/``.mhtml``): a saved page wrapped in a MIME message.

Browsers save the page's HTML as the first ``text/html`` part of a ``multipart/related`` message, quoted-
printable or base64 encoded, with the page's address in ``Snapshot-Content-Location`` (the message) or
``Content-Location`` (the part). :func:`unwrap` returns that HTML, with the address written at its top the
way a browser writes it into a plain saved copy (``<!-- saved from url=(N)… -->``), which the metadata
reader takes for ``Article.url`` when the page names no address itself. Read with the standard library's
``email`` parser; nothing here raises on a broken message (the bytes are then read as they are).
"""

from __future__ import annotations

import contextlib
import email
import email.policy
from email.message import EmailMessage, Message

_HEAD = 2048
"""MHTML headers sit at the very top of the file."""


def looks_like_mhtml(data: bytes) -> bool:
    """True when ``data`` starts like a MIME message holding a multipart/related page."""
    head = data[:_HEAD]
    if head.lstrip().startswith(b"<"):  # markup: the common case, told at once
        return False
    head = head.lower()
    return b"mime-version:" in head and b"multipart/related" in head


def unwrap(data: bytes) -> bytes | None:
    """The saved page's HTML (UTF-8 when the part names its charset), or None when there is none."""
    try:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
        part = _first_html(msg)
        if part is None:
            return None
        body = part.get_payload(decode=True)
        if not isinstance(body, bytes) or not body.strip():
            return None
        charset = part.get_content_charset()
        if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
            with contextlib.suppress(LookupError, UnicodeDecodeError):  # else the page's own declaration rules
                body = body.decode(charset).encode("utf-8")
        url = msg.get("Snapshot-Content-Location") or part.get("Content-Location")
    except Exception:  # a broken message is read as it is, never raised from here
        return None
    if url and url.strip().startswith(("http://", "https://")):
        address = url.strip()
        body = f"<!-- saved from url=({len(address):04d}){address} -->\n".encode() + body
    return body


def _first_html(msg: Message | EmailMessage) -> Message | None:
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            return part
    return None
