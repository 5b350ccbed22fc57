"""Process-wide memory housekeeping shared by the long-lived parts of the product (the API, the extraction
pipeline), kept apart from the embedded store so that they need not import it."""

from __future__ import annotations

import gc


def freeze_long_lived_objects() -> None:
    """Exempt every Python object alive now from later cyclic garbage collections (gc.freeze).

    Why: the embedded store's JVM runs in this process through JPype, and JPype's reference-queue thread answers
    each Java garbage collection by running a Python collection, holding the GIL. With a large long-lived heap
    (the spaCy pipeline, the web app) each of those walks every object. Measured while documents were written
    beside extraction: that thread spent 7-31 ms of CPU per document written, growing with the heap, and stalled
    extraction meanwhile; with the long-lived objects frozen it spent none, and writing a document fell from
    36-56 ms to 23-29 ms. Call once the long-lived objects exist; objects made later are collected as usual."""
    gc.collect()
    gc.freeze()


# Objects allocated (less freed) between two collections of the youngest generation, for a server process: the
# interpreter's default (700) suits small programs. An answer of the API builds tens of thousands of objects (the
# mineral question at 100,000 entities: its 1.6 MB of JSON from about 900 relationships with their evidence), each
# alive until the answer is sent, so with the default the collector ran about 90 times per answer and walked the
# growing answer again in each older-generation pass: 30-32 ms of collecting in the answer's 125-128 ms of Python
# CPU time, measured at 100,000 entities with the long-lived objects frozen; at 10,000 allocations, 12 ms in
# 116-120 ms (the net gain is smaller than the collector's: younger collections of more objects cost more each).
# Cycles are still collected, less often; the memory they hold between collections is bounded by the same count.
SERVER_GC_THRESHOLD = 10_000


def tune_collector_for_answers() -> None:
    """Collect the youngest generation every SERVER_GC_THRESHOLD allocations instead of every 700 (see there); the
    older generations keep their ratios. For processes that answer requests (`kg serve`)."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(SERVER_GC_THRESHOLD, older, oldest)
