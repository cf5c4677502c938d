"""Sluis: decisions about people, lawful by construction."""

__version__ = "0.1.0"
