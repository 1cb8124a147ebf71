"""Plain-language symptoms that point a non-expert to an incident class and subclass
(``resources/rules/symptoms.json``). Suggestions only; the user confirms the type."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from core import resources
from core.rules import RulePack, RulePackError, pick


@dataclass(frozen=True)
class Symptom:
    """A common sign of an incident, mapped to its class and subclass."""

    text: str
    class_id: str
    subclass: str
    text_en: str = ""  # optional in the file: an older list shows its Chinese

    def label(self, lang: str = "zh") -> str:
        """The symptom as the UI shows it, in ``lang``."""
        return pick(self.text, self.text_en, lang)


@cache
def _raw() -> list[dict[str, str]]:
    path = resources.path("rules/symptoms.json")
    try:
        return list(json.loads(path.read_text(encoding="utf-8"))["symptoms"])
    except (OSError, ValueError, KeyError) as exc:
        raise RulePackError(f"规则包 rules/symptoms.json：无法读取（{exc}）") from exc


def symptoms(pack: RulePack) -> list[Symptom]:
    """The symptom list, checked against the pack's classes (a mismatch fails loudly)."""
    result = []
    for i, entry in enumerate(_raw()):
        cls = entry.get("class", "")
        sub = entry.get("subclass", "")
        try:
            allowed = pack.incident_class(cls).subclasses
        except KeyError:
            raise RulePackError(f"规则包 rules/symptoms.json：键 symptoms[{i}].class：未知类别 {cls!r}") from None
        if sub not in allowed:
            raise RulePackError(f"规则包 rules/symptoms.json：键 symptoms[{i}].subclass：{sub!r} 不属于 {cls}")
        text, text_en = entry.get("text"), entry.get("text_en", "")
        if not isinstance(text, str) or not text.strip():
            raise RulePackError(f"规则包 rules/symptoms.json：键 symptoms[{i}].text：应为非空字符串")
        if not isinstance(text_en, str):
            raise RulePackError(f"规则包 rules/symptoms.json：键 symptoms[{i}].text_en：类型应为字符串")
        result.append(Symptom(text, cls, sub, text_en))
    return result
