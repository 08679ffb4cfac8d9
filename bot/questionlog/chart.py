"""The curators' statistics picture (PNG) and its one-paragraph Chinese summary.

Chinese text needs a CJK font; we use the one bundled in the mplfonts package, registered
with matplotlib by file path, so a fresh machine renders it without network or system fonts.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping
from pathlib import Path

import matplotlib.dates as mdates
from matplotlib import font_manager, rc_context

# The Agg canvas directly, not pyplot: no global figure state, no display needed.
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

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


def _topic_label(topic: str, topic_names: Mapping[str, str]) -> str:
    return topic_names.get(topic) or ("其他" if topic == OTHER_TOPIC else topic)


def _topic_bars(stats: Stats, topic_names: Mapping[str, str]) -> list[tuple[str, int]]:
    items = list(stats.per_topic.items())
    shown = [(_topic_label(t, topic_names), n) for t, n in items[:_TOPIC_BARS]]
    rest = sum(n for _, n in items[_TOPIC_BARS:])
    return [*shown, ("其他", rest)] if rest else shown


def render_stats_png(stats: Stats, topic_names: Mapping[str, str]) -> bytes:
    """Two panels: questions per day (all and answered) and questions per topic."""
    family = cjk_font_family()
    days = list(stats.per_day)
    totals = [c.total for c in stats.per_day.values()]
    answered = [c.answered for c in stats.per_day.values()]
    bars = _topic_bars(stats, topic_names)
    with _render_lock, rc_context({"font.family": [family], "axes.unicode_minus": False}):
        fig = Figure(figsize=(9, 7.5), dpi=100, layout="constrained")
        FigureCanvasAgg(fig)
        fig.suptitle(
            f"近{stats.days}天提问统计（共{stats.total}条，回答率{stats.answer_rate:.0%}）",
            fontsize=14,
        )
        per_day, per_topic = fig.subplots(2, 1, height_ratios=(1, max(1.0, len(bars) / 6)))
        per_day.plot(days, totals, marker="o", markersize=3, label="提问")
        per_day.plot(days, answered, marker="o", markersize=3, label="已回答")
        per_day.set_title("每日提问")
        per_day.set_ylabel("条数")
        per_day.set_ylim(bottom=0, top=max([*totals, 1]) * 1.15)
        per_day.yaxis.get_major_locator().set_params(integer=True)
        per_day.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))  # type: ignore[no-untyped-call]
        per_day.legend(loc="upper left")
        per_day.grid(alpha=0.3)
        per_topic.set_title("各主题提问数")
        if bars:
            labels = [label for label, _ in reversed(bars)]  # barh draws bottom-up
            counts = [n for _, n in reversed(bars)]
            drawn = per_topic.barh(labels, counts, color="#c0392b")
            per_topic.bar_label(drawn, padding=3)
            per_topic.set_xlim(right=max(counts) * 1.15)
            per_topic.set_xlabel("条数")
        else:
            per_topic.set_axis_off()
            per_topic.text(0.5, 0.5, "暂无已回答的提问", ha="center", va="center", fontsize=12)
        out = io.BytesIO()
        fig.savefig(out, format="png")
    return out.getvalue()


def summarize_stats(stats: Stats, topic_names: Mapping[str, str]) -> str:
    """One short Chinese paragraph with the same numbers as the chart."""
    if stats.total == 0:
        return f"近{stats.days}天暂无提问。"
    text = (
        f"近{stats.days}天提问{stats.total}条，已回答{stats.answered}条，"
        f"回答率{stats.answer_rate:.0%}，👍{stats.up} / 👎{stats.down}"
    )
    top = list(stats.per_topic.items())[:3]
    if top:
        text += "，提问最多的主题：" + "、".join(
            f"{_topic_label(t, topic_names)}（{n}条）" for t, n in top
        )
    return text + "。"
