"""The gallery page (output/index.html) in headless Chromium, driven by Playwright.

Builds every sample profile with BINARY into a scratch folder, opens its index.html from
file:// in Debian's Chromium (/usr/bin/chromium: Playwright never downloads a browser here),
and uses the page as a visitor would: with the keyboard, by its labels, reading what the
aria-live status announces. What should be visible is computed from the build's own
profiles.json, never written into this file. Screenshots go to SHOTS (default
.build/gallery-check/shots) for a person to look at.

    python scripts/gallery-check.py BINARY [SHOTS]

Exits 1 with every failed check listed; 0 when all pass.
"""

import json
import os
import shutil
import subprocess
import sys

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"


def main():
    binary = sys.argv[1]
    out = ".build/gallery-check/output"
    shots = sys.argv[2] if len(sys.argv) > 2 else ".build/gallery-check/shots"
    shutil.rmtree(".build/gallery-check", ignore_errors=True)
    os.makedirs(shots, exist_ok=True)
    subprocess.run([binary, "build", "--output", out], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(out, "profiles.json"), encoding="utf-8") as handle:
        communities = json.load(handle)["communities"]
    records = {c["id"]: {f["field"]: f for f in c["fields"]} for c in communities}
    url = "file://" + os.path.abspath(os.path.join(out, "index.html"))
    failures = []

    def check(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            run_checks(browser, url, records, shots, check)
        finally:
            browser.close()
    if failures:
        print(f"gallery-check: {len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print(f"gallery-check: every check passed; screenshots in {shots}")
    return 0


def visible_ids(page):
    """The ids of the cards a visitor sees, in the order shown."""
    return page.eval_on_selector_all(
        "li.sheet", "cards => cards.filter(c => c.offsetParent !== null).map(c => c.querySelector('a.download').getAttribute('href').replace(/\\.pdf$/, ''))")


def run_checks(browser, url, records, shots, check):
    ids = sorted(records)
    value = lambda id, field: records[id][field].get("value")

    # Without script: no controls, every community listed.
    plain = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = plain.new_page()
    page.goto(url)
    check(sorted(visible_ids(page)) == ids, f"without script all {len(ids)} communities show")
    check(not page.locator("#finder").is_visible(), "without script the search form stays hidden")
    page.screenshot(path=os.path.join(shots, "no-script.png"))
    plain.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    status = page.locator("#result-count")
    check(page.locator("#finder").is_visible(), "with script the search form shows")
    check(status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status",
          "the result count is a polite live region")
    check(status.inner_text() == f"Showing all {len(ids)} communities.", f"the status says all are shown: {status.inner_text()!r}")
    for label in ["Search", "Type", "Keyword", "Language", "Sort by"]:
        check(page.get_by_label(label, exact=True).count() == 1, f"a control is labelled {label!r}")
    page.screenshot(path=os.path.join(shots, "all.png"), full_page=False)

    # Search by keyboard: Tab from the top reaches the search box before any card.
    page.keyboard.press("Tab")
    focused = []
    for _ in range(6):
        focused.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
        if focused[-1] == "find-text":
            break
        page.keyboard.press("Tab")
    check("find-text" in focused, f"Tab reaches the search box ({focused})")
    def by_name(words):
        return sorted(i for i in ids if all(w in fold(" ".join([value(i, "name") or "", value(i, "short_name") or ""])) for w in words))
    page.keyboard.type("Reading Circle")
    expected = by_name(["reading", "circle"])
    check(visible_ids(page) == expected == ["cm-reading-circle"], f"searching 'Reading Circle' shows {expected}: {visible_ids(page)}")
    check(status.inner_text() == f"Showing 1 of {len(ids)} communities.", f"the status counts them: {status.inner_text()!r}")
    page.screenshot(path=os.path.join(shots, "search.png"))
    # Accents and case do not matter: "naijiria" finds "Nàìjíríà".
    page.get_by_label("Search", exact=True).fill("naijiria")
    check(visible_ids(page) == by_name(["naijiria"]) == ["naija-rse"], f"searching 'naijiria' finds naija-rse: {visible_ids(page)}")
    page.screenshot(path=os.path.join(shots, "search.png"))
    page.keyboard.type(" zzzz-nothing")
    check(visible_ids(page) == [], "a search nothing matches shows none")
    check(status.inner_text().startswith("No community matches."), f"and says so: {status.inner_text()!r}")
    page.get_by_role("button", name="Show all").click()
    check(sorted(visible_ids(page)) == ids, "Show all brings every card back")

    # Filter by type: the option's label is the type as the cards show it.
    types = page.eval_on_selector_all("#find-type option", "options => options.map(o => o.value).filter(Boolean)")
    wanted_type = page.eval_on_selector("li.sheet[data-type]", "card => card.dataset.type")
    check(wanted_type in types, f"the type filter offers {wanted_type!r}")
    page.get_by_label("Type", exact=True).select_option(wanted_type)
    shown = visible_ids(page)
    # The cards show the type's label, profiles.json its slug: the type of the first card with
    # that label names the communities that should show.
    labels = dict(page.eval_on_selector_all(
        "li.sheet", "cs => cs.map(c => [c.querySelector('a.download').getAttribute('href').replace(/\\.pdf$/, ''), c.dataset.type])"))
    slug = value(next(i for i in ids if labels[i] == wanted_type), "type")
    same_type = [i for i in ids if value(i, "type") == slug]
    check(sorted(shown) == sorted(same_type) and 0 < len(shown) < len(ids), f"type {wanted_type!r} shows {sorted(same_type)}: {shown}")
    check(all(page.locator(f"li.sheet[data-type={json.dumps(wanted_type)}]").nth(n).is_visible() for n in range(len(same_type))),
          "every card of that type is visible")
    page.screenshot(path=os.path.join(shots, "type.png"))
    page.get_by_label("Type", exact=True).select_option("")

    # Filter by language: the profiles' own language tags.
    languages = sorted({value(i, "language") for i in ids})
    other = next(tag for tag in languages if tag != "en")
    page.get_by_label("Language", exact=True).select_option(other)
    check(sorted(visible_ids(page)) == sorted(i for i in ids if value(i, "language") == other), f"language {other!r} shows its profiles")
    page.get_by_label("Language", exact=True).select_option("")

    # Filter by keyword: a keyword several profiles share.
    options = page.eval_on_selector_all("#find-keyword option", "options => options.map(o => o.value).filter(Boolean)")
    counts = {k: page.locator(f"li.sheet").filter(has=page.locator("ul.keywords li", has_text=k)).count() for k in options}
    keyword = max(options, key=lambda k: (counts[k], k))
    page.get_by_label("Keyword", exact=True).select_option(keyword)
    with_keyword = page.eval_on_selector_all(
        "li.sheet", f"cards => cards.filter(c => c.dataset.keywords.split('\\n').includes({json.dumps(keyword)})).length")
    check(len(visible_ids(page)) == with_keyword and with_keyword >= 2, f"keyword {keyword!r} shows the {with_keyword} cards that list it")
    page.get_by_label("Keyword", exact=True).select_option("")

    # Sorting, checked against the data of profiles.json.
    page.get_by_label("Sort by", exact=True).select_option("size")
    sized = sorted(ids, key=lambda i: (value(i, "members.count") is None, -(value(i, "members.count") or 0), value(i, "name").casefold()))
    members = [value(i, "members.count") for i in visible_ids(page)]
    known = [m for m in members if m is not None]
    check(known == sorted(known, reverse=True) and members[: len(known)] == known, f"size order, most members first: {members}")
    check(visible_ids(page)[0] == sized[0], f"the largest community comes first: {sized[0]}")
    page.screenshot(path=os.path.join(shots, "size.png"))
    page.get_by_label("Sort by", exact=True).select_option("founded")
    years = [value(i, "founded") for i in visible_ids(page)]
    known = [y for y in years if y is not None]
    check(known == sorted(known) and years[: len(known)] == known, f"founding order, oldest first: {years}")
    page.get_by_label("Sort by", exact=True).select_option("name")
    check(sorted(visible_ids(page)) == ids, "sorting by name shows every community")

    # A phone's width: the controls wrap, nothing is wider than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    check(width <= 390, f"the page fits a phone: {width} px")
    page.screenshot(path=os.path.join(shots, "phone.png"))
    check(errors == [], f"no script errors: {errors}")
    context.close()


def fold(text):
    """Lower case without accents, as the page's search compares."""
    import unicodedata
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not ("\u0300" <= c <= "\u036f")).lower()


if __name__ == "__main__":
    sys.exit(main())
