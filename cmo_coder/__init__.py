"""cmo-coder: realist-evaluation coding of qualitative transcripts.

The package follows the analyst's path: ``ingest`` (load transcripts), ``anonymise``,
``coding`` (tag CMO spans and configurations), ``graph``, ``query``, ``suggest`` and
``exchange`` (REFI-QDA), over one domain ``model`` and one project ``store``.
"""

__version__ = "0.1.0"
