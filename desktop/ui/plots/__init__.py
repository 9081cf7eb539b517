"""Plots of the annotations: who is mentioned, how much money, when, which labels.

The only package that imports pyqtgraph, and only in :mod:`desktop.ui.plots.charts`,
which the dock loads when a plot is first shown: importing this package is cheap.
"""

from desktop.ui.plots.dock import PlotsDock

__all__ = ["PlotsDock"]
