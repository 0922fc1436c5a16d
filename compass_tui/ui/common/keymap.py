"""The keys chosen in config.toml's [keys] table, checked against every binding the
app has before Textual's keymap applies them: an id no binding has, a key name no
terminal sends, or a key that would land on another binding of the same screen (or
on one the app keeps for itself) is named in a warning, and that binding keeps its
default keys. Key help reads the keys back from here, as they are after the change."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import REPLACED_KEYS, Keys, _normalize_key_list, format_key, key_to_character

from compass_tui.services.key_file import KeyChoice

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(key.value.rpartition("+")[2] for key in Keys) - {
    "<any>", "<scroll-up>", "<scroll-down>", "<ignore>"}
OUR_PACKAGE = "compass_tui."


def key_name_known(key: str) -> bool:
    """A key Textual can receive: "f5", "ctrl+j", "?", "question_mark", "K"."""
    key = _normalize_key_list(key)
    *modifiers, base = key.split("+") if key != "+" else ["plus"]
    if not base or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    return (len(base) == 1 or base in NAMED_KEYS
            or key_to_character(REPLACED_KEYS.get(base, base)) is not None)


def shown(key: str) -> str:
    """A key as help shows it: "?" for question_mark, "ctrl+k" as it is."""
    modifiers, plus, base = key.rpartition("+")
    return f"{modifiers}+{format_key(base)}" if plus and base else format_key(key)


KEY_PLACE = re.compile(r"\{([a-z][\w.-]*)\}")


def with_keys(text: str, key_of: Callable[[str], str]) -> str:
    """Each {binding.id} in text as the key that binding answers to now."""
    return KEY_PLACE.sub(lambda match: key_of(match.group(1)), text)


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


@dataclass(frozen=True)
class Scope:
    """One class of ours with the bindings it ends up with (its bases' included)."""

    name: str
    bindings: tuple[Binding, ...]
    is_app: bool = False


def scopes_of(classes: Iterable[type[DOMNode]]) -> list[Scope]:
    found = []
    for cls in classes:
        merged = cls._merge_bindings()
        bindings = tuple(b for group in merged.key_to_bindings.values() for b in group)
        if bindings:
            from textual.app import App

            found.append(Scope(cls.__name__, bindings, issubclass(cls, App)))
    return found


def app_scopes() -> list[Scope]:
    """Every screen, widget and the app itself, as loaded (the shell imports them all)."""
    ours = {cls for cls in _subclasses(DOMNode) if cls.__module__.startswith(OUR_PACKAGE)}
    return scopes_of(sorted(ours, key=lambda cls: (cls.__module__, cls.__qualname__)))


def _identity(binding: Binding) -> str:
    return binding.id or f"{binding.action}"


@dataclass
class CheckedKeys:
    keymap: dict[str, str] = field(default_factory=dict)  # for App.set_keymap
    problems: list[str] = field(default_factory=list)  # one warning each
    defaults: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def keys_of(self, binding_id: str) -> tuple[str, ...]:
        """The keys a binding answers to now."""
        chosen = self.keymap.get(binding_id)
        return tuple(chosen.split(",")) if chosen else self.defaults.get(binding_id, ())


def check_keys(choices: Iterable[KeyChoice], scopes: list[Scope]) -> CheckedKeys:
    checked = CheckedKeys()
    for scope in scopes:
        for binding in scope.bindings:
            if binding.id and binding.key not in checked.defaults.get(binding.id, ()):
                checked.defaults[binding.id] = (*checked.defaults.get(binding.id, ()),
                                                binding.key)
    wanted: dict[str, KeyChoice] = {}
    for choice in choices:
        if choice.binding_id not in checked.defaults:
            checked.problems.append(
                f"{choice.where}: no key is called {choice.binding_id!r} (the README lists "
                "them); this line is left out")
            continue
        unknown = [key for key in choice.keys if not key_name_known(key)]
        if unknown:
            checked.problems.append(
                f"{choice.where}: {unknown[0]!r} is not a key name (try \"ctrl+j\", \"f5\" "
                f"or \"?\"); {choice.binding_id} keeps "
                f"{', '.join(checked.defaults[choice.binding_id])}")
            continue
        wanted[choice.binding_id] = choice
    keymap = {bid: _normalize_key_list(choice.text) for bid, choice in wanted.items()}
    for bid in sorted(_clashing(keymap, scopes)):
        choice, other = wanted[bid], _clashing(keymap, scopes)[bid]
        checked.problems.append(
            f"{choice.where}: {choice.text} is taken by {other}; {bid} keeps "
            f"{', '.join(checked.defaults[bid])}")
        del keymap[bid]
    checked.keymap = keymap
    return checked


def _clashing(keymap: Mapping[str, str], scopes: list[Scope]) -> dict[str, str]:
    """Each remapped id whose new key another binding of one of its screens answers to
    (or one of the app's own keys that always win), with that binding's name."""
    def final(binding: Binding) -> list[str]:
        chosen = keymap.get(binding.id or "")
        return chosen.split(",") if chosen else [binding.key]

    clashes: dict[str, str] = {}
    always = [(key, b) for scope in scopes if scope.is_app for b in scope.bindings
              if b.priority for key in final(b)]
    for scope in scopes:
        holders: dict[str, list[Binding]] = {}
        for binding in scope.bindings:
            for key in final(binding):
                holders.setdefault(key, []).append(binding)
        for key, group in holders.items():
            group = group + [b for k, b in always if k == key and b not in group]
            names = {_identity(b) for b in group}
            if len(names) < 2:
                continue
            for binding in group:
                if binding.id in keymap and key in keymap[binding.id].split(","):
                    other = next(_identity(b) for b in group if _identity(b) != binding.id)
                    clashes.setdefault(binding.id, other)
    return clashes
