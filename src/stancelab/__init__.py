"""stancelab: who says what about conflict, and how escalatory it is."""

from __future__ import annotations

__version__ = "0.1.0"
