"""The curators' statistics picture (PNG); its words come from the caller (responses/texts.yaml).

Chinese text needs a CJK font; we use the one bundled in the mplfonts package, registered
with matplotlib by file path, so a fresh machine renders it without network or system fonts.
matplotlib is imported only when a chart is drawn: it costs a second at every start otherwise.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.questionlog.store import OTHER_TOPIC, Stats

# Preferred first; all are Simplified Chinese faces shipped inside the mplfonts package.
_FONT_FILES = ("NotoSansCJKsc-Regular.otf", "SourceHanSerifSC-Regular.otf", "SimHei.ttf")
_TOPIC_BARS = 12  # more topics than this would be unreadable; the rest are summed as 其他
_render_lock = threading.Lock()  # rc_context changes process-wide settings
_font_family: str | None = None


def mplfonts_dir() -> Path:
    import mplfonts  # imported lazily: only the chart needs it

    return Path(mplfonts.__file__).parent / "fonts"


def cjk_font_family() -> str:
    """Register the bundled CJK font with matplotlib (once) and return its family name."""
    from matplotlib import font_manager

    global _font_family
    if _font_family is None:
        for name in _FONT_FILES:
            path = mplfonts_dir() / name
            if path.is_file():
                font_manager.fontManager.addfont(str(path))
                _font_family = font_manager.FontProperties(fname=str(path)).get_name()
                break
        else:
            raise RuntimeError(f"no CJK font found in {mplfonts_dir()}; reinstall mplfonts")
    return _font_family


@dataclass(frozen=True)
class ChartLabels:
    """Every word drawn on the chart; `title` may use {days}, {total} and {rate}."""

    title: str
    per_day: str
    asked: str
    answered: str
    count: str
    per_topic: str
    other: str
    empty: str


def topic_label(topic: str, topic_names: Mapping[str, str], other: str) -> str:
    return topic_names.get(topic) or (other if topic == OTHER_TOPIC else topic)


def _topic_bars(stats: Stats, topic_names: Mapping[str, str], other: str) -> list[tuple[str, int]]:
    items = list(stats.per_topic.items())
    shown = [(topic_label(t, topic_names, other), n) for t, n in items[:_TOPIC_BARS]]
    rest = sum(n for _, n in items[_TOPIC_BARS:])
    return [*shown, (other, rest)] if rest else shown


def render_stats_png(stats: Stats, topic_names: Mapping[str, str], labels: ChartLabels) -> bytes:
    """Two panels: questions per day (all and answered) and questions per topic."""
    import matplotlib.dates as mdates
    from matplotlib import rc_context

    # The Agg canvas directly, not pyplot: no global figure state, no display needed.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    family = cjk_font_family()
    days = list(stats.per_day)
    totals = [c.total for c in stats.per_day.values()]
    answered = [c.answered for c in stats.per_day.values()]
    bars = _topic_bars(stats, topic_names, labels.other)
    with _render_lock, rc_context({"font.family": [family], "axes.unicode_minus": False}):
        fig = Figure(figsize=(9, 7.5), dpi=100, layout="constrained")
        FigureCanvasAgg(fig)
        title = labels.title.format(
            days=stats.days, total=stats.total, rate=f"{stats.answer_rate:.0%}"
        )
        fig.suptitle(title, fontsize=14)
        per_day, per_topic = fig.subplots(2, 1, height_ratios=(1, max(1.0, len(bars) / 6)))
        per_day.plot(days, totals, marker="o", markersize=3, label=labels.asked)
        per_day.plot(days, answered, marker="o", markersize=3, label=labels.answered)
        per_day.set_title(labels.per_day)
        per_day.set_ylabel(labels.count)
        per_day.set_ylim(bottom=0, top=max([*totals, 1]) * 1.15)
        per_day.yaxis.get_major_locator().set_params(integer=True)
        per_day.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))  # type: ignore[no-untyped-call]
        per_day.legend(loc="upper left")
        per_day.grid(alpha=0.3)
        per_topic.set_title(labels.per_topic)
        if bars:
            names = [name for name, _ in reversed(bars)]  # barh draws bottom-up
            counts = [n for _, n in reversed(bars)]
            drawn = per_topic.barh(names, counts, color="#c0392b")
            per_topic.bar_label(drawn, padding=3)
            per_topic.set_xlim(right=max(counts) * 1.15)
            per_topic.set_xlabel(labels.count)
        else:
            per_topic.set_axis_off()
            per_topic.text(0.5, 0.5, labels.empty, ha="center", va="center", fontsize=12)
        out = io.BytesIO()
        fig.savefig(out, format="png")
    return out.getvalue()
