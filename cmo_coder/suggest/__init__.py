"""Assisted tagging: propose C / Mres / Mresp / O clauses and their programme theory for a coder to review.

Nothing here writes a coding by itself: suggestions wait in a review queue until a person
accepts (possibly after editing) or rejects each one.
"""
