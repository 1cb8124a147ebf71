"""The ``check`` entry points under their historical names: the assessment itself lives in
``core.assessment`` (one answer for the CLI, the GUI, the list and the documents)."""

from __future__ import annotations

from core.assessment import Assessment, assess, check

CheckResult = Assessment

__all__ = ["Assessment", "CheckResult", "assess", "check"]
