"""A municipality's energy allowance under a bound power, as plain Python rules.

The regulation is an invented example, the "Verordening energietoeslag Voorbeeldstad 2026",
in the style of the categorical special assistance of Participatiewet art. 36b. Its rules,
as this module applies them:

- art. 2: only residents of Voorbeeldstad are entitled;
- art. 3: the net household income is at most 120% of the monthly norm of art. 3(2):
  EUR 1,450 for a single person, EUR 2,070 for a couple;
- art. 4: the household's assets are at most EUR 8,000 (single) or EUR 16,000 (couple);
- art. 5: students receiving student finance are excluded (a), and a household gets the
  allowance once a year (b);
- art. 6: the allowance is EUR 800 per household.

Every condition is checked, also after one has failed, so that a refusal states all its
reasons (Awb art. 3:46, 3:47), and names the inputs it reads and the limit it applies, so
that an explanation can show them to the applicant. Bind it to the profile
``examples/municipal-energy-allowance.yaml`` with
``--procedure examples/municipal_allowance.py:procedure``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sluis.gateway.procedures import RuleContext, RuleProcedure

PROFILE_ID = "municipal-energy-allowance"
DECISION_ID = "grant-energy-allowance"
REGULATION = "Verordening energietoeslag Voorbeeldstad 2026"
GRANTED = "granted"
REFUSED = "refused"

NORMS = {"single": 1450.00, "couple": 2070.00}  # art. 3(2), per month
INCOME_PERCENTAGE = 120  # art. 3(1)
ASSET_LIMITS = {"single": 8000.00, "couple": 16000.00}  # art. 4
AMOUNT = 800.00  # art. 6
# The inputs the rules read: exactly the profile's data fields.
FIELDS = (
    "resides_in_municipality",
    "household_type",
    "monthly_household_income",
    "household_assets",
    "receives_student_finance",
    "allowance_received_this_year",
)


def article(ref: str) -> str:
    return f"{REGULATION}, art. {ref}"


def income_limit(household_type: str) -> float:
    return round(NORMS[household_type] * INCOME_PERCENTAGE / 100, 2)


def energy_allowance(ctx: RuleContext) -> str:
    """Grant the allowance when every condition of art. 2 to 5 is met."""
    household = str(ctx["household_type"])
    limit = income_limit(household)
    assets_limit = ASSET_LIMITS[household]
    met = [
        ctx.check(
            "resident",
            bool(ctx["resides_in_municipality"]),
            basis=article("2"),
            detail="The applicant lives in Voorbeeldstad.",
            fields=["resides_in_municipality"],
        ),
        ctx.check(
            "income_within_limit",
            float(ctx["monthly_household_income"]) <= limit,  # type: ignore[arg-type]
            basis=article("3(1)"),
            detail=f"Income limit for a {household} household: EUR {limit:,.2f} a month "
            f"({INCOME_PERCENTAGE}% of the norm of art. 3(2)).",
            fields=["monthly_household_income", "household_type"],
            threshold=limit,
        ),
        ctx.check(
            "assets_within_limit",
            float(ctx["household_assets"]) <= assets_limit,  # type: ignore[arg-type]
            basis=article("4"),
            detail=f"Asset limit for a {household} household: EUR {assets_limit:,.2f}.",
            fields=["household_assets", "household_type"],
            threshold=assets_limit,
        ),
        ctx.check(
            "no_student_finance",
            not bool(ctx["receives_student_finance"]),
            basis=article("5(1)(a)"),
            detail="Students receiving student finance are excluded.",
            fields=["receives_student_finance"],
        ),
        ctx.check(
            "first_this_year",
            not bool(ctx["allowance_received_this_year"]),
            basis=article("5(1)(b)"),
            detail="The allowance is granted once per household per year.",
            fields=["allowance_received_this_year"],
        ),
    ]
    if all(met):
        ctx.check(
            "amount",
            True,
            basis=article("6"),
            detail=f"The allowance is EUR {AMOUNT:,.2f} per household.",
        )
        return GRANTED
    return REFUSED


def procedure() -> RuleProcedure:
    """The decision procedure for the profile's ``grant-energy-allowance`` decision."""
    from sluis.gateway.procedures import RuleProcedure

    return RuleProcedure(energy_allowance, name="energietoeslag-voorbeeldstad-2026", fields=FIELDS)


def sample_cases() -> list[tuple[str, dict[str, object]]]:
    """Invented households as cases ``(subject_id, inputs)``, for demonstrations."""
    eligible: dict[str, object] = {
        "resides_in_municipality": True,
        "household_type": "single",
        "monthly_household_income": 1450.0,
        "household_assets": 1200.0,
        "receives_student_finance": False,
        "allowance_received_this_year": False,
    }
    variants: list[dict[str, object]] = [
        {},
        {"household_type": "couple", "monthly_household_income": 2300.0},
        {"monthly_household_income": 1900.0},
        {"household_assets": 9500.0},
        {"receives_student_finance": True},
        {"resides_in_municipality": False, "allowance_received_this_year": True},
    ]
    return [(f"demo-household-{i + 1:03d}", eligible | v) for i, v in enumerate(variants)]
