"""Server-side SVG charts for the admin: a bar chart and a line chart.

Pure functions of plain values returning safe SVG markup, so the dashboard needs
neither JavaScript nor a charting library. Each chart is ``role="img"`` named by
its ``<title>`` and ``<desc>``; pages give the numbers again as a table.
"""

import math
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 720
BAR_HEIGHT = 22
BAR_GAP = 10
LABEL_WIDTH = 300
LABEL_CHARACTERS = 36
LINE_HEIGHT = 280
TEXT = "#1b1b1b"
GRID = "#767676"
# At least 3:1 against white, told apart by marker shape and dashes as well.
COLOURS = ("#1f5f99", "#b3541e", "#2e7d32", "#6a3d9a")
DASHES = ("", "6 4", "2 3", "10 3 2 3")
MARKERS = ("circle", "square", "triangle", "diamond")


def _identifier(value):
    return re.sub(r"[^A-Za-z0-9_-]", "-", str(value)) or "chart"


def _number(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _shorten(text, limit=LABEL_CHARACTERS):
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _open_svg(chart_id, width, height, title, description):
    chart_id = _identifier(chart_id)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="system-ui, sans-serif" font-size="13">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]


def nice_step(span, *, whole=False, lines=5):
    """A round step (1, 2 or 5 × 10ⁿ) cutting ``span`` into at most ``lines`` parts."""
    if span <= 0:
        return 1
    raw = span / lines
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if raw <= m * power)
    return max(step, 1) if whole else step


def bar_chart(bars, *, chart_id, title, description, value_label=str):
    """Horizontal bars: ``bars`` are (label, value ≥ 0) pairs, top first.

    ``value_label`` writes a value as people read it; the full label and value
    are in each bar's own ``<title>``.
    """
    bars = [(label, value or 0) for label, value in bars]
    height = max(len(bars), 1) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    parts = _open_svg(chart_id, WIDTH, height, title, description)
    top = max((value for _label, value in bars), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 70
    for index, (label, value) in enumerate(bars):
        y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP)
        length = room * value / top
        shown = escape(value_label(value))
        parts.append(
            f'<g class="chart-bar"><title>{escape(label)}: {shown}</title>'
            f'<text x="{LABEL_WIDTH - 8}" y="{_number(y + BAR_HEIGHT * 0.7)}" '
            f'text-anchor="end" fill="{TEXT}">{escape(_shorten(label))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{_number(length)}" '
            f'height="{BAR_HEIGHT}" fill="{COLOURS[0]}"/>'
            f'<text x="{_number(LABEL_WIDTH + length + 6)}" '
            f'y="{_number(y + BAR_HEIGHT * 0.7)}" fill="{TEXT}">{shown}</text></g>'
        )
    parts.append(
        f'<line x1="{LABEL_WIDTH}" y1="{BAR_GAP // 2}" x2="{LABEL_WIDTH}" '
        f'y2="{height - BAR_GAP // 2}" stroke="{GRID}"/>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every text is escaped)


def _marker(shape, x, y, colour):
    if shape == "square":
        return (
            f'<rect x="{_number(x - 4)}" y="{_number(y - 4)}" width="8" height="8" '
            f'fill="{colour}"/>'
        )
    if shape == "triangle":
        points = f"{_number(x)},{_number(y - 5)} {_number(x - 5)},{_number(y + 4)} "
        points += f"{_number(x + 5)},{_number(y + 4)}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "diamond":
        points = f"{_number(x)},{_number(y - 5)} {_number(x + 5)},{_number(y)} "
        points += f"{_number(x)},{_number(y + 5)} {_number(x - 5)},{_number(y)}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    return f'<circle cx="{_number(x)}" cy="{_number(y)}" r="4" fill="{colour}"/>'


def _segments(points):
    """Runs of consecutive points with a value: a gap breaks the line."""
    run = []
    for point in points:
        if point is None:
            if run:
                yield run
            run = []
        else:
            run.append(point)
    if run:
        yield run


def line_chart(
    labels,
    series,
    *,
    chart_id,
    title,
    description,
    minimum=0,
    maximum=None,
    whole=False,
    value_label=str,
):
    """Lines over ``labels`` (the x axis): ``series`` are (name, values) pairs.

    A value of None leaves a gap. The y axis runs from ``minimum`` to ``maximum``
    (by default a round number above the highest value) in round steps, whole
    numbers for counts (``whole``); a legend names the lines.
    """
    labels = [str(label) for label in labels]
    left, right, top, bottom = 56, 16, 16, 70
    height = LINE_HEIGHT
    plot_width = WIDTH - left - right
    plot_height = height - top - bottom
    values = [v for _name, vs in series for v in vs if v is not None]
    if maximum is None:
        highest = max([*values, minimum + 1])
        step = nice_step(highest - minimum, whole=whole)
        maximum = minimum + math.ceil((highest - minimum) / step) * step
    else:
        step = nice_step(maximum - minimum, whole=whole)
    span = (maximum - minimum) or 1
    parts = _open_svg(chart_id, WIDTH, height, title, description)

    def x_of(index):
        if len(labels) <= 1:
            return left + plot_width / 2
        return left + plot_width * index / (len(labels) - 1)

    def y_of(value):
        return top + plot_height * (1 - (value - minimum) / span)

    for number in range(round(span / step) + 1):
        value = minimum + number * step
        y = y_of(value)
        parts.append(
            f'<line x1="{left}" y1="{_number(y)}" x2="{WIDTH - right}" '
            f'y2="{_number(y)}" stroke="{GRID}" '
            f'stroke-opacity="{1 if number == 0 else 0.35}"/>'
            f'<text x="{left - 6}" y="{_number(y + 4)}" text-anchor="end" '
            f'fill="{TEXT}">{escape(value_label(value))}</text>'
        )
    every = max(1, math.ceil(len(labels) / 7))
    for index, label in enumerate(labels):
        if index % every:
            continue
        # The first and last labels stay inside the picture.
        anchor = "middle"
        if len(labels) > 1 and index == 0:
            anchor = "start"
        elif len(labels) > 1 and index == len(labels) - 1:
            anchor = "end"
        parts.append(
            f'<text x="{_number(x_of(index))}" y="{top + plot_height + 18}" '
            f'text-anchor="{anchor}" fill="{TEXT}">{escape(_shorten(label, 18))}</text>'
        )
    legend_y = height - 18
    legend_x = left
    for number, (name, series_values) in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        dash = DASHES[number % len(DASHES)]
        shape = MARKERS[number % len(MARKERS)]
        points = [
            None if value is None else (x_of(index), y_of(value))
            for index, value in enumerate(series_values)
        ]
        dash_attribute = f' stroke-dasharray="{dash}"' if dash else ""
        group = [f'<g class="chart-series"><title>{escape(name)}</title>']
        for run in _segments(points):
            path = " ".join(f"{_number(x)},{_number(y)}" for x, y in run)
            group.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" '
                f'stroke-width="2.5"{dash_attribute}/>'
            )
        for point in points:
            if point is not None:
                group.append(_marker(shape, *point, colour))
        group.append("</g>")
        parts.extend(group)
        parts.append(
            f'<line x1="{legend_x}" y1="{legend_y}" x2="{legend_x + 28}" '
            f'y2="{legend_y}" stroke="{colour}" stroke-width="2.5"{dash_attribute}/>'
            + _marker(shape, legend_x + 14, legend_y, colour)
            + f'<text x="{legend_x + 34}" y="{legend_y + 4}" fill="{TEXT}">'
            f"{escape(_shorten(name, 30))}</text>"
        )
        legend_x += 44 + 8 * min(len(str(name)), 30)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every text is escaped)
