"""Every command and subcommand has help text (fails when one is added without it)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from newsgraph.cli import main


def _walk(group: click.Group, ctx: click.Context, prefix: list[str]) -> list[list[str]]:
    out = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        assert cmd is not None, name
        out.append(prefix + [name])
        if isinstance(cmd, click.Group):
            out.extend(_walk(cmd, click.Context(cmd, info_name=name, parent=ctx),
                             prefix + [name]))
    return out


COMMANDS = _walk(main, click.Context(main, info_name="newsgraph"), [])


def test_core_commands_exist() -> None:
    names = {c[0] for c in COMMANDS}
    assert {"extract", "analyze", "eval", "schema"} <= names


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a))
def test_help(argv: list[str]) -> None:
    result = CliRunner().invoke(main, argv + ["--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    # the first help line is a real sentence, not empty
    cmd_help = result.output.split("\n\n")[1].strip()
    assert len(cmd_help) > 15, result.output


def test_python_dash_m_runs_the_same_command() -> None:
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "newsgraph", "--help"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: newsgraph ")
