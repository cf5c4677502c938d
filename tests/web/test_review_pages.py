"""The review desk's web pages (``/review``), on SQLite and PostgreSQL: whom the browser
works as, the queue, the case file whose parts are sent only once opened (and each
opening recorded), the decision form with nothing chosen beforehand, refusals that change
nothing, four eyes, the dashboard with its downloads, the policy form and control cases."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from pypdf import PdfReader
from sqlalchemy.orm import Session, sessionmaker

from auth_world import as_reviewer, bearer
from review_desk import HIGH, LOW, PENDING, PROFILE, set_up_desk
from sluis.audit import read_events
from sluis.gateway.service import Gateway
from sluis.i18n.catalog import message_keys
from sluis.review import service
from sluis.review.facts import CaseKind, OpenedItem, ReviewAction
from sluis.review.policy import CaseState

REASON = "The payslips show a lower income than the one declared."
PAGES = Path(__file__).resolve().parents[2] / "src" / "sluis" / "web"


@pytest.fixture
def gateway(app: FastAPI, sessions: sessionmaker[Session], tmp_path: Path) -> Gateway:
    return set_up_desk(sessions, tmp_path, app.state.gateway)


@pytest.fixture
def en(client: TestClient) -> TestClient:
    client.headers["Accept-Language"] = "en"
    return client


def pending(gateway: Gateway, subject: str = "123456782", inputs: dict | None = None) -> str:
    return gateway.decide(PROFILE, PENDING, subject, inputs or HIGH).decision_uuid


def work_as(client: TestClient, reviewer: str) -> None:
    """Speak as an account linked to ``reviewer`` (with the reviewer role only)."""
    client.headers.update(as_reviewer(client.app.state.sessions, reviewer))


def as_admin(client: TestClient) -> None:
    client.headers.update(bearer(client.app.state.sessions, "administrator"))


def take_next(client: TestClient) -> str:
    answer = client.post(f"/review/{PROFILE}/claim", follow_redirects=False)
    assert answer.status_code == 303, answer.text
    match = re.match(r"/review/cases/([0-9a-f-]+)\?", answer.headers["location"])
    assert match, answer.headers["location"]
    return match.group(1)


def decide(client: TestClient, case_id: str, **form: str) -> Response:
    return client.post(f"/review/cases/{case_id}/decide", data=form, follow_redirects=False)


def errors(html: str) -> dict[str, str]:
    found = re.findall(r'<li data-field="([^"]+)">[^:]*: ([^<]+)', html)
    return {field: message.strip() for field, message in found}


def status_of(gateway: Gateway, decision_uuid: str) -> tuple[str, str | None]:
    record = gateway.get_decision(decision_uuid)
    return record.status, record.outcome


# -- who is acting -----------------------------------------------------------------------


def test_the_desk_lists_algorithms_and_says_who_is_acting(en: TestClient, gateway: Gateway) -> None:
    pending(gateway)
    work_as(en, "anna")
    page = en.get("/review")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    assert 'data-testid="acting-as"' in page.text
    assert "You are working as reviewer" in page.text and "(anna)" in page.text
    row = re.search(rf'<tr data-algorithm="{PROFILE}">(.*?)</tr>', page.text, re.S)
    assert row and re.search(r'data-count="open">1<', row.group(1))
    assert 'href="/review?lang=en" data-testid="nav-review"' in page.text


def test_an_account_not_linked_to_an_active_reviewer_cannot_act(
    en: TestClient, gateway: Gateway
) -> None:
    pending(gateway)
    # The administrator may open the desk, but is no reviewer: nothing to act as.
    desk = en.get("/review")
    assert desk.status_code == 200 and 'data-testid="not-linked"' in desk.text
    queue = en.get(f"/review/{PROFILE}")
    assert queue.status_code == 403 and 'data-testid="not-linked"' in queue.text
    taken = en.post(f"/review/{PROFILE}/claim", follow_redirects=False)
    assert taken.status_code == 403
    service.set_reviewer_active(gateway.sessions, "bram", False)
    work_as(en, "bram")
    assert en.get(f"/review/{PROFILE}").status_code == 403
    assert service.queue_counts(gateway.sessions, PROFILE)["claimed"] == 0


def test_a_reviewer_without_authority_is_refused_the_queue(
    en: TestClient, gateway: Gateway
) -> None:
    pending(gateway)
    work_as(en, "dirk")
    queue = en.get(f"/review/{PROFILE}")
    assert queue.status_code == 403
    assert "not authorised for this algorithm" in queue.text
    taken = en.post(f"/review/{PROFILE}/claim", follow_redirects=False)
    assert taken.status_code == 403
    assert service.queue_counts(gateway.sessions, PROFILE)["claimed"] == 0


# -- the queue ---------------------------------------------------------------------------


def test_the_queue_orders_and_filters_and_takes_the_next_case(
    en: TestClient, gateway: Gateway
) -> None:
    first = pending(gateway, "111111110")
    second = pending(gateway, "222222220", LOW)
    service.set_policy(gateway.sessions, PROFILE, due_days=3)
    third = pending(gateway, "333333330")  # made last, due first
    work_as(en, "anna")
    page = en.get(f"/review/{PROFILE}")
    assert page.status_code == 200
    cases = service.queue(gateway.sessions, PROFILE)
    by_decision = {c.decision_uuid: c.id for c in cases}
    rows = re.findall(r'data-case="([^"]+)" data-testid="queue-row"', page.text)
    assert rows == [by_decision[first], by_decision[second], by_decision[third]]
    by_deadline = en.get(f"/review/{PROFILE}", params={"order": "deadline"})
    rows = re.findall(r'data-case="([^"]+)" data-testid="queue-row"', by_deadline.text)
    assert rows[0] == by_decision[third]
    # Nothing about the person is in the queue.
    assert "9,000" not in page.text and "9000" not in page.text
    taken = take_next(en)
    assert taken == by_decision[third]
    mine = en.get(f"/review/{PROFILE}", params={"mine": "1"})
    assert re.findall(r'data-case="([^"]+)" data-testid="queue-row"', mine.text) == [taken]
    claimed = en.get(f"/review/{PROFILE}", params={"state": "claimed"})
    assert re.findall(r'data-case="([^"]+)" data-testid="queue-row"', claimed.text) == [taken]
    bad = en.get(f"/review/{PROFILE}", params={"order": "random", "kind": "x"})
    assert bad.status_code == 422 and set(errors(bad.text)) == {"order", "kind"}


def test_taking_the_next_case_when_there_is_none_says_so(en: TestClient, gateway: Gateway) -> None:
    work_as(en, "anna")
    answer = en.post(f"/review/{PROFILE}/claim")
    assert answer.status_code == 200
    assert 'data-testid="nothing-to-take"' in answer.text


# -- the case file -----------------------------------------------------------------------


def test_each_part_of_the_case_file_is_sent_only_once_opened_and_the_opening_recorded(
    en: TestClient, gateway: Gateway
) -> None:
    decision_uuid = pending(gateway)
    service.add_submission(gateway, decision_uuid, "point_of_view", "My rent went up in May.")
    work_as(en, "anna")
    case_id = take_next(en)
    page = en.get(f"/review/cases/{case_id}")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert "9,000" not in page.text and "rent went up" not in page.text
    assert 'data-part="inputs" data-opened="false"' in page.text
    assert 'data-testid="explanation"' not in page.text
    opened = en.post(f"/review/cases/{case_id}/open/inputs", follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"].endswith("#part-inputs")
    page = en.get(f"/review/cases/{case_id}")
    assert 'data-part="inputs" data-opened="true"' in page.text
    assert re.search(r'data-field="income"><th scope="row">Income <small>income</small>', page.text)
    assert "9,000" in page.text
    assert "rent went up" not in page.text  # submissions still closed
    en.post(f"/review/cases/{case_id}/open/explanation")
    page = en.post(f"/review/cases/{case_id}/open/submissions").text
    assert "rent went up" in page
    assert re.search(r'data-entry="low_income"><th scope="row">Low income</th><td>not met', page)
    assert "Verordening energietoeslag art. 3" in page
    view = service.case_view(gateway, "anna", case_id)
    assert set(view.opened) == {OpenedItem.inputs, OpenedItem.explanation, OpenedItem.submissions}
    assert en.post(f"/review/cases/{case_id}/open/colour").status_code == 404
    # What was opened travels with the act into the metrics.
    assert decide(en, case_id, action="confirm", reason=REASON).status_code == 303
    (fact,) = service.review_facts(gateway.sessions, PROFILE)
    assert fact.opened == {OpenedItem.inputs, OpenedItem.explanation, OpenedItem.submissions}


def test_the_decision_form_chooses_nothing_beforehand_and_weighs_the_actions_alike(
    en: TestClient, gateway: Gateway
) -> None:
    pending(gateway)
    work_as(en, "anna")
    page = en.get(f"/review/cases/{take_next(en)}").text
    form = re.search(r'<form[^>]*data-testid="decision-form">(.*?)</form>', page, re.S)
    assert form is not None
    radios = re.findall(
        r'<input type="radio" name="action" value="([a-z_]+)"([^>]*)>', form.group(1)
    )
    assert [value for value, _ in radios] == ["confirm", "override", "request_information"]
    assert not any("checked" in rest for _, rest in radios)
    labels = re.findall(r'<label class="([^"]+)" data-testid="choice-', form.group(1))
    assert labels == ["rv-action"] * 3  # one look for all three
    assert "selected" not in form.group(1)
    assert re.search(
        r'<select id="outcome" name="outcome" data-testid="outcome">\s*<option value="">',
        form.group(1),
    )


def test_overriding_with_reasons_makes_the_decision_final_and_audited(
    en: TestClient, gateway: Gateway
) -> None:
    decision_uuid = pending(gateway)
    work_as(en, "anna")
    case_id = take_next(en)
    en.post(f"/review/cases/{case_id}/open/inputs")
    answer = decide(en, case_id, action="override", outcome="granted", reason=REASON)
    assert answer.status_code == 303
    assert REASON.split()[0] not in answer.headers["location"]  # nothing personal in URLs
    assert "done=override" in answer.headers["location"]
    page = en.get(answer.headers["location"])
    assert 'data-testid="act-recorded" data-action="override"' in page.text
    assert 'data-state="decided"' in page.text and "The decision is now final." in page.text
    assert f'href="/decisions/{decision_uuid}/notice?lang=en"' in page.text
    assert status_of(gateway, decision_uuid) == ("final", "granted")
    events = [e for e in read_events(gateway.sessions, limit=1000) if e.event == "reviewed"]
    assert [(e.decision_uuid, e.details["action"]) for e in events] == [(decision_uuid, "override")]
    (fact,) = service.review_facts(gateway.sessions, PROFILE)
    assert (fact.action, fact.reviewer_id, fact.final_outcome) == (
        ReviewAction.override,
        "anna",
        "granted",
    )
    assert fact.opened == {OpenedItem.inputs}


def test_bad_acts_are_refused_with_the_services_message_and_change_nothing(
    en: TestClient, gateway: Gateway
) -> None:
    decision_uuid = pending(gateway)
    work_as(en, "anna")
    case_id = take_next(en)
    no_reason = decide(en, case_id, action="override", outcome="granted", reason="")
    assert no_reason.status_code == 422
    assert errors(no_reason.text) == {
        "reason": "A written reason is required, whichever way the decision goes."
    }
    assert '<option value="granted" selected>' in no_reason.text  # kept as typed
    assert "GDPR art. 22(3)" in no_reason.text
    no_outcome = decide(en, case_id, action="override", reason=REASON)
    assert no_outcome.status_code == 422 and "outcome" in errors(no_outcome.text)
    assert REASON in no_outcome.text  # the reason typed is shown again, not lost
    assert re.search(r'value="override" checked', no_outcome.text)
    no_action = decide(en, case_id, reason="")
    assert no_action.status_code == 422
    assert set(errors(no_action.text)) == {"action", "reason"}
    assert status_of(gateway, decision_uuid) == ("pending_review", "refused")
    # Someone who does not hold the case, and someone without authority.
    work_as(en, "bram")
    not_claimed = decide(en, case_id, action="confirm", reason=REASON)
    assert not_claimed.status_code == 409 and "case" in errors(not_claimed.text)
    work_as(en, "dirk")
    foreign = decide(en, case_id, action="confirm", reason=REASON)
    assert foreign.status_code == 403 and "not authorised" in foreign.text
    assert status_of(gateway, decision_uuid) == ("pending_review", "refused")
    assert service.review_facts(gateway.sessions, PROFILE) == []
    # Decided once, not twice.
    work_as(en, "anna")
    assert decide(en, case_id, action="confirm", reason=REASON).status_code == 303
    twice = decide(en, case_id, action="override", outcome="granted", reason=REASON)
    assert twice.status_code == 409
    assert "already" in errors(twice.text)["case"]
    assert status_of(gateway, decision_uuid) == ("final", "refused")
    assert len(service.review_facts(gateway.sessions, PROFILE)) == 1


def test_the_hidden_recommendation_opens_only_after_a_first_view(
    en: TestClient, gateway: Gateway
) -> None:
    service.set_policy(gateway.sessions, PROFILE, hide_recommendation=True)
    pending(gateway)
    work_as(en, "anna")
    case_id = take_next(en)
    page = en.get(f"/review/cases/{case_id}").text
    assert 'data-testid="first-view-form"' in page
    assert 'data-testid="proposed-outcome"' not in page
    assert 'data-testid="explanation-hidden"' in page
    assert 'data-testid="open-recommendation"' not in page
    early = en.post(f"/review/cases/{case_id}/open/recommendation")
    assert early.status_code == 409
    confirm = decide(en, case_id, action="confirm", reason=REASON)
    assert confirm.status_code == 409 and "first_view" in errors(confirm.text)
    empty = en.post(f"/review/cases/{case_id}/first-view", data={"first_view": ""})
    assert empty.status_code == 422
    viewed = en.post(f"/review/cases/{case_id}/first-view", data={"first_view": "granted"})
    assert viewed.status_code == 200  # followed to the case page
    assert 'data-testid="first-view-form"' not in viewed.text
    assert 'data-testid="your-first-view">granted' in viewed.text
    shown = en.post(f"/review/cases/{case_id}/open/recommendation").text
    assert re.search(r'data-testid="proposed-outcome">refused<', shown)
    assert (
        decide(en, case_id, action="override", outcome="granted", reason=REASON).status_code == 303
    )
    (fact,) = service.review_facts(gateway.sessions, PROFILE)
    assert fact.first_view == "granted" and OpenedItem.recommendation in fact.opened


def test_four_eyes_asks_a_second_reviewer_to_agree(en: TestClient, gateway: Gateway) -> None:
    service.set_policy(gateway.sessions, PROFILE, four_eyes=True)
    decision_uuid = pending(gateway)
    work_as(en, "anna")
    case_id = take_next(en)
    done = en.get(
        decide(en, case_id, action="override", outcome="granted", reason=REASON).headers["location"]
    )
    assert 'data-state="awaiting_second"' in done.text and "four eyes" in done.text
    assert status_of(gateway, decision_uuid) == ("pending_review", "refused")
    # Anna cannot be her own second pair of eyes.
    assert en.post(f"/review/cases/{case_id}/claim").status_code == 403
    work_as(en, "bram")
    assert take_next(en) == case_id
    page = en.get(f"/review/cases/{case_id}").text
    radios = re.findall(r'name="action" value="([a-z_]+)"', page)
    assert radios[:2] == ["agree", "disagree"]
    assert 'data-testid="escalate-form"' not in page
    en.post(f"/review/cases/{case_id}/open/recommendation")
    page = en.get(f"/review/cases/{case_id}").text
    assert re.search(r'data-testid="pending-outcome">granted<', page)
    assert (
        decide(en, case_id, action="agree", reason="The payslips support the change.").status_code
        == 303
    )
    assert status_of(gateway, decision_uuid) == ("final", "granted")


def test_escalating_sends_the_case_to_a_senior_and_releasing_back_to_the_queue(
    en: TestClient, gateway: Gateway
) -> None:
    pending(gateway)
    work_as(en, "anna")
    case_id = take_next(en)
    released = en.post(f"/review/cases/{case_id}/release", follow_redirects=False)
    assert released.headers["location"].startswith(f"/review/{PROFILE}?released=1")
    (case,) = service.queue(gateway.sessions, PROFILE)
    assert case.state is CaseState.open and case.claimed_by is None
    case_id = take_next(en)
    escalated = decide(en, case_id, action="escalate", reason="Needs a decision on policy.")
    assert escalated.status_code == 303
    (case,) = service.queue(gateway.sessions, PROFILE)
    assert case.escalated and case.state is CaseState.open
    refused = en.post(f"/review/cases/{case_id}/claim")
    assert refused.status_code == 403 and "senior" in refused.text
    work_as(en, "carla")
    assert take_next(en) == case_id


def test_asking_for_information_waits_until_it_is_in(en: TestClient, gateway: Gateway) -> None:
    pending(gateway)
    work_as(en, "anna")
    case_id = take_next(en)
    asked = decide(en, case_id, action="request_information", reason="Please send the payslips.")
    page = en.get(asked.headers["location"]).text
    assert 'data-state="awaiting_information"' in page
    assert 'data-testid="information-received"' in page
    en.post(f"/review/cases/{case_id}/information-received")
    (case,) = service.queue(gateway.sessions, PROFILE)
    assert case.state is CaseState.open


def test_an_unknown_case_is_not_found(en: TestClient, gateway: Gateway) -> None:
    work_as(en, "anna")
    assert en.get("/review/cases/no-such-case").status_code == 404
    assert decide(en, "no-such-case", action="confirm", reason=REASON).status_code == 404


# -- the dashboard and the report --------------------------------------------------------


def test_the_dashboard_shows_the_metrics_with_charts_and_offers_the_report(
    en: TestClient, gateway: Gateway
) -> None:
    pending(gateway)
    work_as(en, "anna")
    case_id = take_next(en)
    en.post(f"/review/cases/{case_id}/open/inputs")
    decide(en, case_id, action="override", outcome="granted", reason=REASON)
    # A reviewer works in the desk only; the metrics are for those who may read them.
    assert en.get("/review/dashboard", params={"algorithm": PROFILE}).status_code == 403
    as_admin(en)
    page = en.get("/review/dashboard", params={"algorithm": PROFILE})
    assert page.status_code == 200
    assert 'data-testid="review-report"' in page.text
    for table in ("outcomes-reviewer", "effort-reviewer", "outcomes-month", "outcomes-group"):
        assert f'data-testid="{table}"' in page.text
    assert page.text.count("<svg") >= 2
    section = re.search(rf'data-algorithm="{PROFILE}:{PENDING}">(.*?)</section>', page.text, re.S)
    assert section is not None  # each declared decision has its own section
    outcomes = re.search(r'data-testid="outcomes-reviewer">(.*?)</table>', section.group(1), re.S)
    assert outcomes is not None
    anna = re.search(r'<th scope="row">anna</th>(.*?)</tr>', outcomes.group(1), re.S)
    assert anna is not None
    cells = re.findall(r"<td[^>]*>([^<]*)", anna.group(1))
    assert cells[:2] == ["1", "1"] and cells[4] == "1"  # acts, decisions, one to favourable
    effort = re.search(r'data-testid="effort-reviewer">(.*?)</table>', section.group(1), re.S)
    assert effort is not None and "1/1" in effort.group(1)
    markdown = en.get("/review/dashboard.md", params={"algorithm": PROFILE})
    assert markdown.status_code == 200
    assert markdown.text.startswith(f"# Human involvement report: {PROFILE}")
    pdf = en.get("/review/dashboard.pdf", params={"algorithm": PROFILE, "lang": "nl"})
    assert pdf.content.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert f"{PROFILE}:{PENDING}" in text
    bad = en.get("/review/dashboard", params={"since": "2025-02-30", "until": "yesterday"})
    assert bad.status_code == 422 and set(errors(bad.text)) == {"since", "until"}
    later = en.get("/review/dashboard", params={"since": "2030-01-01", "until": "2029-01-01"})
    assert later.status_code == 422
    assert en.get("/review/dashboard", params={"algorithm": "nope"}).status_code == 404


# -- the policy and control cases --------------------------------------------------------


def test_the_policy_form_saves_and_refuses_what_does_not_fit(
    en: TestClient, gateway: Gateway
) -> None:
    form = {
        "hide_recommendation": "on",
        "claim_minutes": "45",
        "due_days": "10",
        "group_field": "housing",
        "max_agreement": "0,9",
        "min_opened_share.inputs": "0.6",
    }
    saved = en.post(f"/review/{PROFILE}/policy", data=form, follow_redirects=False)
    assert saved.status_code == 303
    policy = service.get_policy(gateway.sessions, PROFILE)
    assert (policy.hide_recommendation, policy.four_eyes) == (True, False)
    assert (policy.claim_minutes, policy.due_days, policy.group_field) == (45, 10, "housing")
    assert policy.thresholds == {"max_agreement": 0.9, "min_opened_share": {"inputs": 0.6}}
    page = en.get(saved.headers["location"]).text
    assert 'data-testid="policy-saved"' in page and 'value="0.9"' in page
    bad = en.post(
        f"/review/{PROFILE}/policy",
        data={
            "claim_minutes": "soon",
            "due_days": "0",
            "group_field": "name",
            "max_agreement": "2",
        },
    )
    assert bad.status_code == 422
    assert {"claim_minutes", "group_field"} <= set(errors(bad.text))
    assert 'value="soon"' in bad.text  # kept as typed
    out_of_range = en.post(
        f"/review/{PROFILE}/policy", data={"claim_minutes": "30", "due_days": "0"}
    )
    assert out_of_range.status_code == 422 and "due_days" in errors(out_of_range.text)
    assert service.get_policy(gateway.sessions, PROFILE) == policy


def test_the_privacy_officer_plants_a_control_case_that_looks_like_any_other(
    en: TestClient, gateway: Gateway
) -> None:
    form = {
        "decision": PENDING,
        "input.income": "1200",
        "input.household": "2",
        "input.housing": "rent",
        "expected_outcome": "granted",
        "planted_by": "Fenna Gegevens",
    }
    planted = en.post(f"/review/{PROFILE}/control-cases", data=form, follow_redirects=False)
    assert planted.status_code == 303, planted.text
    (control,) = service.list_control_cases(gateway.sessions, PROFILE)
    assert (control.expected_outcome, control.planted_by) == ("granted", "Fenna Gegevens")
    (case,) = service.queue(gateway.sessions, PROFILE)
    assert case.kind is CaseKind.initial
    page = en.get(planted.headers["location"]).text
    assert 'data-testid="control-planted"' in page and "Fenna Gegevens" in page
    bad = en.post(
        f"/review/{PROFILE}/control-cases",
        data={**form, "input.household": "many", "input.housing": "boat", "expected_outcome": ""},
    )
    assert bad.status_code == 422
    assert {"expected_outcome"} <= set(errors(bad.text))
    wrong_inputs = en.post(
        f"/review/{PROFILE}/control-cases", data={**form, "input.household": "many"}
    )
    assert wrong_inputs.status_code == 422
    assert errors(wrong_inputs.text) == {
        "input.household": "Not the kind of value the profile declares."
    }
    assert len(service.list_control_cases(gateway.sessions, PROFILE)) == 1


def test_the_pages_speak_dutch(client: TestClient, gateway: Gateway) -> None:
    pending(gateway)
    work_as(client, "anna")
    page = client.get(f"/review/cases/{take_next(client)}").text
    assert '<html lang="nl">' in page
    assert "Bevestigen" in page and "Veranderen" in page and "Informatie vragen" in page
    assert "U werkt als beoordelaar" in page


# -- wording -----------------------------------------------------------------------------


def test_every_message_the_review_pages_use_exists() -> None:
    sources = [
        *(PAGES / "templates").glob("review_*.html"),
        *(PAGES / "pages").glob("review*.py"),
        PAGES / "templates" / "base.html",
    ]
    used = {
        key
        for path in sources
        for key in re.findall(r"review_pages\.[a-z_.]*[a-z_]", path.read_text(encoding="utf-8"))
    }
    families = {
        "action": [f"{a.value}.{p}" for a in ReviewAction for p in ("title", "hint")],
        "state": [s.value for s in CaseState],
        "kind": [k.value for k in CaseKind],
        "part": [i.value for i in OpenedItem],
        "open": [i.value for i in OpenedItem],
        "choice": ["any", "yes", "no"],
        "order": ["oldest", "deadline"],
        "unit": ["share", "count", "seconds"],
        "submission": ["point_of_view", "document"],
        "condition": ["met", "not_met"],
        "explanation": ["rule_trace", "linear_contributions", "shap_contributions", "other"],
    }
    used |= {f"review_pages.{f}.{m}" for f, members in families.items() for m in members}
    prefixes = {f"review_pages.{f}" for f in families} | {
        "review_pages.problem",
        "review_pages.input",
        "review_pages.route",
        "review_pages.threshold",
    }
    missing = {k for k in used if k not in message_keys() and k not in prefixes}
    assert not missing
