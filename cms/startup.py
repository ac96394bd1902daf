"""The cyclic garbage collector paused while the project starts (manage.py, cms/wsgi.py).

Start-up (settings, every app's models, blocks and ready()) allocates objects that live as long as the
process and makes almost no garbage, yet the collector walks all of them again each time they have
grown by a quarter: some 0.2 s of CPU in every process (bench/results/startup.md). So it is paused for
`django.setup()`, then what start-up made is moved to the permanent generation, which later
collections skip (`gc.freeze()`; in gunicorn's preloading master it also keeps the memory pages the
workers share untouched, https://docs.python.org/3/library/gc.html#gc.freeze), and it is resumed.
The little garbage start-up did make (about 1 MB) is kept for the life of the process.
"""

import functools
import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def pause_collector_during_setup(django):
    """`django.setup` wrapped once, for entry points that call it indirectly (execute_from_command_line)."""
    setup = django.setup
    if getattr(setup, "_collector_paused", False):
        return

    @functools.wraps(setup)
    def paused_setup(*args, **kwargs):
        with collector_paused():
            return setup(*args, **kwargs)

    paused_setup._collector_paused = True
    django.setup = paused_setup
