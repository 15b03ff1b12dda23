"""BENCHMARKS.md holds the build results (written by bench.py) and the preview's (by preview.py):
each script rewrites only its own part and keeps the other's."""

import re
from pathlib import Path

START = "<!-- preview results: written by bench/preview.py -->"
END = "<!-- end of preview results -->"


def preview_part(text):
    """The preview's part of a BENCHMARKS.md text, markers included; empty when it has none."""
    start, end = text.find(START), text.find(END)
    return text[start:end + len(END)] + "\n" if 0 <= start < end else ""


def keep_preview(build_text, benchmarks):
    """The build results of `build_text` followed by the preview part the file already holds."""
    old = Path(benchmarks).read_text() if Path(benchmarks).is_file() else ""
    part = preview_part(old)
    return build_text + ("\n" + part if part else "")


def embed_preview(benchmarks, results_text):
    """Puts the preview's results (bench/results-preview.md's text) in their part of the file,
    after the build results, as a section with its headings one level down."""
    lines = results_text.rstrip("\n").split("\n")
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    body = "\n".join(re.sub(r"^(#+) ", r"\1# ", line) for line in lines).strip("\n")
    part = f"{START}\n## Preview server\n\n{body}\n{END}\n"
    path = Path(benchmarks)
    old = path.read_text() if path.is_file() else "# Benchmarks\n"
    existing = preview_part(old)
    text = old.replace(existing, part) if existing else old.rstrip("\n") + "\n\n" + part
    path.write_text(text)
