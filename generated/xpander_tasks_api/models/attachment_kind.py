from enum import StrEnum


class AttachmentKind(StrEnum):
    Archive = "archive"
    ARCHIVE = "archive"
    Audio = "audio"
    AUDIO = "audio"
    Document = "document"
    DOCUMENT = "document"
    Image = "image"
    IMAGE = "image"
    Pdf = "pdf"
    PDF = "pdf"
    Text = "text"
    TEXT = "text"
    Unknown = "unknown"
    UNKNOWN = "unknown"
    Video = "video"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
