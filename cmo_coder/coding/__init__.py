"""The coding stage: codings, configurations (CMOCs), tables, inline markup and inter-coder agreement.

``markup`` is a pure parser (no project needed); ``service`` is the Python API the
``cmo-coder code`` / ``cmoc`` commands mirror; ``table``, ``markup_import`` and
``agreement`` build on it.
"""
