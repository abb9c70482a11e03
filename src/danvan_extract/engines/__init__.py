"""Engines: how a batch of input files becomes documents.

:mod:`.document` is the one place that turns one input file into one
:class:`~danvan_extract.records.Document` (or its JSONL line), with a
:class:`~danvan_extract.pipeline.Pipeline` cached per process.  The local
engine (:mod:`danvan_extract.engines.local`, a process pool) and the Dask engine
(:mod:`.dask_engine`, a cluster) both call it, so they write the same lines.

Nothing here imports Dask; :mod:`.dask_engine` imports it only when used.
"""
