"""The government's questionnaires (DPIA pre-scan, Model DPIA Rijksdienst, IAMA): their
definitions (``model``, ``loading``), answers and their checks (``answers``), prefill from
the profile and assessment (``prefill``), exchange in the government's output format
(``exchange``), progress and sign-off (``progress``, ``lifecycle``), storage
(``service``), rendering (``render``) and the definitions' own rules (``rules``)."""
