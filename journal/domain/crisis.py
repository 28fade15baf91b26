"""Crisis contacts by country, from the reviewed data file ``resources/crisis_contacts.json``.

The country is the user's own setting, never guessed. The message is calm, gives concrete
numbers and says plainly that the app tells nobody. It never scores anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from journal.domain.questionnaires import RESOURCES

DEFAULT_REGION = "other"
NOBODY_TOLD = ("This app does not tell anyone about your answers, and no one is monitoring "
               "them: it keeps them only in your journal, on this computer.")


@dataclass(frozen=True)
class Region:
    key: str
    name: str
    emergency: str
    lines: tuple[tuple[str, str], ...]  # (name, how to reach it)


@dataclass(frozen=True)
class CrisisContacts:
    regions: tuple[Region, ...]
    directory: tuple[str, str, str]  # name, address, what it lists
    last_verified: str

    def region(self, key: str | None) -> Region:
        """The region *key*; an unknown or missing key gives "another country"."""
        by_key = {r.key: r for r in self.regions}
        return by_key.get(key or DEFAULT_REGION, by_key[DEFAULT_REGION])

    def lines_for(self, key: str | None) -> list[str]:
        """What to call, one line each: crisis lines, the emergency number, the directory.

        With no country set (None, e.g. on the command line): every country's lines.
        """
        if key is None:
            lines = [f"{r.name}: {name}: {how}." for r in self.regions for name, how in r.lines]
            lines.append("In an emergency: call your local emergency number.")
        else:
            region = self.region(key)
            lines = [f"{name}: {how}." for name, how in region.lines]
            lines.append(f"In an emergency: call {region.emergency}.")
        name, address, what = self.directory
        lines.append(f"{name} ({address}) lists {what}.")
        return lines


@cache
def crisis_contacts() -> CrisisContacts:
    data = json.loads((RESOURCES / "crisis_contacts.json").read_text(encoding="utf-8"))
    regions = tuple(Region(r["key"], r["name"], r["emergency"],
                           tuple((line["name"], line["how"]) for line in r["lines"]))
                    for r in data["regions"])
    d = data["directory"]
    return CrisisContacts(regions, (d["name"], d["address"], d["what"]), data["last_verified"])


def safety_message(region: str | None) -> str:
    """The message shown when PHQ-9 item 9 is answered above 0, and under Help > Get help now."""
    contacts = "\n".join(f"• {line}" for line in crisis_contacts().lines_for(region))
    return ("You mentioned thoughts of being better off dead or of hurting yourself. You don't "
            "have to handle this alone. If you might act on these thoughts or are in danger, "
            "call your local emergency number now. You can also reach someone who listens, "
            f"at any hour:\n{contacts}\n\n{NOBODY_TOLD}")
