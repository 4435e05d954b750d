"""REFI-QDA exchange: QDPX projects and QDC codebooks for NVivo, ATLAS.ti, MAXQDA and QualCoder.

One module per job, symmetric where a format is both read and written (like networkx's
``readwrite``): GUIDs, offsets, the safe archive, the safe XML parser, the QDE writer and
reader, the QDC codebook, the code mapping, the data-loss report, and the two orchestrators.
"""
