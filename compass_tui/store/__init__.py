"""SQLAlchemy tables, the engine, migrations and the Repository."""
