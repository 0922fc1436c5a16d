"""Energy and fulfilment over the period: a Plotext chart on the fixed 1-5 scale, one
letter per series (F, E) so the two read apart without colour (the numbers are beside
it, in TrendNumbers)."""

from __future__ import annotations

from collections.abc import Sequence

from textual_plotext import PlotextPlot

from compass_tui.domain.insights import Tally
from compass_tui.ui.insights.trend_numbers import point_label

LOW, HIGH = 1, 5


class TrendChart(PlotextPlot):
    """The chart; the caller sets the points and it draws them at its size."""

    def show(self, points: Sequence[Tally], weekly: bool) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        rated = [(i, t) for i, t in enumerate(points) if t.rated]
        xs = list(range(len(points)))
        if rated:
            # Side by side, a little apart: two equal means never hide one another.
            for name, marker, offset in (("fulfilment", "F", -0.2), ("energy", "E", 0.2)):
                series = [(i + offset, getattr(t, name)) for i, t in rated
                          if getattr(t, name) is not None]
                if series:  # points only: lines between them would claim in-between means
                    plt.scatter([i for i, _v in series], [v for _i, v in series],
                                marker=marker, label=name)
        plt.ylim(LOW, HIGH)
        plt.yticks([1, 2, 3, 4, 5])
        if xs:
            plt.xlim(-0.5, max(len(xs) - 0.5, 0.5))
            step = max(1, len(xs) // 6)
            ticks = xs[::step]
            plt.xticks(ticks, [point_label(points[i].key, weekly) for i in ticks])
        self.refresh()
