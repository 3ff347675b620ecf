"""What the new commands print: new ids and numbers for scripts, help with examples, @FILE values, dry runs."""

import argparse
import json

import pytest

from portfolio_builder.cli import build_parser, main

from .cli_runner import run_in_process, run_lines


def every_command(parser: argparse.ArgumentParser, prefix=()):
    """(words, parser) of every command and subcommand."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                if any(isinstance(a, argparse._SubParsersAction) for a in child._actions):
                    yield from every_command(child, (*prefix, name))
                else:
                    yield (*prefix, name), child


COMMANDS = list(every_command(build_parser()))


@pytest.mark.parametrize("words, parser", COMMANDS, ids=[" ".join(w) for w, _ in COMMANDS])
def test_every_command_explains_itself_with_examples(words, parser, capsys):
    """`portfolio-builder COMMAND --help` exits 0 and shows examples that start with that very command."""
    with pytest.raises(SystemExit) as done:
        main([*words, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and "examples:" in out
    examples = [line.strip() for line in out.split("examples:")[1].splitlines() if line.strip()]
    assert examples and all(
        f"{line} ".startswith(f"portfolio-builder {' '.join(words)} ") for line in examples
    )


def test_the_new_commands_are_all_there():
    """Every command the issue asks for is on the command line."""
    names = {" ".join(words) for words, _ in COMMANDS}
    assert {
        "setting",
        "staff add",
        "staff list",
        "descriptor add",
        "descriptor edit",
        "descriptor paste",
        "theme",
        "rate",
        "priority add",
        "action add",
        "diary add",
        "impact",
        "write",
        "evidence",
        "untag",
        "remove",
        "show",
    } <= names


def test_a_subcommand_group_alone_is_a_usage_error(capsys):
    """`staff` without add or list exits 2 with the usage."""
    with pytest.raises(SystemExit) as done:
        main(["staff"])
    assert done.value.code == 2 and "add,list" in capsys.readouterr().err


@pytest.fixture
def oak(tmp_path):
    """A new FPA portfolio made with the command line, and a folder for files."""
    path = tmp_path / "oak.portfolio"
    run_lines(
        ["new $p --framework family-partnership-award --setting Oak --lead 'Ann Patel'"],
        {"p": path},
    )
    return path


def test_creating_commands_print_the_new_id_or_number(oak, tmp_path):
    """staff add, rate, action add, descriptor add print one id or code; paste prints code and text."""
    (tmp_path / "t2.txt").write_text("a. Leaders promote partnership.\nb) Governors check it.\n")
    values = {"p": oak, "f": tmp_path}
    printed = [
        out
        for _, out in run_lines(
            [
                "staff add $p 'Ben Jones'",
                "rate $p 1a emergent --on 2025-09-01",
                "rate $p 1a developing --on 2026-01-01",
                "action add $p --theme 1 --action Do",
                "descriptor add $p 3 3a 'Families hear news.'",
                "descriptor paste $p 2 $f/t2.txt",
            ],
            values,
        )
    ]
    assert printed[:5] == ["2\n", "1\n", "2\n", "1\n", "3a\n"]
    assert printed[5] == "2a\tLeaders promote partnership.\n2b\tGovernors check it.\n"


def test_priority_commands_print_their_number(tmp_path):
    """On an IiF portfolio, priority add prints the priority's number and diary add the new entry's id."""
    path = tmp_path / "hill.portfolio"
    printed = [
        out
        for _, out in run_lines(
            [
                "new $p --framework investors-in-families-secure --setting Hill",
                "priority add $p Forum",
                "priority add $p Newsletter",
                "diary add $p 2 2026-01-05 'Letters sent.'",
            ],
            {"p": path},
        )
    ]
    assert printed[1:] == ["1\n", "2\n", "1\n"]


def test_at_file_values_and_a_literal_at(oak, tmp_path):
    """--context @FILE reads the file (UTF-8, a BOM dropped); @@ keeps a value that really starts with @."""
    (tmp_path / "context.txt").write_text("\ufeffWe serve 420 families.\n", encoding="utf-8")
    run_lines(
        ["setting $p --context @$f/context.txt", 'write $p case-study "@@home: a family\'s story"'],
        {"p": oak, "f": tmp_path},
    )
    snapshot = json.loads(run_in_process(["show", str(oak), "--json"])[1])
    assert snapshot["setting"]["context"] == "We serve 420 families.\n"
    assert snapshot["texts"]["case-study"] == "@home: a family's story"


def test_a_dry_run_paste_shows_the_list_and_adds_nothing(oak, tmp_path):
    """descriptor paste --dry-run prints what would be added and leaves the theme empty."""
    (tmp_path / "t3.txt").write_text("3a Families hear news.\n3b) They reply.\n")
    code, out, err = run_in_process(
        ["descriptor", "paste", str(oak), "3", str(tmp_path / "t3.txt"), "--dry-run"]
    )
    assert (
        code == 0
        and out.splitlines() == ["3a\tFamilies hear news.", "3b\tThey reply."]
        and "nothing" in err
    )
    snapshot = json.loads(run_in_process(["show", str(oak), "--json"])[1])
    assert snapshot["themes"][2]["descriptors"] == []


def test_reading_commands_show_the_setting_staff_theme_and_items(oak, tmp_path):
    """setting, staff list --json, theme N and evidence ID print what is there without changing it."""
    (tmp_path / "a.txt").write_text("Minutes.\n")
    run_lines(
        [
            "setting $p --head 'Joy Okafor'",
            "staff add $p 'Ben Jones' --role Governor",
            "theme $p 1 --lead 'ben jones' --summary 'Strong ethos.'",
            "add $p $f/a.txt --descriptor 1a",
            "rate $p 1a developing --on 2026-01-01",
        ],
        {"p": oak, "f": tmp_path},
    )
    assert "Joy Okafor" in run_in_process(["setting", str(oak)])[1]
    staff = json.loads(run_in_process(["staff", "list", str(oak), "--json"])[1])
    assert [(p["name"], p["is_lead"]) for p in staff] == [("Ann Patel", True), ("Ben Jones", False)]
    theme = run_in_process(["theme", str(oak), "1"])[1]
    assert (
        "lead: Ben Jones" in theme
        and "Strong ethos." in theme
        and "1a     Developing 1 key" in theme
    )
    assert "1a" in run_in_process(["evidence", str(oak), "1"])[1]
    assert "Oak: Family Partnership Award" in run_in_process(["show", str(oak)])[1]


def test_the_readme_lists_every_command():
    """README's command table has a row for every command and subcommand."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = "\n".join(
        line for line in readme.splitlines() if line.startswith("| `portfolio-builder ")
    )
    missing = [
        " ".join(words)
        for words, _ in COMMANDS
        if f"`portfolio-builder {' '.join(words)}" not in table
        and f"/ `{' '.join(words)}" not in table
    ]
    assert missing == []
