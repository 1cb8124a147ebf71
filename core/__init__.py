"""Plain-Python domain of the Incident Reporting Assistant (网络安全事件报告助手).

Rules, deadlines, grading, validation, storage and reports live here. Nothing in
this package imports Qt; the GUI (``gui/``) and the CLI (``core.cli``) are thin
clients of the same API.
"""

APP_NAME = "incident-assistant"
__version__ = "0.1.0"
