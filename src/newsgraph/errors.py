"""Errors that name the input and the reason in one line."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class for errors newsgraph reports to users."""


class BadInput(NewsgraphError):
    """An input that cannot be turned into an article (binary, empty, no article, ...)."""

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)

    def with_source(self, source: str) -> BadInput:
        return BadInput(self.reason, source)
