"""Care cards: the three levels of safety advice, as NHS leaflets give them.

Authors write Python-Markdown admonitions (``!!! urgent "Get help today if:"``).
This extension marks them as care cards and puts a visually hidden label
("Urgent advice:") at the start of the title, so a screen reader announces
the level that sighted readers get from colour and icon.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Mapping

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .strings import N_

#: admonition type -> label read out before the card's title
LEVELS: dict[str, str] = {
    "routine": N_("Non-urgent advice:"),
    "urgent": N_("Urgent advice:"),
    "emergency": N_("Emergency:"),
}


class CareCardProcessor(Treeprocessor):
    def __init__(self, md: Markdown, labels: Mapping[str, str]) -> None:
        super().__init__(md)
        self.labels = labels

    def run(self, root: etree.Element) -> None:
        for card in root.iter("div"):
            classes = card.get("class", "").split()
            level = classes[1] if len(classes) > 1 and classes[0] == "admonition" else None
            if level not in self.labels:
                continue
            card.set("class", " ".join([*classes, "care-card"]))
            title = next((child for child in card if child.get("class") == "admonition-title"), None)
            if title is None:
                continue
            title.set("role", "heading")
            title.set("aria-level", "3")
            label = etree.Element("span", {"class": "care-card__label"})
            label.text = self.labels[level]
            label.tail = " " + (title.text or "")
            title.text = None
            title.insert(0, label)


class CareCardExtension(Extension):
    """Register after ``admonition``; ``labels`` may be changed between pages."""

    def __init__(self, labels: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.labels: dict[str, str] = dict(labels or LEVELS)

    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 5: after inline processing (20), so the title text is final.
        md.treeprocessors.register(CareCardProcessor(md, self.labels), "care_cards", 5)
