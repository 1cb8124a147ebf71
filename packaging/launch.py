"""Entry script of the PyInstaller bundle (``build.spec``): the same entry point as the
``incident-assistant`` console script (``gui.launch.entry``), so the bundle starts the
GUI without arguments and runs every CLI subcommand (``check``, ``pdf``, ``self-test``…)
with them."""

from gui.launch import entry

if __name__ == "__main__":
    entry()
