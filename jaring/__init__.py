"""Jaring: import and analyse detection and case exports about illegal online recruitment of migrant workers."""

__all__ = ["__version__"]
__version__ = "0.1.0"
