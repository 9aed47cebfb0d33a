"""metodesk: the methodical office of a Kazakh school, on one computer, offline."""

__version__ = "0.1.0"
