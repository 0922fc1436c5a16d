"""The tag of the journal entry a completed check-in writes, apart from the check-in
models: `compass insights` leaves it out of its rankings without loading them."""

from __future__ import annotations

CHECKIN_TAG = "checkin"  # the same as domain.checkins.ENTRY_TAG (tests hold them equal)
