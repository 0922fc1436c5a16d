"""Use cases over the Repository; they take and return pydantic models."""
