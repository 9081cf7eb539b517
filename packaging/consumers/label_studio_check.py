"""Helper of check-label-studio.sh: builds the corpus to export, and checks a real Label Studio.

Two halves, run by different interpreters:

``article PATH`` and ``annotate`` run with the project's venv
(``MARGINALIA_DB`` names the database): the first writes the article full of
astral characters and combining marks, the second tags the imported
articles through the app's own operations (the ones the window runs).

``check`` runs with the Label Studio venv's Python (it needs only the standard
library, and uses ``label_studio_sdk`` when it is there): it creates a project
with the labelling configuration written beside the tasks, imports the tasks
through the REST API, reads them back through the API and compares.

Offsets: Label Studio's ``Text`` tag counts code points. Its editor
(``libs/editor/src/tags/object/RichText/domManager.ts``, shipped with source
maps in ``web/dist/apps/labelstudio/358.js.map``) stores the displayed text as
``[...text]``, one entry per code point, and a region's ``start``/``end``
index that array; a line break counts as one. The check slices the task text
the same way (and, when ``node`` is on the PATH, lets JavaScript's own string
iterator do it as well), and also counts how many spans UTF-16 offsets would
have moved, to show the corpus tells the two apart. When ``chromium``,
``chromedriver`` and selenium are there, it finally opens each task in Label
Studio's own editor (headless) and compares the text it highlights for each
region with the region's ``text`` (line breaks are not text in the editor's
spans, so they are left out of the comparison).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

# --- the article with astral characters and combining marks -------------------------------

EMOJI_TITLE = "Unicode check: 🚀 Café Zoë"
EMOJI_BODY = (
    "🚀👩\u200d💻 Cafe\u0301 Zoe\u0308 Ltd signed with 🇫🇷 Orange SA a deal worth €2.5 million.\n"
    "The 𝔸lpha fund 😀 paid $300,000 to Cafe\u0301 Zoe\u0308 Ltd on Monday.\n"
    "Ще\u0301 one more line: Nvidia 𝄞 ships GPUs"
)
"""Spans come after a rocket, a ZWJ sequence, a flag (two regional indicators),
decomposed accents (e + U+0301, e + U+0308), a mathematical letter and a
musical symbol; one span is an emoji, one starts with an astral letter."""


def write_article(path: Path) -> None:
    path.write_text(f"title: {EMOJI_TITLE}\ndate: 2024-05-06\nlang: en\n\n{EMOJI_BODY}\n",
                    encoding="utf-8")


# --- tagging through the app's operations -------------------------------------------------

def annotate() -> int:
    """Tags every article of the database; returns how many annotations were stored."""
    from db import annotations as store
    from db import connection
    from db.articles import get_article
    from db.models import Article
    from desktop.core.operations import AddAnnotations, new_annotation
    from desktop.core.suggest import amount_suggestions

    connection.open_database()
    labels = {label.name: label.id for label in store.labels()}
    total = 0
    for article_id in [a.id for a in Article.select(Article.id).order_by(Article.id)]:
        article = get_article(article_id)
        assert article is not None
        body = article.body
        if article.title == EMOJI_TITLE:
            total += _tag_emoji_article(article_id, body, labels)
            continue
        # The amounts the app suggests: the first half accepted, as the user would,
        # the rest left as suggestions (Label Studio's predictions).
        found = amount_suggestions(body, article.language or "auto")
        records = []
        for number, s in enumerate(found):
            status = "accepted" if number < max(1, len(found) // 2) else "suggested"
            records.append(new_annotation(body, article_id, labels[s.label], s.start, s.end,
                                          value=s.value, value_high=s.value_high, unit=s.unit,
                                          approx=s.approx, bound=s.bound, status=status))
        if records:
            AddAnnotations(records).apply()
            total += len(records)
    connection.close_database()
    return total


def _tag_emoji_article(article_id: int, body: str, labels: dict[str, int]) -> int:
    from desktop.core.operations import AddAnnotations, LinkAnnotations, new_annotation

    def span(text: str, occurrence: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(occurrence + 1):
            start = body.index(text, start + 1)
        return start, start + len(text)

    cafe = "Cafe\u0301 Zoe\u0308 Ltd"
    wanted: list[tuple[str, int, str, str | None, dict[str, Any]]] = [
        (cafe, 0, "ORG", "Café Zoë Ltd", {"note": "decomposed\taccents\nafter a ZWJ emoji"}),
        ("Orange SA", 0, "ORG", "Orange", {}),
        ("€2.5 million", 0, "MONEY", None, {"value": 2.5e6, "unit": "EUR"}),
        ("𝔸lpha", 0, "ORG", "Alpha", {}),
        ("$300,000", 0, "MONEY", None, {"value": 3e5, "unit": "USD"}),
        (cafe, 1, "ORG", "Café Zoë Ltd", {}),
        ("🚀", 0, "PRODUCT", None, {}),
        ("Ще\u0301", 0, "PLACE", None, {}),
        ("Nvidia", 0, "ORG", "Nvidia", {"status": "suggested"}),
        ("GPUs", 0, "PRODUCT", None, {}),
        ("Monday.\nЩе\u0301 one", 0, "PRODUCT", None, {}),  # across the line break
    ]
    records, names = [], []
    for text, occurrence, label, entity, extra in wanted:
        start, end = span(text, occurrence)
        records.append(new_annotation(body, article_id, labels[label], start, end, **extra))
        names.append(entity)
    step = AddAnnotations(records, link=names)
    step.apply()
    ids = step.ids
    # The deals: each amount to the company it was paid to or by.
    LinkAnnotations([(ids[2], ids[0]), (ids[2], ids[1]), (ids[4], ids[3]),
                     (ids[4], ids[5])]).apply()
    return len(ids)


# --- the check against a running Label Studio ---------------------------------------------

class Api:
    def __init__(self, url: str, token: str) -> None:
        self.url = url.rstrip("/")
        self.token = token

    def call(self, method: str, path: str, body: Any = None, upload: Path | None = None) -> Any:
        """Sends ``body`` as JSON, or ``upload`` as the file of a form (as the import
        dialog does); returns the decoded answer."""
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        kind = "application/json"
        if upload is not None:
            boundary = f"----marginalia{time.monotonic_ns()}"
            data = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                    f'filename="{upload.name}"\r\nContent-Type: application/json\r\n\r\n'
                    ).encode() + upload.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
            kind = f"multipart/form-data; boundary={boundary}"
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Authorization", f"Token {self.token}")
        if data is not None:
            request.add_header("Content-Type", kind)
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:2000]
            raise SystemExit(f"{method} {path}: HTTP {exc.code}: {detail}") from None
        return json.loads(raw) if raw else None


def wait_until_up(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url.rstrip("/") + "/health", timeout=5) as response:
                if response.status == 200:
                    return True
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(2)
    return False


def _spans(task: dict[str, Any]) -> list[tuple[str, int, dict[str, Any]]]:
    """(group, index of the annotation or prediction, result) of every result of a task."""
    found = []
    for group in ("annotations", "predictions"):
        for number, annotation in enumerate(task.get(group) or []):
            for result in annotation.get("result") or []:
                found.append((group, number, result))
    return found


def _key(result: dict[str, Any]) -> str:
    """What must survive the trip through Label Studio, as a comparable string."""
    kept = {k: result.get(k) for k in ("id", "type", "from_name", "to_name", "value",
                                         "from_id", "to_id", "direction", "labels")
            if result.get(k) is not None}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False)


def _node_slices(items: list[tuple[str, int, int]]) -> list[tuple[str, str]] | None:
    """JavaScript's own slicing of each (text, start, end): by the string iterator, as
    Label Studio's Text tag counts, and by ``substring`` (UTF-16 units), for contrast."""
    node = shutil.which("node")
    if node is None:
        return None
    script = ("let d='';process.stdin.on('data',c=>d+=c).on('end',()=>{"
              "const out=JSON.parse(d).map(([t,s,e])=>["
              "[...t].slice(s,e).join(''),t.substring(s,e)]);"
              "process.stdout.write(JSON.stringify(out));});")
    done = subprocess.run([node, "-e", script], input=json.dumps(items), capture_output=True,
                          text=True, encoding="utf-8", check=True, timeout=120)
    return [(points, units) for points, units in json.loads(done.stdout)]


_REGION_TEXTS = """
const out = {};
for (const el of document.querySelectorAll('.htx-highlight')) {
  for (const name of el.classList) {
    const m = name.match(/^htx-highlight-(.+)-[0-9]+$/);
    if (m) { out[m[1]] = (out[m[1]] || '') + el.textContent; }
  }
}
return out;"""
"""Each region's highlighted text in the editor: the concatenated text of the spans the
editor made for it (HighlightMixin.js names them ``htx-highlight-<region id>-<n>``)."""


def browser_texts(url: str, email: str, password: str, project: int,
                  tasks: list[dict[str, Any]]) -> dict[int, dict[str, str]] | str:
    """Opens each task in Label Studio's own editor (headless Chromium) and reads the text
    it highlights for each region of the task's annotation; a reason when it cannot."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if os.environ.get("LS_BROWSER", "1") == "0":
        return "skipped (LS_BROWSER=0)"
    if not (chromium and driver_path and password):
        return "skipped (no chromium and chromedriver on the PATH)"
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
    except ImportError:
        return "skipped (selenium is not installed in the Label Studio venv)"
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(argument)
    options.binary_location = chromium
    seen: dict[int, dict[str, str]] = {}
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.get(f"{url}/user/login/")
        driver.find_element(By.NAME, "email").send_keys(email)
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        time.sleep(1)
        for task in tasks:
            wanted = {r["id"] for a in task["annotations"][:1] for r in a["result"]
                      if r.get("type") == "labels"}
            driver.get(f"{url}/projects/{project}/data?task={task['id']}")
            deadline = time.monotonic() + 90
            found: dict[str, str] = {}
            while time.monotonic() < deadline:
                found = driver.execute_script(_REGION_TEXTS) or {}
                if wanted <= found.keys():
                    break
                time.sleep(1)
            seen[task["id"]] = found
    finally:
        driver.quit()
    return seen


def check(url: str, token: str, tasks_path: Path, config_path: Path,
          email: str = "", password: str = "") -> int:
    problems: list[str] = []
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    config = config_path.read_text(encoding="utf-8")
    api = Api(url, token)
    version = (api.call("GET", "/api/version") or {}).get("release", "?")

    # What Label Studio's SDK says of each annotation and prediction against the config
    # (the import only logs what it finds wrong in predictions; here it is a failure).
    try:
        from label_studio_sdk.label_interface import LabelInterface
    except ImportError:
        LabelInterface = None  # noqa: N806
    validated = 0
    if LabelInterface is not None:
        interface = LabelInterface(config)
        for number, task in enumerate(tasks):
            for group in ("annotations", "predictions"):
                for item in task.get(group) or []:
                    for error in interface.validate_prediction(item, return_errors=True):
                        problems.append(f"task {number} {group}: {error}")
                    validated += 1

    project = api.call("POST", "/api/projects/", {
        "title": f"Marginalia check {time.strftime('%Y-%m-%d %H:%M:%S')}",
        "label_config": config})
    pid = project["id"]
    # The file itself, uploaded as the project's Import dialog uploads it.
    imported = api.call("POST", f"/api/projects/{pid}/import", upload=tasks_path)
    want = {"task_count": len(tasks),
            "annotation_count": sum(len(t.get("annotations") or []) for t in tasks),
            "prediction_count": sum(len(t.get("predictions") or []) for t in tasks)}
    for key, value in want.items():
        if imported.get(key) != value:
            problems.append(f"import said {key}={imported.get(key)}, the file has {value}")

    # Read back: the project's counters, each task's annotations and predictions
    # through their own endpoints, and the project's JSON export.
    summary = api.call("GET", f"/api/projects/{pid}/")
    for key, value in (("task_number", want["task_count"]),
                       ("total_annotations_number", want["annotation_count"]),
                       ("total_predictions_number", want["prediction_count"])):
        if summary.get(key) != value:
            problems.append(f"project says {key}={summary.get(key)}, expected {value}")
    exported = api.call("GET", f"/api/projects/{pid}/export?exportType=JSON"
                               "&download_all_tasks=true")
    by_article = {t["data"].get("article_id"): t for t in exported}
    back_results = 0
    for task in exported:  # the export names predictions by id: read them, and the annotations
        annotations = api.call("GET", f"/api/tasks/{task['id']}/annotations/")
        predictions = api.call("GET", f"/api/predictions/?task={task['id']}")
        if [_key(r) for a in annotations for r in a["result"]] != [
                _key(r) for a in task["annotations"] for r in a["result"]]:
            problems.append(f"task {task['id']}: its annotations and the export's disagree")
        if sorted(p["id"] for p in predictions) != sorted(task.get("predictions") or []):
            problems.append(f"task {task['id']}: its predictions and the export's disagree")
        task["annotations"], task["predictions"] = annotations, predictions
    if len(exported) != len(tasks):
        problems.append(f"{len(exported)} tasks read back, {len(tasks)} imported")

    slices: list[tuple[str, int, int]] = []
    quoted: list[str] = []
    utf16_moved = 0
    for ours in tasks:
        article_id = ours["data"]["article_id"]
        theirs = by_article.get(article_id)
        if theirs is None:
            problems.append(f"article {article_id}: no task read back")
            continue
        text = theirs["data"].get("text")
        if text != ours["data"]["text"]:
            problems.append(f"article {article_id}: the text came back changed")
            continue
        for group in ("annotations", "predictions"):
            sent = [[_key(r) for r in a["result"]] for a in ours.get(group) or []]
            got = [[_key(r) for r in a["result"]] for a in theirs.get(group) or []]
            if Counter(map(tuple, map(sorted, sent))) != Counter(map(tuple, map(sorted, got))):
                problems.append(f"article {article_id}: {group} came back different")
        points = list(text)  # what Text's editor indexes: [...text]
        units = text.encode("utf-16-le")
        regions: dict[tuple[str, int], dict[str, tuple[int, int]]] = {}
        results = _spans(theirs)
        back_results += len(results)
        for group, number, result in results:
            if result.get("type") == "labels":
                value = result["value"]
                start, end = value["start"], value["end"]
                regions.setdefault((group, number), {})[result["id"]] = (start, end)
                if not (isinstance(start, int) and isinstance(end, int)
                        and 0 <= start < end <= len(points)):
                    problems.append(f"article {article_id}: bad offsets {start}-{end}")
                    continue
                if "".join(points[start:end]) != value["text"]:
                    problems.append(f"article {article_id}: {start}-{end} is "
                                    f"{''.join(points[start:end])!r}, not {value['text']!r}")
                if units[2 * start:2 * end].decode("utf-16-le", "replace") != value["text"]:
                    utf16_moved += 1
                slices.append((text, start, end))
                quoted.append(value["text"])
        for group, number, result in results:
            where = regions.get((group, number), {})
            if result.get("type") == "textarea":
                span = (result["value"].get("start"), result["value"].get("end"))
                if where.get(result["id"]) != span:
                    problems.append(f"article {article_id}: textarea {result['id']} is not on "
                                    "its region")
            elif result.get("type") == "relation":
                if result["from_id"] not in where or result["to_id"] not in where:
                    problems.append(f"article {article_id}: relation to a missing region")

    in_js = _node_slices(slices)
    js_note = "node not found, JavaScript slicing not run"
    if in_js is not None:
        js_wrong = sum(1 for (points_cut, _), q in zip(in_js, quoted, strict=True)
                       if points_cut != q)
        js_moved = sum(1 for (_, units_cut), q in zip(in_js, quoted, strict=True)
                       if units_cut != q)
        if js_wrong:
            problems.append(f"{js_wrong} spans differ when JavaScript's string iterator "
                            "slices the text")
        js_note = (f"JavaScript [...text] agrees on all {len(in_js)}, "
                   f"substring() would misplace {js_moved}")

    shown = browser_texts(api.url, email, password, pid, exported)
    if isinstance(shown, str):
        editor_note = f"editor check {shown}"
    else:
        compared = 0
        for task in exported:
            for region in [r for a in task["annotations"][:1] for r in a["result"]
                           if r.get("type") == "labels"]:
                # The editor's highlight spans do not hold the line break characters.
                expected = region["value"]["text"].replace("\n", "")
                highlighted = shown[task["id"]].get(region["id"])
                compared += 1
                if highlighted != expected:
                    problems.append(f"editor, task {task['id']}, region {region['id']}: "
                                    f"highlights {highlighted!r}, not {expected!r}")
        editor_note = f"{compared} regions compared with what the editor highlights"
    counts = (f"{len(tasks)} tasks, {want['annotation_count']} annotations, "
              f"{want['prediction_count']} predictions, {back_results} results read back, "
              f"{len(slices)} spans checked in code points ({utf16_moved} would move if "
              f"counted in UTF-16; {js_note}); SDK validated {validated} "
              f"annotations/predictions; {editor_note}; project {pid}")
    for problem in problems[:50]:
        print(f"  mismatch: {problem}", file=sys.stderr)
    if problems:
        print(f"Label Studio {version}: FAIL, {len(problems)} mismatches; {counts}")
        return 1
    print(f"Label Studio {version}: OK, {counts}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    article = commands.add_parser("article", help="write the Unicode article as a .txt")
    article.add_argument("path", type=Path)
    commands.add_parser("annotate", help="tag the articles of $MARGINALIA_DB")
    wait = commands.add_parser("wait", help="wait for Label Studio to answer")
    wait.add_argument("--url", required=True)
    wait.add_argument("--seconds", type=float, default=600)
    checker = commands.add_parser("check", help="import the tasks into Label Studio, compare")
    checker.add_argument("--url", required=True)
    checker.add_argument("--token", required=True)
    checker.add_argument("--tasks", required=True, type=Path)
    checker.add_argument("--config", required=True, type=Path)
    checker.add_argument("--email", default="check@marginalia.invalid",
                         help="the user to log into the editor as (password: $LS_PASSWORD)")
    args = parser.parse_args(argv)
    if args.command == "article":
        write_article(args.path)
        return 0
    if args.command == "annotate":
        print(f"stored {annotate()} annotations")
        return 0
    if args.command == "wait":
        return 0 if wait_until_up(args.url, args.seconds) else 1
    return check(args.url, args.token, args.tasks, args.config, args.email,
                 os.environ.get("LS_PASSWORD", ""))


if __name__ == "__main__":
    sys.exit(main())
