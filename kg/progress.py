"""Progress of a long run on stderr: a bar (done, rate, time left) on a terminal, plain lines otherwise.

Only the CLI uses it; the library never prints.
"""
from __future__ import annotations

import sys
import time


class Progress:
    """``step(name)`` once per article. On a terminal a tqdm bar with articles done, rate and time
    left; otherwise (a log, a pipe, CI) one plain line per article: ``[3/120] story (2.1 articles/s)``."""

    def __init__(self, total: int | None, *, stream=None, bar: bool | None = None):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.started = time.monotonic()
        interactive = bar if bar is not None else _isatty(self.stream)
        self._bar = None
        if interactive:
            try:
                from tqdm import tqdm
            except ImportError:  # tqdm comes with spaCy; plain lines without it
                tqdm = None
            if tqdm is not None:
                self._bar = tqdm(total=total, unit="article", file=self.stream, dynamic_ncols=True,
                                 smoothing=0.1, mininterval=0.5)

    def step(self, name: str) -> None:
        """One more article done (or failed)."""
        self.done += 1
        if self._bar is not None:
            self._bar.set_postfix_str(name[:30], refresh=False)
            self._bar.update(1)
            return
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        total = f"/{self.total}" if self.total else ""
        left = ""
        if self.total and rate > 0 and self.done < self.total:
            left = f", {_duration((self.total - self.done) / rate)} left"
        print(f"[{self.done}{total}] {name} ({rate:.1f} articles/s{left})", file=self.stream, flush=True)

    def write(self, message: str) -> None:
        """A message (an error) on its own line, without breaking the bar."""
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    """"42s", "3m05s", "1h02m"."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
