"""Memos: an analyst's notes on a transcript, a coding, a programme theory or a CMOC.

They live in the project's notes table beside the study-wide notes a REFI-QDA project
brings, and travel with what they are about: into ``evidence``, the report and the QDPX.
"""
