"""axe-core in the page under test: WCAG 2.1 A and AA rules, readable failures."""

import json
from functools import cache
from pathlib import Path

from django.conf import settings

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NODES_SHOWN = 3


@cache
def _axe_source():
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page):
    """axe's violations of the WCAG 2.1 A and AA rules on the page as it is now."""
    page.add_script_tag(content=_axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA_TAGS,
    )
    return result["violations"]


def describe_violations(violations, url):
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" [{violation['helpUrl']}]"
        )
        for node in violation["nodes"][:NODES_SHOWN]:
            target = json.dumps(node["target"], ensure_ascii=False)
            lines.append(f"    {target}: {node['html'][:160]}")
        if len(violation["nodes"]) > NODES_SHOWN:
            lines.append(f"    … and {len(violation['nodes']) - NODES_SHOWN} more")
    return "\n".join(lines)


def assert_no_violations(page):
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations, page.url)
