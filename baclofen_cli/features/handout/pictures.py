"""The handout's pictures as inline SVG."""

from __future__ import annotations

from typing import Any

from baclofen_cli.features.handout.layout import one_line

# Drawn from shapes only; every word comes from the picture's `words` in the knowledge file, and the
# caption and alt text become the SVG's <title> and <desc> (read out by screen readers).


def picture_svg(picture: dict[str, Any], ident: str, labels: dict[str, str]) -> str:
    import html

    words = {k: one_line(v) for k, v in picture["words"].items()}
    draw = _DRAWINGS[picture["kind"]]
    width, height, body = draw(words, labels)
    title, desc = html.escape(one_line(picture["caption"])), html.escape(one_line(picture["alt"]))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" font-family="Verdana, DejaVu Sans, Arial, sans-serif">'
            f'<title id="{ident}-title">{title}</title><desc id="{ident}-desc">{desc}</desc>{body}</svg>')


def _svg_text(x: float, y: float, text: str, *, size: int = 16, width: int = 0, anchor: str = "start",
              weight: str = "normal", fill: str = "#000") -> str:
    """Text at (x, y), wrapped into lines of about `width` characters (0: one line)."""
    import html
    import textwrap

    lines = textwrap.wrap(text, width) if width else [text]
    spans = "".join(
        f'<tspan x="{x}" dy="{0 if i == 0 else round(size * 1.25)}">{html.escape(line)}</tspan>'
        for i, line in enumerate(lines or [""])
    )
    return (f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
            f'fill="{fill}">{spans}</text>')


def _draw_syringe(words: dict[str, str], labels: dict[str, str]) -> tuple[int, int, str]:
    unit = words.get("unit", "")
    left, right = 90, 490  # the barrel; 0 at the tip end, 5 at the far end
    parts = [
        # the tip, the barrel and the liquid drawn in up to the 2.5 mark
        '<rect x="50" y="74" width="40" height="22" fill="#fff" stroke="#000" stroke-width="3"/>',
        f'<rect x="{left}" y="50" width="{right - left}" height="70" rx="6" fill="#fff" stroke="#000" stroke-width="4"/>',
        f'<rect x="{left + 2}" y="53" width="{(right - left) // 2 - 2}" height="64" fill="#cfe3f7"/>',
        # the plunger: its rubber edge at the 2.5 mark, its rod and thumb rest out to the right
        f'<rect x="{left + (right - left) // 2}" y="53" width="16" height="64" fill="#333"/>',
        f'<rect x="{left + (right - left) // 2 + 16}" y="78" width="{right - left}" height="14" fill="#777"/>',
        f'<rect x="{right + (right - left) // 2 + 10}" y="40" width="14" height="90" fill="#555"/>',
    ]
    for tenth in range(0, 51, 5):
        x = left + (right - left) * tenth / 50
        tall = tenth % 10 == 0
        parts.append(f'<line x1="{x}" y1="50" x2="{x}" y2="{78 if tall else 66}" stroke="#000" stroke-width="{3 if tall else 2}"/>')
        if tall:
            label = f"{tenth // 10}" + (f" {unit}" if tenth == 50 and unit else "")
            parts.append(_svg_text(x, 38, label, size=26, anchor="middle", weight="bold"))
    # an arrow to the edge that is read: the line the label gives
    mark = left + (right - left) // 2
    parts.append(f'<path d="M{mark} 175 L{mark} 126" stroke="#a00000" stroke-width="4" fill="none"/>')
    parts.append(f'<path d="M{mark - 9} 138 L{mark} 124 L{mark + 9} 138 Z" fill="#a00000"/>')
    if words.get("tip"):
        parts.append(_svg_text(10, 160, words["tip"], size=24, width=18))
    if words.get("plunger"):
        parts.append(_svg_text(mark + 24, 160, words["plunger"], size=24, width=24))
    return 760, 225, "".join(parts)


def _draw_decision_chart(words: dict[str, str], labels: dict[str, str]) -> tuple[int, int, str]:
    def box(x: int, y: int, w: int, h: int, text: str, *, bold: bool = False, stroke: int = 3) -> str:
        return (f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" fill="#fff" stroke="#000" stroke-width="{stroke}"/>'
                + _svg_text(x + w / 2, y + 30, text, size=18, width=w // 11, anchor="middle",
                            weight="bold" if bold else "normal"))

    yes, no = words.get("yes") or labels.get("yes", ""), words.get("no") or labels.get("no", "")
    parts = [
        box(130, 10, 440, 80, words.get("question", ""), bold=True),
        '<path d="M250 90 L160 150" stroke="#000" stroke-width="3"/><path d="M450 90 L540 150" stroke="#000" stroke-width="3"/>',
        '<path d="M150 150 L170 140 L160 160 Z" fill="#000"/><path d="M550 150 L530 140 L540 160 Z" fill="#000"/>',
        _svg_text(175, 130, yes, size=18, weight="bold", anchor="end"),
        _svg_text(525, 130, no, size=18, weight="bold"),
        box(10, 160, 320, 100, words.get("yes_action", "")),
        box(370, 160, 320, 100, words.get("no_action", "")),
    ]
    if words.get("always"):
        parts.append(box(110, 285, 480, 56, words["always"], bold=True, stroke=6))
    return 700, 350, "".join(parts)


def _draw_traffic_light(words: dict[str, str], labels: dict[str, str]) -> tuple[int, int, str]:
    rows = [("red", "#a00000", "#fff"), ("amber", "#f2b705", "#000"), ("green", "#2e7d32", "#fff")]
    parts = []
    for i, (key, colour, ink) in enumerate(rows):
        y = 10 + i * 110
        parts.append(f'<rect x="10" y="{y}" width="680" height="100" rx="10" fill="#fff" stroke="#000" stroke-width="3"/>')
        parts.append(f'<rect x="10" y="{y}" width="110" height="100" rx="10" fill="{colour}" stroke="#000" stroke-width="3"/>')
        parts.append(f'<circle cx="65" cy="{y + 50}" r="30" fill="{ink}" opacity="0.9"/>')
        parts.append(f'<circle cx="65" cy="{y + 50}" r="22" fill="{colour}"/>')
        parts.append(_svg_text(140, y + 32, words.get(key, ""), size=19, weight="bold", width=50))
        parts.append(_svg_text(140, y + 60, words.get(f"{key}_text", ""), size=17, width=58))
    return 700, 340, "".join(parts)


def _draw_pump(words: dict[str, str], labels: dict[str, str]) -> tuple[int, int, str]:
    parts = [
        # the body seen from the side: belly on the left, back on the right
        '<path d="M120 20 C60 120 60 260 120 360 L520 360 L520 20 Z" fill="#fbe9dc" stroke="#000" stroke-width="3"/>',
        # the spine: bones, the fluid around the cord, and the cord
        '<rect x="440" y="20" width="60" height="340" fill="#dbe9f7" stroke="#000" stroke-width="2"/>',
    ]
    for y in range(30, 350, 40):
        parts.append(f'<rect x="505" y="{y}" width="40" height="30" rx="6" fill="#eee" stroke="#000" stroke-width="2"/>')
    parts += [
        '<rect x="462" y="20" width="16" height="340" rx="8" fill="#f5d46b" stroke="#000" stroke-width="2"/>',
        # the pump under the skin of the belly, and its thin tube round to the spine
        '<circle cx="120" cy="230" r="42" fill="#9aa5b1" stroke="#000" stroke-width="4"/>',
        '<circle cx="120" cy="230" r="12" fill="#fff" stroke="#000" stroke-width="2"/>',
        '<path d="M160 240 C260 300 380 300 452 230 L452 150" fill="none" stroke="#a00000" stroke-width="5"/>',
        '<circle cx="452" cy="150" r="6" fill="#a00000"/>',
    ]
    labelled = [
        ("pump", 20, 310, 100, 268), ("skin", 0, 30, 108, 62), ("catheter", 200, 190, 300, 262),
        ("fluid", 560, 110, 500, 130), ("cord", 560, 220, 478, 230),
    ]
    for key, x, y, px, py in labelled:
        if words.get(key):
            # The leader leaves the label on the side that faces what it names.
            import textwrap

            longest = max(map(len, textwrap.wrap(words[key], 16) or [""]))
            start = x - 4 if px < x else x + longest * 10
            y_start = y - 6 if py < y + 10 else y + 14
            parts.append(f'<line x1="{start}" y1="{y_start}" x2="{px}" y2="{py}" stroke="#000" stroke-width="1.5"/>')
            parts.append(_svg_text(x, y, words[key], size=17, weight="bold", width=16))
    return 720, 390, "".join(parts)


_DRAWINGS = {
    "oral-syringe": _draw_syringe,
    "decision-chart": _draw_decision_chart,
    "traffic-light": _draw_traffic_light,
    "pump": _draw_pump,
}
