"""The analyst's questions: which programme theory a quote supports, a theory's evidence, framework matrices.

``index`` holds the cached quote index, ``which_pt`` answers a quote against it, ``evidence``
lists a theory's codings with their attribution, ``matrix`` counts codings or cases per theory
and role, site or participant.
"""
