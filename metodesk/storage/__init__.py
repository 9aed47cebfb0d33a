"""SQLAlchemy models, the engine, migrations. Portable SQL only outside engine.py."""
