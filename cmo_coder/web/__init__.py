"""The coding workbench: a local web app over the same services as the command line.

``cmo-coder serve`` runs :func:`cmo_coder.web.app.create_app` on uvicorn. Every change goes
through :mod:`cmo_coder.coding.service`, so validation, offsets and the audit log are the
CLI's; the pages only ever show signed-off (anonymised) text, except the anonymisation review
under ``/secure/`` (:mod:`cmo_coder.web.anonymisation`), which exists only with ``--secure``.
"""
