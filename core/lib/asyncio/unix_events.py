"""The event loop and policy asyncio uses on POSIX systems."""

__all__ = (
    'SelectorEventLoop', 'DefaultEventLoopPolicy',
)

from . import events
from . import selector_events


class _UnixSelectorEventLoop(selector_events.BaseSelectorEventLoop):
    """The default loop (CPython's name for it on Linux)."""


class _UnixDefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    _loop_factory = _UnixSelectorEventLoop


SelectorEventLoop = _UnixSelectorEventLoop
DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
