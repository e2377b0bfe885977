"""Reading back what a figure drew."""

from matplotlib.colors import to_hex
from matplotlib.patches import Rectangle
from matplotlib.text import Text


def bars(ax):
    """Bar rectangles by gid (only patches the figure functions tagged)."""
    return {p.get_gid(): p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid()}


def texts(fig):
    """Every visible, non-empty text of the figure (titles, labels, ticks, legends, annotations)."""
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def ytick_labels(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def hexes(colours):
    return {to_hex(c) for c in colours}
