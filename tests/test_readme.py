"""The README's command table says what the real argument parser accepts, no more, no less."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.cli import build_parser

README = Path(__file__).resolve().parent.parent / "README.md"
ROW = re.compile(r"^\| `jianfu ([^`]*)` \|")
Command = tuple[str, ...]  # ("log", "export")


@dataclass
class Usage:
    """Options (with the value name shown, or None for a flag) and positionals of one command."""

    options: dict[str, str | None] = field(default_factory=dict)
    positionals: set[str] = field(default_factory=set)


def _from_parser(parser: argparse.ArgumentParser, path: Command = ()) -> dict[Command, Usage]:
    """Every runnable command of the parser, with what it accepts."""
    found: dict[Command, Usage] = {}
    usage = Usage()
    # argparse keeps its arguments in _actions; it has no public way to list them.
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.update(_from_parser(sub, (*path, name)))
        elif action.option_strings:
            if isinstance(action, argparse._HelpAction):
                continue
            long = max(action.option_strings, key=len)
            takes_value = action.nargs != 0 and not isinstance(action, argparse._VersionAction)
            shown = str(action.metavar or "?") if takes_value else None
            if action.nargs == "?":  # a value that may be left out: `--errors [PART]`
                shown = f"[{shown}]"
            usage.options[long] = shown
        else:
            usage.positionals.add(str(action.metavar or action.dest.upper()))
    if not found or path == ():
        found[path] = usage
    return found


def _from_readme() -> dict[Command, Usage]:
    """The table rows: `jianfu log unanswered [--limit N] [--csv]` → ("log", "unanswered")."""
    table: dict[Command, Usage] = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        row = ROW.match(line)
        if not row:
            continue
        words: list[str] = []
        usage = Usage()
        for token in re.findall(r"\[--[^\s\]]+ \[[^\]]*\]\]|\[[^\]]*\]|\S+", row.group(1)):
            inner = (token[1:-1] if token.startswith("[") else token).split()
            if inner[0].startswith("--"):
                usage.options[inner[0]] = inner[1] if len(inner) > 1 else None
            elif token.startswith("["):
                usage.positionals.add(inner[0])
            else:
                words.append(token)
        assert tuple(words) not in table, f"README lists `jianfu {row.group(1)}` twice"
        table[tuple(words)] = usage
    return table


def test_readme_table_lists_every_command_and_no_other() -> None:
    parser, readme = _from_parser(build_parser()), _from_readme()
    missing = sorted(" ".join(c) for c in parser.keys() - readme.keys() if c)
    extra = sorted(" ".join(c) for c in readme.keys() - parser.keys())
    assert (missing, extra) == ([], []), "README command table: (missing, not in the parser)"


def test_readme_table_shows_each_commands_options_and_arguments() -> None:
    parser, readme = _from_parser(build_parser()), _from_readme()
    for command, usage in readme.items():
        real = parser.get(command)
        if real is None:
            continue  # the test above reports it
        name = " ".join(("jianfu", *command))
        if command == ():  # global options: those not in the table are named in the prose
            text = README.read_text(encoding="utf-8")
            unnamed = [o for o in real.options if o not in usage.options and f"`{o}" not in text]
            assert not unnamed, f"global options the README never mentions: {unnamed}"
            continue
        assert set(usage.options) == set(real.options), f"{name}: options differ"
        assert usage.positionals == real.positionals, f"{name}: arguments differ"
        for option, shown in usage.options.items():
            wanted = real.options[option]
            takes = "takes a value" if wanted is not None else "is a flag"
            assert (shown is None) == (wanted is None), f"{name} {option} {takes}"
            if wanted not in (None, "?"):
                assert shown == wanted, f"{name} {option}: README shows {shown}, parser {wanted}"
