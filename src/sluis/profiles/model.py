"""The algorithm profile: what a user declares about an algorithmic processing.

Pure value types (Pydantic), no I/O. Many facts are tri-state: ``None`` means the user
has not said, and the assessment engine turns that into an open question instead of
assuming an answer.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

PROFILE_FORMAT = "sluis.profile/1"

Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,79}$", strip_whitespace=True)
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Prose = Annotated[str, StringConstraints(min_length=1, max_length=4000, strip_whitespace=True)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False, frozen=True)


class LegalBasis(StrEnum):
    """The six lawful bases of GDPR art. 6(1)(a)-(f)."""

    consent = "consent"
    contract = "contract"
    legal_obligation = "legal_obligation"
    vital_interests = "vital_interests"
    public_task = "public_task"
    legitimate_interests = "legitimate_interests"


class SpecialCategory(StrEnum):
    """The special categories of personal data of GDPR art. 9(1)."""

    racial_or_ethnic_origin = "racial_or_ethnic_origin"
    political_opinions = "political_opinions"
    religious_or_philosophical_beliefs = "religious_or_philosophical_beliefs"
    trade_union_membership = "trade_union_membership"
    genetic = "genetic"
    biometric_identification = "biometric_identification"
    health = "health"
    sex_life_or_sexual_orientation = "sex_life_or_sexual_orientation"


class Art9Exception(StrEnum):
    """Which point of GDPR art. 9(2) lifts the ban on processing special categories."""

    a_explicit_consent = "a"
    b_employment_social_security = "b"
    c_vital_interests = "c"
    d_not_for_profit_body = "d"
    e_made_public = "e"
    f_legal_claims = "f"
    g_substantial_public_interest = "g"
    h_health_care = "h"
    i_public_health = "i"
    j_archiving_research = "j"


class DataType(StrEnum):
    string = "string"
    integer = "integer"
    number = "number"
    boolean = "boolean"
    date = "date"
    category = "category"


class DataSource(StrEnum):
    data_subject = "data_subject"
    controller_records = "controller_records"
    other_organisation = "other_organisation"
    public_source = "public_source"
    derived = "derived"


class Effect(StrEnum):
    """The effect a decision has on the person (GDPR art. 22(1))."""

    legal = "legal"
    similarly_significant = "similarly_significant"
    none = "none"


class HumanInvolvement(StrEnum):
    """How far a human takes part (WP251; AP guidance on meaningful intervention)."""

    none = "none"
    token = "token"
    meaningful = "meaningful"


class HumanStage(StrEnum):
    """When the human takes part, relative to the decision taking effect."""

    before_effect = "before_effect"
    after_effect = "after_effect"


class Necessity(StrEnum):
    """What makes the automated decision necessary (GDPR art. 22(2); UAVG art. 40(1))."""

    contract = "contract"
    legal_obligation = "legal_obligation"
    public_task = "public_task"
    none = "none"


class TechnologyKind(StrEnum):
    rules = "rules"
    statistical_model = "statistical_model"
    machine_learning = "machine_learning"


class Controller(_Strict):
    name: Name
    administrative_body: bool | None = Field(
        default=None,
        description="Whether the controller is a bestuursorgaan (administrative body, Awb 1:1).",
    )
    country: CountryCode = "NL"
    contact: str | None = None
    dpo_contact: str | None = Field(default=None, description="Contact of the DPO (FG).")
    joint_controllers: list[Name] = Field(
        default_factory=list, description="Joint controllers with their contact (art. 26)."
    )
    representative: str | None = Field(
        default=None, description="Representative in the EU, for controllers outside it (art. 27)."
    )


class LegalBasisDeclaration(_Strict):
    article6: LegalBasis | None = Field(
        default=None, description="The lawful basis of GDPR art. 6(1)."
    )
    law: str | None = Field(
        default=None,
        description="The statute or contract the basis rests on, e.g. 'Participatiewet art. 53a'.",
    )


class DataSubjectGroup(_Strict):
    category: Name
    vulnerable: bool | None = Field(
        default=None,
        description="Children, employees, patients, benefit recipients, asylum seekers, "
        "elderly people or others in an unequal relation to the controller (WP248 crit. 7).",
    )
    count: int | None = Field(default=None, ge=0, description="Approximate number of people.")


class DataField(_Strict):
    name: Slug
    type: DataType = DataType.string
    category: Slug = Field(description="Data category, e.g. 'income', 'contact', 'identity'.")
    special_category: SpecialCategory | None = None
    art9_exception: Art9Exception | None = Field(
        default=None, description="For special-category data: the point of art. 9(2) relied on."
    )
    criminal_data: bool = Field(default=False, description="Criminal-offence data (art. 10).")
    art10_basis: str | None = Field(
        default=None, description="For criminal data: the law or authority permitting it."
    )
    national_id: bool = Field(default=False, description="A national id number such as the BSN.")
    national_id_basis: str | None = Field(
        default=None, description="For a national id: the law permitting its use (UAVG art. 46)."
    )
    source: DataSource | None = None
    source_name: str | None = None
    purpose: str | None = Field(default=None, description="Why this field is needed.")
    minimum: float | None = Field(
        default=None, description="Lowest value accepted at run time (numbers and dates as ISO)."
    )
    maximum: float | None = Field(default=None, description="Highest value accepted at run time.")
    allowed_values: list[str] | None = Field(
        default=None, description="For categories: the values accepted at run time."
    )
    optional: bool = Field(
        default=False, description="Whether a decision may be taken without this field."
    )
    protected_ground_proxy: bool | None = Field(
        default=None,
        description="Whether the field stands in for a protected ground such as nationality, "
        "origin, age or sex. Sluis also detects common proxies by name and category.",
    )
    changeable: bool | None = Field(
        default=None,
        description="Whether the person can realistically change this value (income yes, "
        "age no). Explanations only suggest changes to fields marked true; left empty, the "
        "field is treated as one the person cannot change.",
    )


class RetentionPeriod(_Strict):
    data_category: Slug
    months: int = Field(ge=0, le=1200)
    justification: str | None = None


class Technology(_Strict):
    kind: TechnologyKind | None = None
    ai_system: bool | None = Field(default=None, description="An AI system per AI Act art. 3(1).")
    innovative: bool | None = Field(
        default=None, description="New technology or a novel use of it (WP248 crit. 8)."
    )
    description: str | None = None
    supplier: str | None = None


class ProcessingContext(_Strict):
    large_scale: bool | None = Field(
        default=None,
        description="Large-scale processing (WP248 crit. 5). Left empty, Sluis derives it "
        "from the number of people.",
    )
    systematic_monitoring: bool | None = None
    public_area_monitoring: bool | None = Field(
        default=None, description="Systematic monitoring of a publicly accessible area."
    )
    dataset_matching: bool | None = Field(
        default=None, description="Data sets matched or combined (WP248 crit. 6)."
    )
    covert: bool | None = Field(default=None, description="Processing hidden from the people.")
    blacklist: bool | None = Field(default=None, description="A black or warning list.")
    location_data: bool | None = None
    communication_data: bool | None = None
    employee_monitoring: bool | None = None
    joint_arrangement: bool | None = Field(
        default=None, description="A partnership sharing data between organisations."
    )
    fraud_detection: bool | None = None
    credit_scoring: bool | None = None
    financial_situation: bool | None = None
    behaviour_influencing: bool | None = None
    residual_high_risk: bool | None = Field(
        default=None,
        description="Whether high risk remains after the controller's measures (art. 36).",
    )
    recipients: list[str] = Field(default_factory=list)
    third_country_transfers: list[str] = Field(default_factory=list)
    security_measures: list[str] = Field(default_factory=list)


YearMonth = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]


class AlgorithmStatus(StrEnum):
    in_development = "in_development"
    in_use = "in_use"
    out_of_use = "out_of_use"


class PublicationCategory(StrEnum):
    """The Algoritmeregister's publication categories (A, B, C)."""

    high_risk_ai = "high_risk_ai"
    impactful = "impactful"
    other = "other"


class AiActRole(StrEnum):
    """The organisation's role under the AI Act (art. 3(3)-(7))."""

    provider = "provider"
    deployer = "deployer"
    importer = "importer"
    distributor = "distributor"


class AiActRiskGroup(StrEnum):
    prohibited = "prohibited"
    high_risk = "high_risk"
    not_high_risk = "not_high_risk"
    exception_applies = "exception_applies"
    not_applicable = "not_applicable"


class AiApplicationType(StrEnum):
    ai_system = "ai_system"
    general_purpose_ai_system = "general_purpose_ai_system"
    general_purpose_ai_model = "general_purpose_ai_model"


class LifecyclePhase(StrEnum):
    """The lifecycle phases the Algoritmekader uses."""

    organisation = "organisation"
    problem_analysis = "problem_analysis"
    design = "design"
    data_preparation = "data_preparation"
    development = "development"
    verification_validation = "verification_validation"
    implementation = "implementation"
    monitoring = "monitoring"
    decommissioning = "decommissioning"


class RegisterFacts(_Strict):
    """Facts for the registers and frameworks: the Algoritmeregister and Algoritmekader."""

    status: AlgorithmStatus | None = None
    start_date: YearMonth | None = Field(default=None, description="Month taken into use.")
    end_date: YearMonth | None = Field(default=None, description="Month taken out of use.")
    themes: list[Name] = Field(
        default_factory=list,
        description="Policy areas (OWMS theme list), e.g. 'Sociale zekerheid'.",
    )
    public_contact: str | None = Field(
        default=None, description="A general e-mail address or web form, never a person's."
    )
    public_page: str | None = Field(default=None, description="Public page about the algorithm.")
    publication_category: PublicationCategory | None = None
    considerations: Prose | None = Field(
        default=None,
        description="Why using the algorithm is reasonable, weighed against its drawbacks.",
    )
    risk_management: Prose | None = None
    impact_assessments_done: list[Name] = Field(
        default_factory=list, description="Impact assessments carried out, e.g. 'DPIA', 'IAMA'."
    )
    impact_assessment_link: str | None = None
    legal_basis_link: str | None = None
    processing_register_link: str | None = None
    data_source_link: str | None = None
    source_code_link: str | None = None
    search_terms: list[Name] = Field(default_factory=list)
    lifecycle_phases: list[LifecyclePhase] = Field(default_factory=list)
    ai_act_role: AiActRole | None = None
    ai_act_risk_group: AiActRiskGroup | None = None
    ai_application_type: AiApplicationType | None = None
    transparency_obligation: bool | None = Field(
        default=None, description="Whether AI Act art. 50 transparency duties apply."
    )
    systemic_risk: bool | None = None
    open_source: bool | None = None


class AuthorisingLaw(_Strict):
    """A sector law authorising the automated decision (GDPR art. 22(2)(b))."""

    name: Name
    lays_down_safeguards: bool | None = None
    permits_profiling: bool | None = None


class Outcome(_Strict):
    """One outcome a decision can have, as the procedure returns it."""

    value: Name = Field(description="The outcome exactly as the procedure returns it.")
    favourable: bool | None = Field(
        default=None,
        description="Whether the outcome is favourable to the person (e.g. granted). Review "
        "metrics count overrides in each direction by it; notices explain adverse outcomes.",
    )
    description: Prose | None = None


class Decision(_Strict):
    id: Slug
    description: Prose
    effect: Effect | None = None
    human_involvement: HumanInvolvement | None = None
    human_stage: HumanStage | None = None
    profiling: bool | None = None
    bound_power: bool | None = Field(
        default=None,
        description="A bound power (gebonden bevoegdheid): the law fixes the outcome, "
        "no room for judgement.",
    )
    necessity: Necessity | None = None
    explicit_consent: bool | None = None
    authorising_law: AuthorisingLaw | None = None
    risk_selection: bool | None = Field(
        default=None, description="Only selects people for a closer human look."
    )
    consequences_only_after_review: bool | None = None
    automatic_side_effects: list[str] = Field(default_factory=list)
    third_party_score: bool | None = Field(
        default=None, description="A score from a third party is used."
    )
    third_party_score_determining: bool | None = Field(
        default=None, description="That score plays a determining role (CJEU C-634/21)."
    )
    denies_right_or_service: bool | None = Field(
        default=None,
        description="The decision can keep people from a right, service or contract "
        "(WP248 crit. 9). Left empty, Sluis derives it from the effect.",
    )
    uses_fields: list[Slug] | None = Field(
        default=None, description="Fields the decision uses; empty means all fields."
    )
    outcomes: list[Outcome] = Field(
        default_factory=list,
        description="The outcomes the decision can have; when declared, the gateway's "
        "procedures must return one of them.",
    )

    def outcome(self, value: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.value == value), None)


Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=500)]


class LocalText(_Strict):
    """Wording in Dutch and English; a language left empty falls back to Sluis's own."""

    nl: Prose | None = None
    en: Prose | None = None

    def get(self, lang: str) -> str | None:
        return self.nl if lang == "nl" else self.en


class OutcomeWording(_Strict):
    """How a notice names one outcome and what it means for the person."""

    label: LocalText | None = Field(
        default=None, description="The outcome in plain words, e.g. 'refused' as 'afgewezen'."
    )
    consequences: LocalText | None = Field(
        default=None, description="What this outcome means for the person (art. 13(2)(f))."
    )


class NoticeSettings(_Strict):
    """How decision notices and the privacy notice present the organisation and its
    wording (GDPR art. 12-14 and 22(3); Awb art. 3:45-3:47 for administrative bodies)."""

    organisation: Name | None = Field(
        default=None, description="The name on the letters; default the controller's name."
    )
    postal_address: str | None = Field(default=None, max_length=500)
    email: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=50)
    portal_url: Url | None = Field(
        default=None,
        description="Where people exercise their rights; a notice links to "
        "{portal_url}/requests/new?ref={decision id}.",
    )
    administrative_body: bool | None = Field(
        default=None,
        description="Whether the sender is a bestuursorgaan, so that the Awb objection "
        "(bezwaar) applies; default controller.administrative_body.",
    )
    objection_weeks: int = Field(
        default=6, ge=1, le=52, description="The objection period in weeks (Awb art. 6:7)."
    )
    objection_address: str | None = Field(
        default=None,
        max_length=500,
        description="Where to send an objection (bezwaar); default the postal address.",
    )
    signatory: str | None = Field(
        default=None, max_length=200, description="Who signs the letters (name, function)."
    )
    supervisory_authority: Name | None = Field(
        default=None,
        description="Where people can complain; default the Autoriteit Persoonsgegevens.",
    )
    supervisory_authority_url: Url | None = None
    field_labels: dict[Slug, LocalText] = Field(
        default_factory=dict, description="Data fields in plain words, by field name."
    )
    value_labels: dict[Slug, dict[str, LocalText]] = Field(
        default_factory=dict,
        description="Values of category fields in plain words: field name, then value.",
    )
    outcomes: dict[Name, OutcomeWording] = Field(
        default_factory=dict, description="Wording per outcome value of the decisions."
    )
    conditions: dict[Slug, LocalText] = Field(
        default_factory=dict,
        description="Conditions that rule procedures check, in plain words, by the check's "
        "name, e.g. income_within_limit as 'Your income is not above the limit'.",
    )
    logic: dict[Slug, LocalText] = Field(
        default_factory=dict,
        description="Per decision id: the logic in plain words (art. 13(2)(f), 15(1)(h)); "
        "default a description made from the profile.",
    )
    extra: LocalText | None = Field(
        default=None, description="Extra wording printed at the end of every notice."
    )


class ProtectedGround(StrEnum):
    """The protected ground a monitoring attribute stands for (the same values as
    ``sluis.fairness.alerts.ProtectedGround``, which cites the law for each)."""

    sex = "sex"
    race_or_origin = "race_or_origin"
    nationality = "nationality"
    religion = "religion"
    belief = "belief"
    political_opinion = "political_opinion"
    sexual_orientation = "sexual_orientation"
    civil_status = "civil_status"
    age = "age"
    disability = "disability"
    other = "other"


class MonitoringAttribute(_Strict):
    """A group attribute recorded per decision only to detect bias: never a decision input."""

    name: Slug
    ground: ProtectedGround = Field(description="The protected ground it stands for.")
    groups: list[Name] = Field(
        min_length=2,
        max_length=50,
        description="The coarse groups recorded, e.g. age bands rather than birth dates; "
        "any other value is refused.",
    )
    special_category: SpecialCategory | None = Field(
        default=None, description="When the groups reveal a special category (art. 9(1))."
    )
    description: Prose | None = None


class Monitoring(_Strict):
    """Fairness monitoring: group attributes kept apart from the decision inputs, under
    their own legal basis and retention, and when a difference between groups raises an
    alert. The attributes never reach the decision procedure."""

    attributes: list[MonitoringAttribute] = Field(min_length=1, max_length=20)
    legal_basis: LegalBasisDeclaration = Field(
        description="The basis for processing these attributes for bias detection, e.g. "
        "a legal obligation to prevent discrimination (art. 6(1)); its own, not the "
        "decision's."
    )
    art9_exception: Art9Exception | None = Field(
        default=None,
        description="For attributes that reveal a special category: the point of art. 9(2) "
        "relied on (for a high-risk AI system also AI Act art. 10(5)).",
    )
    retention_months: int = Field(
        ge=1, le=120, description="How long the attributes and ground truth are kept."
    )
    min_group_size: int = Field(
        default=50, ge=1, le=100_000, description="Smaller groups are shown, never judged."
    )
    ratio: float = Field(
        default=0.8, gt=0, le=1, description="The four-fifths threshold: below it, severe."
    )
    alpha: float = Field(
        default=0.05, gt=0, lt=1, description="The chance of a false alarm per report."
    )
    min_difference: float = Field(
        default=0.0, ge=0, lt=1, description="The smallest gap (a share) that raises an alert."
    )

    def attribute(self, name: str) -> MonitoringAttribute | None:
        return next((a for a in self.attributes if a.name == name), None)


class AlgorithmProfile(_Strict):
    """A complete description of one algorithmic processing."""

    format: str = Field(default=PROFILE_FORMAT, pattern=r"^sluis\.profile/1$")
    id: Slug
    name: Name
    description: Prose | None = None
    controller: Controller
    purposes: list[Prose] = Field(default_factory=list)
    legal_basis: LegalBasisDeclaration = Field(default_factory=LegalBasisDeclaration)
    data_subjects: list[DataSubjectGroup] = Field(default_factory=list)
    data_fields: list[DataField] = Field(default_factory=list)
    retention: list[RetentionPeriod] = Field(default_factory=list)
    technology: Technology = Field(default_factory=Technology)
    processing: ProcessingContext = Field(default_factory=ProcessingContext)
    decisions: list[Decision] = Field(default_factory=list)
    registration: RegisterFacts = Field(
        default_factory=RegisterFacts,
        description="Facts for the Algoritmeregister and the Algoritmekader.",
    )
    notice: NoticeSettings | None = Field(
        default=None,
        description="How decision notices and the privacy notice present the organisation.",
    )
    monitoring: Monitoring | None = Field(
        default=None,
        description="Fairness monitoring: group attributes recorded apart from the inputs.",
    )

    def field(self, name: str) -> DataField | None:
        return next((f for f in self.data_fields if f.name == name), None)

    def fields_used_by(self, decision: Decision) -> list[DataField]:
        if decision.uses_fields is None:
            return list(self.data_fields)
        return [f for f in self.data_fields if f.name in decision.uses_fields]

    def total_data_subjects(self) -> int | None:
        counts = [g.count for g in self.data_subjects]
        if not counts or any(c is None for c in counts):
            return None
        return sum(c for c in counts if c is not None)
