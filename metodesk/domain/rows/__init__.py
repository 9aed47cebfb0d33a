"""The plain rows documents are printed from: frozen dataclasses that the
services fill from a Session and ``metodesk.reports`` draws, one module per
area. No Qt, no SQLAlchemy, no reportlab here: a report needs nothing but
these rows, the domain's rules and the language."""
