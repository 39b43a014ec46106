from enum import StrEnum


class ThinkMode(StrEnum):
    Default = "default"
    DEFAULT = "default"
    Harder = "harder"
    HARDER = "harder"

    def __str__(self) -> str:
        return str(self.value)
