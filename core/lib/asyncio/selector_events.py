"""The selector loop. glasspy has no sockets: the selector step of
BaseEventLoop (a wait on a condition) is all there is to select on."""

__all__ = 'BaseSelectorEventLoop',

from . import base_events


class BaseSelectorEventLoop(base_events.BaseEventLoop):

    def __init__(self, selector=None):
        super().__init__()
