"""Words and style sheet of the reports, in Finnish, Swedish and English."""

from __future__ import annotations


__all__ = ["CSS", "LANGUAGE_NAMES", "WORDS"]

LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}

WORDS: dict[str, dict[str, str]] = {
    "fi": {
        "count_organisations": "organisaatiot",
        "count_groups": "ryhmät",
        "count_memberships": "jäsenyydet",
        "count_arrangements": "palvelujärjestelyt",
        "count_projects": "hankkeet",
        "count_plans": "suunnitelmat",
        "count_clocks": "vuosikellot",
        "report": "Raportti",
        "as_of": "tilanne",
        "summary": "Yhteenveto",
        "collection": "Tietueet",
        "in_force": "voimassa",
        "total": "kaikkiaan",
        "findings": "Tarkistukset",
        "no_findings": "Ei havaintoja.",
        "not_checked": "Tarkistuksia ei ajettu.",
        "errors": "virhettä",
        "warnings": "varoitusta",
        "error": "virhe",
        "warning": "varoitus",
        "code": "Koodi",
        "severity": "Vakavuus",
        "section": "Pykälä",
        "record": "Tietue",
        "message": "Havainto",
        "organisations": "Organisaatiot ja niiden ryhmät",
        "organisation": "Organisaatio",
        "kind": "Tyyppi",
        "municipality": "Kunta",
        "groups": "Ryhmät",
        "group": "Ryhmä",
        "no_groups": "ei ryhmiä",
        "other_groups": "Muut ryhmät (eivät voimassa tilannepäivänä)",
        "basis": "Peruste",
        "voluntary": "vapaaehtoinen",
        "level": "Taso",
        "period": "Voimassa",
        "chair": "Puheenjohtaja",
        "no_chair": "ei puheenjohtajaa",
        "members": "Jäsenet roolin mukaan",
        "no_members": "Jäseniä ei ole kirjattu.",
        "unfilled": "nimeämätön",
        "person": "henkilö",
        "represents": "edustaa",
        "organisers": "Järjestäjät",
        "arrangements": "Palvelujärjestelyt",
        "service": "Palvelu",
        "recipient": "Saaja",
        "provider": "Tuottaja",
        "mode": "Tapa",
        "none": "Ei yhtään.",
        "projects": "Hankkeet",
        "other_projects": "Muut hankkeet (eivät voimassa tilannepäivänä)",
        "status": "Tila",
        "goals": "Tavoitepuu",
        "no_goals": "Tavoitteita ei ole kirjattu.",
        "plans": "Suunnitelmat",
        "plan": "Suunnitelma",
        "owners": "Omistajat",
        "approved": "Hyväksytty",
        "reviewed": "Viimeksi tarkistettu",
        "clocks": "Vuosikellot",
        "school_year": "lukuvuosi",
        "entries": "Merkinnät",
        "title": "Otsikko",
        "ring": "Kehä",
        "dates": "Ajankohta",
        "no_entries": "Ei merkintöjä tänä lukuvuonna.",
        "wheel_alt": "Vuosikello ympyränä",
        "footer": "Tuotettu oppilashuolto-kirjastolla rakennetiedoista, ei oppilaiden tietoja.",
        "source": "Lähde",
        "language": "Kieli",
    },
    "sv": {
        "count_organisations": "organisationer",
        "count_groups": "grupper",
        "count_memberships": "medlemskap",
        "count_arrangements": "tjänsteupplägg",
        "count_projects": "projekt",
        "count_plans": "planer",
        "count_clocks": "årshjul",
        "report": "Rapport",
        "as_of": "läge",
        "summary": "Sammanfattning",
        "collection": "Poster",
        "in_force": "gällande",
        "total": "totalt",
        "findings": "Kontroller",
        "no_findings": "Inga anmärkningar.",
        "not_checked": "Kontrollerna kördes inte.",
        "errors": "fel",
        "warnings": "varningar",
        "error": "fel",
        "warning": "varning",
        "code": "Kod",
        "severity": "Allvarlighet",
        "section": "Paragraf",
        "record": "Post",
        "message": "Anmärkning",
        "organisations": "Organisationer och deras grupper",
        "organisation": "Organisation",
        "kind": "Typ",
        "municipality": "Kommun",
        "groups": "Grupper",
        "group": "Grupp",
        "no_groups": "inga grupper",
        "other_groups": "Övriga grupper (inte gällande på dagen)",
        "basis": "Grund",
        "voluntary": "frivillig",
        "level": "Nivå",
        "period": "Giltighet",
        "chair": "Ordförande",
        "no_chair": "ingen ordförande",
        "members": "Medlemmar efter roll",
        "no_members": "Inga medlemmar har registrerats.",
        "unfilled": "obesatt",
        "person": "person",
        "represents": "företräder",
        "organisers": "Arrangörer",
        "arrangements": "Tjänsteupplägg",
        "service": "Tjänst",
        "recipient": "Mottagare",
        "provider": "Producent",
        "mode": "Sätt",
        "none": "Inga.",
        "projects": "Projekt",
        "other_projects": "Övriga projekt (inte gällande på dagen)",
        "status": "Status",
        "goals": "Målträd",
        "no_goals": "Inga mål har registrerats.",
        "plans": "Planer",
        "plan": "Plan",
        "owners": "Ägare",
        "approved": "Godkänd",
        "reviewed": "Senast översedd",
        "clocks": "Årshjul",
        "school_year": "läsår",
        "entries": "Poster",
        "title": "Rubrik",
        "ring": "Ring",
        "dates": "Tidpunkt",
        "no_entries": "Inga poster detta läsår.",
        "wheel_alt": "Årshjulet som cirkel",
        "footer": "Skapad med biblioteket oppilashuolto av strukturdata, inga uppgifter om elever.",
        "source": "Källa",
        "language": "Språk",
    },
    "en": {
        "count_organisations": "organisations",
        "count_groups": "groups",
        "count_memberships": "memberships",
        "count_arrangements": "service arrangements",
        "count_projects": "projects",
        "count_plans": "plans",
        "count_clocks": "yearly clocks",
        "report": "Report",
        "as_of": "as of",
        "summary": "Summary",
        "collection": "Records",
        "in_force": "in force",
        "total": "in all",
        "findings": "Checks",
        "no_findings": "No findings.",
        "not_checked": "The checks were not run.",
        "errors": "errors",
        "warnings": "warnings",
        "error": "error",
        "warning": "warning",
        "code": "Code",
        "severity": "Severity",
        "section": "Section",
        "record": "Record",
        "message": "Finding",
        "organisations": "Organisations and their groups",
        "organisation": "Organisation",
        "kind": "Kind",
        "municipality": "Municipality",
        "groups": "Groups",
        "group": "Group",
        "no_groups": "no groups",
        "other_groups": "Other groups (not in force on the day)",
        "basis": "Basis",
        "voluntary": "voluntary",
        "level": "Level",
        "period": "Period",
        "chair": "Chair",
        "no_chair": "no chair",
        "members": "Members by role",
        "no_members": "No members are recorded.",
        "unfilled": "unfilled",
        "person": "person",
        "represents": "represents",
        "organisers": "Organisers",
        "arrangements": "Service arrangements",
        "service": "Service",
        "recipient": "Recipient",
        "provider": "Provider",
        "mode": "Mode",
        "none": "None.",
        "projects": "Projects",
        "other_projects": "Other projects (not in force on the day)",
        "status": "Status",
        "goals": "Goal tree",
        "no_goals": "No goals are recorded.",
        "plans": "Plans",
        "plan": "Plan",
        "owners": "Owners",
        "approved": "Approved",
        "reviewed": "Last reviewed",
        "clocks": "Yearly clocks",
        "school_year": "school year",
        "entries": "Entries",
        "title": "Title",
        "ring": "Ring",
        "dates": "When",
        "no_entries": "No entries in this school year.",
        "wheel_alt": "The yearly clock as a wheel",
        "footer": "Made with the oppilashuolto library from structure data; no data on pupils.",
        "source": "Source",
        "language": "Language",
    },
}

CSS = """
:root{--ink:#1b1f24;--muted:#4a5561;--line:#d0d7de;--accent:#2f4858;--error:#b3261e;--warn:#8a5a00}
*{box-sizing:border-box}
body{margin:0 auto;max-width:62rem;padding:0 1rem 2rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.6rem;margin:1rem 0 .25rem;line-height:1.25}
h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.4rem 0 .3rem}
h4{font-size:1rem;margin:1rem 0 .2rem}
p,ul{margin:.3rem 0 .6rem}
.meta{color:var(--muted)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}
tr.error td:nth-child(2){color:var(--error);font-weight:600}
tr.warning td:nth-child(2){color:var(--warn);font-weight:600}
td:empty::after{content:"–"}
code{font-size:.88em;background:#f3f5f7;padding:0 .2em;border-radius:3px;word-break:break-all}
.group{border-left:4px solid var(--accent);padding:.1rem 0 .1rem .8rem;margin:1rem 0}
figure.wheel{margin:1rem 0;text-align:center}
figure.wheel svg{width:100%;max-width:44rem;height:auto}
.lang-radio{position:absolute;opacity:0;width:1px;height:1px}
.lang{display:none}
#lang-fi:checked~.lang-fi,#lang-sv:checked~.lang-sv,#lang-en:checked~.lang-en{display:block}
nav.switch{position:sticky;top:0;z-index:1;display:flex;gap:.4rem;justify-content:flex-end;padding:.5rem 0;background:#fff;border-bottom:1px solid var(--line)}
nav.switch label{cursor:pointer;padding:.35rem .8rem;border:1px solid var(--accent);border-radius:999px;color:var(--accent);font-size:.9rem}
#lang-fi:checked~nav label[for=lang-fi],#lang-sv:checked~nav label[for=lang-sv],#lang-en:checked~nav label[for=lang-en]{background:var(--accent);color:#fff}
#lang-fi:focus-visible~nav label[for=lang-fi],#lang-sv:focus-visible~nav label[for=lang-sv],#lang-en:focus-visible~nav label[for=lang-en]{outline:3px solid #ffbf47}
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
@media (max-width:40rem){
body{font-size:15px}h1{font-size:1.35rem}
table,tbody,tr,td{display:block;width:100%}
thead{position:absolute;left:-9999px}
tr{border:1px solid var(--line);border-radius:6px;margin:0 0 .6rem;padding:.25rem .4rem}
td{border:0;padding:.1rem 0}
td::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
tr.error,tr.warning{border-left-width:4px}
tr.error{border-left-color:var(--error)}tr.warning{border-left-color:var(--warn)}
}
@media print{nav.switch{display:none}}
""".strip()
