"""The decision gateway: an organisation's decision procedure runs through Sluis, which
enforces the law for every single decision at run time.

The pure core (no I/O) lives in four modules:

- ``contract``: which inputs a decision may receive (declared fields, types, ranges,
  special categories), checked for one decision or a whole table at once;
- ``routing``: whether a decision may take effect without a human (``final``), waits for a
  human (``pending_review``) or only marks a case for a human look (``selected_for_review``),
  following the decision's art. 22 assessment;
- ``procedures``: the decision procedures themselves (rules as Python functions with a trace,
  or scikit-learn models with a threshold) and their stable version hashes;
- ``explanation``: what each decision carries with it: the rule trace, or exact per-feature
  contributions (linear models) or SHAP values (tree models).

Storage, encryption and the audit trail build on these in the service modules.
"""
