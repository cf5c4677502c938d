"""Accounts and roles: who may do what in Sluis (issue 8).

``roles`` is the pure core (roles, permissions, :func:`~sluis.accounts.roles.may`);
``secrets`` and ``lockout`` the pure pieces of signing in; ``service`` stores accounts,
sessions and API tokens. The web app enforces it route by route (``sluis.web.access``).
"""
