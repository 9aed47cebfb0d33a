"""Pure-Python domain: enums, rules and plain records. Never imports Qt or SQLAlchemy."""
