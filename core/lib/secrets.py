"""Random numbers for secrets (passwords, tokens, keys), drawn from the
operating system's generator (os.urandom) rather than from the
reproducible Mersenne Twister of the random module."""

__all__ = ['choice', 'randbelow', 'randbits', 'SystemRandom',
           'token_bytes', 'token_hex', 'token_urlsafe', 'compare_digest']

import base64
import binascii
from hmac import compare_digest
from random import SystemRandom

_sysrand = SystemRandom()

randbits = _sysrand.getrandbits
choice = _sysrand.choice

DEFAULT_ENTROPY = 32   # bytes of randomness in a token by default


def randbelow(exclusive_upper_bound):
    """Return a random int in the range [0, n)."""
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    return _sysrand._randbelow(exclusive_upper_bound)


def token_bytes(nbytes=None):
    """A random byte string of nbytes bytes (32 by default)."""
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    import os
    return os.urandom(nbytes)


def token_hex(nbytes=None):
    """A random string of 2 * nbytes hexadecimal digits."""
    return binascii.hexlify(token_bytes(nbytes)).decode('ascii')


def token_urlsafe(nbytes=None):
    """A random URL-safe text string (Base64, no padding)."""
    tok = token_bytes(nbytes)
    return base64.urlsafe_b64encode(tok).rstrip(b'=').decode('ascii')
