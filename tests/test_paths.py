"""Where reader keeps its files: the config directory follows the platform's rules."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from reader.paths import config_dir


@pytest.mark.parametrize("xdg", [None, "", "   ", "/srv/team-config"])
def test_the_config_directory_is_the_one_platformdirs_names(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
    assert str(config_dir()) == platformdirs.user_config_dir("reader", appauthor=False)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is Linux's")
def test_finding_the_config_directory_does_not_load_platformdirs() -> None:
    import subprocess

    code = "import sys\nfrom reader.paths import config_dir\nconfig_dir()\n"
    code += "print('platformdirs' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False"
