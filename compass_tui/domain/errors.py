"""Validation errors as one plain sentence for a form or a command line."""

from __future__ import annotations

from pydantic import ValidationError


def describe(exc: ValidationError) -> str:
    error = exc.errors()[0]
    message = str(error["msg"]).removeprefix("Value error, ")
    field = ".".join(str(part) for part in error.get("loc", ()))
    return f"{field}: {message}" if field else message
