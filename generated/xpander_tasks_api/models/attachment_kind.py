from ..types import OpenStrEnum


class AttachmentKind(OpenStrEnum):
    archive = "archive"
    Archive = "archive"
    ARCHIVE = "archive"
    audio = "audio"
    Audio = "audio"
    AUDIO = "audio"
    document = "document"
    Document = "document"
    DOCUMENT = "document"
    image = "image"
    Image = "image"
    IMAGE = "image"
    pdf = "pdf"
    Pdf = "pdf"
    PDF = "pdf"
    text = "text"
    Text = "text"
    TEXT = "text"
    unknown = "unknown"
    Unknown = "unknown"
    UNKNOWN = "unknown"
    video = "video"
    Video = "video"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
