"""A task's input as the published SDK hands it to a model, data only: its text and its
files' URLs as one message (`to_message`), the images and PDFs among the files
(`get_images`, `get_files`) as the SDK gives them without agno installed. Nothing is fetched."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from typing import Final
from urllib.parse import urlparse

from xpander_tasks_api.models import AttachmentRef, TaskInput

# The SDK's classification: an attachment's kind, else its MIME type, else the URL's extension.
_IMAGE_EXTENSIONS: Final = frozenset({".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tiff", ".webp"})
_KINDS: Final = {
    "image": "image", "pdf": "pdf", "document": "", "text": "", "audio": "", "video": "",
    "archive": "",
}  # fmt: skip
# MIME types the SDK files as neither image nor PDF (others fall back to the extension).
_OTHER_MIMES: Final = (
    "audio/", "video/", "text/", "image/svg+xml", "application/json", "application/xml",
    "application/vnd.", "application/msword", "application/rtf", "application/epub+zip",
)  # fmt: skip
# The SDK's default model capabilities: at most 20 images, none past 30 MiB attached.
_MAX_IMAGES: Final = 20
_MAX_FETCH_BYTES: Final = 30 * 1024 * 1024


def file_urls(task_input: TaskInput) -> list[str]:
    """The input's file URLs: its attachments' when it has any, else its `files`."""
    attachments = task_input.attachments if isinstance(task_input.attachments, list) else []
    if attachments:
        return [attachment.url for attachment in attachments]
    return list(task_input.files) if isinstance(task_input.files, list) else []


def _bucket(url: str, ref: AttachmentRef | None) -> str:
    """The kind of file: "image", "pdf", or "" (another, or one the SDK leaves as a URL)."""
    kind = getattr(ref, "kind", None)
    kind = getattr(kind, "value", kind)
    if isinstance(kind, str) and kind in _KINDS:
        return _KINDS[kind]
    mime = (getattr(ref, "mime", None) or "").lower().split(";", 1)[0].strip()
    if mime.startswith("image/") and mime != "image/svg+xml":
        return "image"
    if mime == "application/pdf":
        return "pdf"
    if mime.startswith(_OTHER_MIMES):
        return ""
    extension = os.path.splitext(urlparse(url).path.lower())[1]
    if extension in _IMAGE_EXTENSIONS:
        return "image"
    return "pdf" if extension == ".pdf" else ""


def attached(task_input: TaskInput, bucket: str, disabled: bool) -> list[str]:
    """The URLs of the input's images or PDFs that the SDK attaches (none when
    `disable_attachment_injection`), as it returns them without agno."""
    if disabled:
        return []
    attachments = task_input.attachments if isinstance(task_input.attachments, list) else []
    refs = {attachment.url: attachment for attachment in attachments}
    chosen = []
    for url in file_urls(task_input):
        ref = refs.get(url)
        size = getattr(ref, "size", None)
        if _bucket(url, ref) == bucket and not (isinstance(size, int) and size > _MAX_FETCH_BYTES):
            chosen.append(url)
    return chosen[:_MAX_IMAGES] if bucket == "image" else chosen


def _is_json_payload(text: str) -> bool:
    """Whether the text is a JSON object or array: machine input, kept byte for byte."""
    stripped = text.lstrip()
    if not stripped or stripped[0] not in "{[":
        return False
    try:
        return isinstance(json.loads(text), dict | list)
    except ValueError:
        return False


def to_message(task_input: TaskInput, created_at: datetime | None, with_timestamp: bool) -> str:
    """The input's text, then `Files: <url>, ...` (not for a JSON payload), then the
    minute it was sent (UTC) when `with_timestamp`, as the SDK words it."""
    message = task_input.text if isinstance(task_input.text, str) else ""
    urls = file_urls(task_input)
    if urls and not _is_json_payload(message):
        message += ("\n" if message else "") + "Files: " + ", ".join(urls)
    if with_timestamp and not _is_json_payload(message):
        sent_at = created_at or datetime.now(UTC)
        if sent_at.tzinfo is not None:
            sent_at = sent_at.astimezone(UTC)
        message += f"\n\nMessage timestamp (UTC): {sent_at.strftime('%Y-%m-%d %H:%M')}"
    return message
