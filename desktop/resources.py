"""Finding the app's resource files (icons, styles, translations, sample articles).

Resources are plain files in the top-level ``resources/`` folder. This is
the one module that knows where that folder is in each way the app runs:
from the source tree, from a PyInstaller bundle, or installed with its data
under ``<prefix>/share/marginalia/resources``. It imports neither Qt nor the
database, so the CLI and the core can use it.
"""

from __future__ import annotations

import sys
from pathlib import Path

SAMPLES = "samples"


def resource_roots() -> list[Path]:
    """The places a ``resources/`` folder may be, most specific first."""
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "resources")
    roots.append(Path(__file__).resolve().parents[1] / "resources")
    roots.append(Path(sys.prefix) / "share" / "marginalia" / "resources")
    return roots


def resource_path(*parts: str) -> Path:
    """Returns the path of a resource file or folder, e.g. ``resource_path("samples")``.

    Raises:
        FileNotFoundError: no known location holds it; the message lists
            the places looked in, so a broken install can be diagnosed.
    """
    roots = resource_roots()
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    wanted = "/".join(parts) or "the resources folder"
    looked = ", ".join(str(root) for root in roots)
    raise FileNotFoundError(
        f"Marginalia's resource {wanted!r} was not found (looked in: {looked}). "
        "The installation may be incomplete; reinstalling Marginalia should fix it."
    )


def sample_articles_dir() -> Path:
    """The folder of demo articles (with the README giving their licence)."""
    return resource_path(SAMPLES)
