"""The logger asyncio reports through ("asyncio")."""

import logging

logger = logging.getLogger(__package__)
