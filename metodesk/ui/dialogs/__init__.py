"""One dialog class per module."""
