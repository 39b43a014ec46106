from ..types import OpenStrEnum


class ThinkMode(OpenStrEnum):
    Default = "default"
    DEFAULT = "default"
    Harder = "harder"
    HARDER = "harder"

    def __str__(self) -> str:
        return str(self.value)
