"""The questionnaires' use-cases, one module each; :mod:`sluis.instruments.service` is
their public face."""
