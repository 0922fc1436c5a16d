"""Pydantic models and pure rules: no database, no terminal."""
