"""Start at login (issue 18): deadlines do not wait for the user to open the app, so it can
start with the session, hidden in the tray (``--tray``), and remind from there.

On Linux (and other XDG desktops) an autostart entry ``$XDG_CONFIG_HOME/autostart/
org.incident_assistant.IncidentAssistant.desktop`` (``~/.config`` when unset); on Windows a value under the
current user's ``Run`` key. The choice is also kept in the store's meta (``KEY``) so the
menu shows it. Nothing here needs administrator rights.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

APP_ID = "org.incident_assistant.IncidentAssistant"  # the desktop entry's id (packaging/deb)
COMMAND = "incident-assistant"  # the installed command
KEY = "start_at_login"  # store meta: ON / OFF
ON, OFF = "1", "0"
TRAY_ARG = "--tray"  # gui.launch: start hidden in the tray
RUN_KEY = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"
RUN_VALUE = "IncidentAssistant"
_DESKTOP_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def launch_command() -> list[str]:
    """The command that starts this app hidden in the tray: the bundle's executable, the
    installed ``incident-assistant`` command, or this Python running ``gui.launch``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, TRAY_ARG]
    installed = shutil.which(COMMAND)
    if installed:
        return [installed, TRAY_ARG]
    return [sys.executable, "-m", "gui.launch", TRAY_ARG]


def autostart_file(env: Mapping[str, str] | None = None) -> Path:
    """Where the XDG autostart entry goes (``$XDG_CONFIG_HOME`` respected when absolute)."""
    env = os.environ if env is None else env
    config = env.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and Path(config).is_absolute() else Path(env.get("HOME") or Path.home()) / ".config"
    return base / "autostart" / f"{APP_ID}.desktop"


def _desktop_quote(arg: str) -> str:
    """One argument of a desktop entry's Exec key (Desktop Entry Specification, "The Exec key")."""
    arg = arg.replace("%", "%%")
    if not any(c in _DESKTOP_RESERVED for c in arg):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def desktop_entry(command: Sequence[str]) -> str:
    exec_line = " ".join(_desktop_quote(a) for a in command).replace("\\", "\\\\")
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=网络安全事件报告助手",
            "Name[en]=Incident Reporting Assistant",
            "Comment=登录后在托盘中提醒报告期限",
            "Comment[en]=Reminds of reporting deadlines from the tray after login",
            f"Exec={exec_line}",
            f"Icon={COMMAND}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def _windows_command(command: Sequence[str]) -> str:
    return " ".join(f'"{a}"' if " " in a else a for a in command)


def set_enabled(enabled: bool, env: Mapping[str, str] | None = None, command: Sequence[str] | None = None) -> Path | str:
    """Write (or remove) the start-at-login entry; returns where it lives. Raises ``OSError``."""
    command = list(command or launch_command())
    if sys.platform == "win32":  # not testable on Linux: QSettings writes the registry there
        from PySide6.QtCore import QSettings

        settings = QSettings(RUN_KEY, QSettings.Format.NativeFormat)
        if enabled:
            settings.setValue(RUN_VALUE, _windows_command(command))
        else:
            settings.remove(RUN_VALUE)
        settings.sync()
        return f"{RUN_KEY}\\{RUN_VALUE}"
    path = autostart_file(env)
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(desktop_entry(command), encoding="utf-8")
        os.replace(temporary, path)
    else:
        path.unlink(missing_ok=True)
    return path


def is_enabled(env: Mapping[str, str] | None = None) -> bool:
    """The entry exists now (the user may have removed it outside the app)."""
    if sys.platform == "win32":
        from PySide6.QtCore import QSettings

        return QSettings(RUN_KEY, QSettings.Format.NativeFormat).contains(RUN_VALUE)
    return autostart_file(env).is_file()
