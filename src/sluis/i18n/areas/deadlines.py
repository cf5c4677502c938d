"""Wording of the deadline computation (GDPR art. 12(3) counted by Regulation 1182/71):
each step the computation takes, the names of the Dutch holidays, and the command's
errors. Values in braces are filled in by ``sluis.deadlines.wording``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "deadlines.step.start_not_counted": (
        "Het verzoek is ontvangen op {received}. Die dag telt niet mee; de termijn begint "
        "op {start}.",
        "The request was received on {received}. That day does not count; the period "
        "starts on {start}.",
    ),
    "deadlines.step.one_month_same_date": (
        "Eén maand na {origin} is dezelfde datum in de volgende maand: {end}.",
        "One month after {origin} is the same date in the next month: {end}.",
    ),
    "deadlines.step.one_month_last_day": (
        "De volgende maand heeft geen dag {day}; de maand eindigt daarom op de laatste dag "
        "van die maand: {end}.",
        "The next month has no day {day}; the month therefore ends on that month's last "
        "day: {end}.",
    ),
    "deadlines.step.extension_joins": (
        "De verlenging met twee maanden sluit aan op de kalenderdag waarop de eerste maand "
        "eindigt ({first_end}), niet op een dag waarnaar dat einde zou doorschuiven.",
        "The two-month extension joins on at the calendar day the first month ends "
        "({first_end}), not at a day that end would be moved to.",
    ),
    "deadlines.step.two_months_same_date": (
        "Twee maanden na {origin} is dezelfde datum: {end}.",
        "Two months after {origin} is the same date: {end}.",
    ),
    "deadlines.step.two_months_last_day": (
        "Die maand heeft geen dag {day}; de verlenging eindigt daarom op de laatste dag van "
        "die maand: {end}.",
        "That month has no day {day}; the extension therefore ends on that month's last "
        "day: {end}.",
    ),
    "deadlines.step.closed_saturday": (
        "Geen werkdag: {day}, weekend.",
        "Not a working day: {day}, weekend.",
    ),
    "deadlines.step.closed_sunday": (
        "Geen werkdag: {day}, weekend.",
        "Not a working day: {day}, weekend.",
    ),
    "deadlines.step.closed_holiday": (
        "Geen werkdag: {day}, feestdag ({holidays}).",
        "Not a working day: {day}, a public holiday ({holidays}).",
    ),
    "deadlines.step.rolled_over": (
        "Een termijn die op een zaterdag, zondag of feestdag zou eindigen, loopt door tot "
        "het eind van de eerstvolgende werkdag: {due}.",
        "A period that would end on a Saturday, Sunday or public holiday runs on to the end "
        "of the next working day: {due}.",
    ),
    "deadlines.step.national_rule_agrees": (
        "De Algemene termijnenwet, die Nederlandse wettelijke termijnen regelt, komt op "
        "dezelfde dag uit: {due}.",
        "The Dutch Algemene termijnenwet, which governs periods set by Dutch statute, "
        "arrives at the same day: {due}.",
    ),
    "deadlines.step.working_day": (
        "Dat is een werkdag; de termijn eindigt aan het eind van {end}.",
        "That is a working day; the period ends at the end of {end}.",
    ),
    "deadlines.step.two_working_days": (
        "Een termijn van twee dagen of meer moet minstens twee werkdagen bevatten; deze "
        "termijn loopt daarom door tot {due}.",
        "A period of two days or more must include at least two working days; this period "
        "therefore runs on to {due}.",
    ),
    "deadlines.step.due": (
        "Het antwoord moet uiterlijk op {due} (tot het eind van die dag) gegeven zijn.",
        "The answer is due by {due} (until the end of that day).",
    ),
    "deadlines.step.due_extended": (
        "Na verlenging moet het antwoord uiterlijk op {due} (tot het eind van die dag) "
        "gegeven zijn.",
        "With the extension, the answer is due by {due} (until the end of that day).",
    ),
    "deadlines.step.notify_by": (
        "De betrokkene moet uiterlijk op {notify_by} horen dat de termijn wordt verlengd, "
        "en waarom.",
        "The person must be told of the extension, and why, by {notify_by}.",
    ),
    "deadlines.step.calendar_gap": (
        "Let op: Sluis kent voor {year} geen besluit dat extra dagen met feestdagen "
        "gelijkstelt ({country}). Controleer dat en voeg zulke dagen toe in het "
        "feestdagenbestand.",
        "Note: Sluis knows no decree equating extra days with holidays for {year} "
        "({country}). Check this and add any such days in the holiday file.",
    ),
    "deadlines.extension.before_receipt": (
        "Verlengen kan niet op {on}: het verzoek is pas op {received} ontvangen.",
        "The extension cannot be recorded on {on}: the request was only received on {received}.",
    ),
    "deadlines.extension.too_late": (
        "Verlengen kan niet meer op {on}: dat moest binnen de eerste termijn, uiterlijk "
        "op {notify_by}.",
        "The extension can no longer be recorded on {on}: it had to be within the first "
        "period, by {notify_by}.",
    ),
    "deadlines.extension.no_reasons": (
        "Verlengen kan alleen met redenen, die de betrokkene te horen krijgt.",
        "An extension needs reasons, which the person is told.",
    ),
    "deadlines.holiday.new_years_day": ("Nieuwjaarsdag", "New Year's Day"),
    "deadlines.holiday.good_friday": ("Goede Vrijdag", "Good Friday"),
    "deadlines.holiday.easter_monday": ("tweede paasdag", "Easter Monday"),
    "deadlines.holiday.kings_day": ("Koningsdag", "King's Day"),
    "deadlines.holiday.liberation_day": ("5 mei (Bevrijdingsdag)", "5 May (Liberation Day)"),
    "deadlines.holiday.ascension_day": ("Hemelvaartsdag", "Ascension Day"),
    "deadlines.holiday.whit_monday": ("tweede pinksterdag", "Whit Monday"),
    "deadlines.holiday.christmas_day": ("eerste kerstdag", "Christmas Day"),
    "deadlines.holiday.boxing_day": ("tweede kerstdag", "Boxing Day"),
    "deadlines.holiday.equated_day": (
        "dag gelijkgesteld met een feestdag",
        "day equated with a public holiday",
    ),
    "deadlines.holiday.configured": (
        "gesloten volgens het feestdagenbestand",
        "closed according to the holiday file",
    ),
    "deadlines.weekday.0": ("maandag", "Monday"),
    "deadlines.weekday.1": ("dinsdag", "Tuesday"),
    "deadlines.weekday.2": ("woensdag", "Wednesday"),
    "deadlines.weekday.3": ("donderdag", "Thursday"),
    "deadlines.weekday.4": ("vrijdag", "Friday"),
    "deadlines.weekday.5": ("zaterdag", "Saturday"),
    "deadlines.weekday.6": ("zondag", "Sunday"),
    "deadlines.explain.first": (
        "Termijn voor het antwoord (art. 12 lid 3 AVG)",
        "Period to answer (GDPR art. 12(3))",
    ),
    "deadlines.explain.extended": (
        "Verlengde termijn voor het antwoord (art. 12 lid 3 AVG)",
        "Extended period to answer (GDPR art. 12(3))",
    ),
    "deadlines.explain.calendar": ("Feestdagen", "Public holidays"),
    "deadlines.error.date": (
        "{field}: '{value}' is geen geldige datum; schrijf JJJJ-MM-DD.",
        "{field}: '{value}' is not a valid date; write YYYY-MM-DD.",
    ),
    "deadlines.error.country": (
        "{field}: geen feestdagenkalender voor land '{value}'; gebruik een landcode zoals NL.",
        "{field}: no holiday calendar for country '{value}'; use a country code such as NL.",
    ),
    "deadlines.error.year": (
        "{field}: de kalender van {country} begint in {first}; {year} valt erbuiten.",
        "{field}: the {country} calendar starts in {first}; {year} is not covered.",
    ),
    "deadlines.error.holiday_file": (
        "{field}: het feestdagenbestand {path} is ongeldig:",
        "{field}: the holiday file {path} is invalid:",
    ),
    "deadlines.error.unreadable": (
        "{field}: het bestand {path} kan niet gelezen worden.",
        "{field}: the file {path} cannot be read.",
    ),
}
