"""Wording of accounts, roles, signing in and the refusals of the access checks."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "accounts.problem.login_format": (
        "Een inlognaam heeft kleine letters, cijfers en . _ @ + - (hoogstens 200 tekens).",
        "A login name has lower-case letters, digits and . _ @ + - (at most 200 characters).",
    ),
    "accounts.problem.display_name_length": (
        "Geef een naam van 1 tot 200 tekens.",
        "Give a name of 1 to 200 characters.",
    ),
    "accounts.problem.email_format": (
        "Dit is geen e-mailadres.",
        "This is not an e-mail address.",
    ),
    "accounts.problem.password_too_short": (
        "Een wachtwoord heeft minstens 12 tekens.",
        "A password has at least 12 characters.",
    ),
    "accounts.problem.password_too_long": (
        "Een wachtwoord heeft hoogstens 1024 tekens.",
        "A password has at most 1024 characters.",
    ),
    "accounts.problem.password_blank": (
        "Een wachtwoord bestaat niet alleen uit spaties.",
        "A password is not only spaces.",
    ),
    "accounts.problem.password_mismatch": (
        "De twee wachtwoorden zijn niet gelijk.",
        "The two passwords differ.",
    ),
    "accounts.problem.account_exists": (
        "Er is al een account met deze inlognaam of dit e-mailadres.",
        "An account with this login name or e-mail address exists already.",
    ),
    "accounts.problem.account_unknown": ("Dit account bestaat niet.", "No such account."),
    "accounts.problem.role_scope": (
        "Alleen de rollen beoordelaar en besluiteigenaar kunnen tot één algoritme beperkt "
        "worden; een persoon krijgt geen rol.",
        "Only the reviewer and decision owner roles can be limited to one algorithm; a "
        "person is given no role.",
    ),
    "accounts.problem.role_unknown": (
        "Onbekende rol: kies administrator, privacy_officer, decision_owner, reviewer of auditor.",
        "Unknown role: choose administrator, privacy_officer, decision_owner, reviewer or auditor.",
    ),
    "accounts.problem.reviewer_unknown": (
        "Er is geen beoordelaar met deze id.",
        "There is no reviewer with this id.",
    ),
    "accounts.problem.token_name_length": (
        "Geef het token een naam van 1 tot 200 tekens.",
        "Give the token a name of 1 to 200 characters.",
    ),
    "accounts.problem.token_days": (
        "Een token geldt 1 tot 3660 dagen.",
        "A token holds for 1 to 3660 days.",
    ),
    "accounts.problem.token_exceeds_account": (
        "Een token krijgt alleen rollen die het account zelf heeft (en minstens één).",
        "A token carries only roles its account holds (and at least one).",
    ),
    "accounts.problem.action_unknown": ("Onbekende handeling.", "Unknown action."),
    "accounts.problem.token_unknown": ("Dit token bestaat niet.", "No such token."),
    "accounts.problem.sign_in_failed": (
        "Inlognaam of wachtwoord onjuist, of te veel pogingen: wacht even en probeer het opnieuw.",
        "Wrong login name or password, or too many tries: wait a moment and try again.",
    ),
    "accounts.problem.signed_out": (
        "U bent niet (meer) ingelogd.",
        "You are not signed in (any more).",
    ),
    "accounts.problem.forbidden": (
        "Uw rol geeft geen toegang tot deze pagina of handeling.",
        "Your role does not give access to this page or act.",
    ),
    "accounts.problem.csrf": (
        "Het formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw.",
        "The form has expired or did not come from this site. Reload the page.",
    ),
    "accounts.problem.oidc_failed": (
        "Inloggen bij uw organisatie is niet gelukt, of er is geen account voor u.",
        "Signing in with your organisation failed, or there is no account for you.",
    ),
    "review.problem.reviewer_not_linked": (
        "Uw account is niet gekoppeld aan een (actieve) beoordelaar; vraag de beheerder.",
        "Your account is not linked to an (active) reviewer; ask your administrator.",
    ),
    "accounts.review.acting_as": (
        "U werkt als beoordelaar {name} ({id}).",
        "You are working as reviewer {name} ({id}).",
    ),
    "accounts.review.not_linked_title": ("Geen beoordelaar", "Not a reviewer"),
    # -- pages -----------------------------------------------------------------------
    "accounts.login.title": ("Inloggen", "Sign in"),
    "accounts.login.login": ("Inlognaam", "Login name"),
    "accounts.login.password": ("Wachtwoord", "Password"),
    "accounts.login.submit": ("Inloggen", "Sign in"),
    "accounts.login.oidc": ("Inloggen via uw organisatie", "Sign in with your organisation"),
    "accounts.login.intro": (
        "Log in met het account dat de beheerder voor u heeft aangemaakt.",
        "Sign in with the account your administrator made for you.",
    ),
    "accounts.logout.submit": ("Uitloggen", "Sign out"),
    "accounts.logout.done": ("U bent uitgelogd.", "You have signed out."),
    "accounts.signed_in_as": ("Ingelogd als {name}", "Signed in as {name}"),
    "accounts.forbidden.title": ("Geen toegang", "No access"),
    "accounts.admin.title": ("Accounts en rollen", "Accounts and roles"),
    "accounts.admin.login": ("Inlognaam", "Login name"),
    "accounts.admin.name": ("Naam", "Name"),
    "accounts.admin.email": ("E-mailadres", "E-mail address"),
    "accounts.admin.roles": ("Rollen", "Roles"),
    "accounts.admin.reviewer": ("Beoordelaar (id)", "Reviewer (id)"),
    "accounts.admin.active": ("Actief", "Active"),
    "accounts.admin.yes": ("ja", "yes"),
    "accounts.admin.no": ("nee", "no"),
    "accounts.admin.new": ("Nieuw account", "New account"),
    "accounts.admin.password": (
        "Wachtwoord (minstens 12 tekens)",
        "Password (12 characters or more)",
    ),
    "accounts.admin.role": ("Rol", "Role"),
    "accounts.admin.algorithm": (
        "Algoritme (leeg: alle algoritmen)",
        "Algorithm (empty: every algorithm)",
    ),
    "accounts.admin.create": ("Account aanmaken", "Create account"),
    "accounts.admin.grant": ("Rol geven", "Grant role"),
    "accounts.admin.revoke": ("Rol afnemen", "Revoke role"),
    "accounts.admin.deactivate": ("Deactiveren", "Deactivate"),
    "accounts.admin.activate": ("Activeren", "Activate"),
    "accounts.admin.tokens": ("API-tokens", "API tokens"),
    "accounts.admin.token_name": ("Naam van het token", "Token name"),
    "accounts.admin.token_create": ("Token maken", "Create token"),
    "accounts.admin.token_revoke": ("Intrekken", "Revoke"),
    "accounts.admin.token_shown_once": (
        "Dit is het token. Het wordt maar één keer getoond: bewaar het nu.",
        "This is the token. It is shown only once: keep it now.",
    ),
    "accounts.admin.last_used": ("Laatst gebruikt", "Last used"),
    "accounts.admin.expires": ("Verloopt", "Expires"),
    "accounts.admin.revoked": ("Ingetrokken", "Revoked"),
    "accounts.role.administrator": ("Beheerder", "Administrator"),
    "accounts.role.privacy_officer": (
        "Functionaris gegevensbescherming",
        "Privacy officer (DPO)",
    ),
    "accounts.role.decision_owner": ("Besluiteigenaar", "Decision owner"),
    "accounts.role.reviewer": ("Beoordelaar", "Reviewer"),
    "accounts.role.auditor": ("Auditor (alleen lezen)", "Auditor (read-only)"),
    # -- CLI -------------------------------------------------------------------------
    "accounts.cli.created": ("Account {login} aangemaakt.", "Account {login} created."),
    "accounts.cli.password_prompt": ("Wachtwoord", "Password"),
    "accounts.cli.password_set": (
        "Wachtwoord gewijzigd; sessies beëindigd.",
        "Password changed; sessions ended.",
    ),
    "accounts.cli.token_once": (
        "Het token (wordt maar één keer getoond):",
        "The token (shown only once):",
    ),
    "accounts.cli.revoked_token": ("Token {id} ingetrokken.", "Token {id} revoked."),
    "accounts.cli.deactivated": ("Account {login} gedeactiveerd.", "Account {login} deactivated."),
    "accounts.cli.purged": (
        "{count} beëindigde sessies vergeten.",
        "{count} ended sessions forgotten.",
    ),
}
