"""Issue #14: nothing a folder, a file or a user can throw stops a batch or
silently loses a document.  One test (or a few) per numbered item."""

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from danvan_extract.engines import local as batch
from danvan_extract.views.cli import app

runner = CliRunner()

SENTENCE = "Thực hiện Nghị quyết số 25-NQ/TW, có 285 mô hình, chiếm 73,53%."


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _run(folder: Path, out: Path, *extra: str):
    return runner.invoke(app, ["extract", str(folder), "-o", str(out), "--no-progress", *extra])


def _values(doc: dict) -> set:
    return {f.get("value") for f in doc["facts"]}


# --- 1. file names that are not UTF-8 --------------------------------------


@pytest.mark.parametrize("workers", ["1", "2"])
def test_file_name_that_is_not_utf8(tmp_path, workers):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (b"a.txt", b"caf\xe9.txt", b"z.txt"):
        (folder / os.fsdecode(name)).write_text(SENTENCE, encoding="utf-8")
    (folder / os.fsdecode(b"bad\xff.txt")).write_bytes(b"")  # and an error naming it
    out = tmp_path / "o.jsonl"
    result = _run(folder, out, "--workers", workers)
    assert result.exit_code == 1, result.output
    docs = _lines(out)
    assert [d["doc_id"] for d in docs] == ["a", "bad\\xff", "caf\\xe9", "z"]
    assert docs[1]["errors"] == ["bad\\xff.txt: [E047] empty file"]
    assert all(285 in _values(d) for d in docs if d["doc_id"] != "bad\\xff")
    # stable across runs: --resume after losing the last lines finishes the batch
    out.write_text("".join(line + "\n" for line in out.read_text(encoding="utf-8").splitlines()[:2]),
                   encoding="utf-8")
    result = _run(folder, out, "--workers", workers, "--resume")
    assert [d["doc_id"] for d in _lines(out)] == ["a", "bad\\xff", "caf\\xe9", "z"]


def test_large_file_with_a_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"l\xe0rge.txt")).write_text((SENTENCE + "\n") * 50, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    batch.run_batch(folder, out, large_file_bytes=100)
    (doc,) = _lines(out)
    assert doc["doc_id"] == "l\\xe0rge" and len(doc["facts"]) >= 150


# --- 3. a subfolder that cannot be read ----------------------------------------


def test_unreadable_subfolder_gets_an_error_line(tmp_path):
    import tempfile

    from .test_inputs import _as_nobody

    base = Path(tempfile.mkdtemp(prefix="danvan-perm-"))
    try:
        os.chmod(base, 0o777)
        folder, out = base / "in", base / "o.jsonl"
        (folder / "locked").mkdir(parents=True)
        (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
        (folder / "locked" / "b.txt").write_text(SENTENCE, encoding="utf-8")
        for p in (folder, folder / "a.txt", folder / "locked" / "b.txt"):
            os.chmod(p, 0o755)
        os.chmod(folder / "locked", 0)
        def locked_root() -> int:  # the input folder itself cannot be listed: exit 2, InputError
            from danvan_extract.errors import InputError

            result = _run(folder / "locked", base / "o2.jsonl")
            try:
                batch.run_batch(folder / "locked", base / "o3.jsonl")
            except InputError as exc:
                return result.exit_code if "cannot list the input folder" in str(exc) else 4
            return 3

        if os.geteuid() == 0:
            code = _as_nobody(lambda: _run(folder, out).exit_code)
            root_code = _as_nobody(locked_root)
        else:
            code = _run(folder, out).exit_code
            root_code = locked_root()
        assert code == 1 and root_code == 2
        docs = _lines(out)
        assert [d["doc_id"] for d in docs] == ["a", "locked/"]
        assert docs[1]["errors"] == ["locked/: [E057] cannot list this folder, its files were not read: Permission denied"]
    finally:
        os.chmod(base / "in" / "locked", 0o755)
        import shutil

        shutil.rmtree(base, ignore_errors=True)


# --- 14. deeply nested folders -------------------------------------------------


def _remove_chain(folder: Path, depth: int) -> None:
    """Remove ``d/d/.../x.txt`` bottom-up (shutil.rmtree recurses too deep)."""
    fds = [os.open(folder, os.O_RDONLY)]
    for _ in range(depth):
        fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
    os.unlink("x.txt", dir_fd=fds[-1])
    for i in range(depth, 0, -1):
        os.close(fds[i])
        os.rmdir("d", dir_fd=fds[i - 1])
    os.close(fds[0])


@pytest.mark.parametrize("depth", [1000, 2100])
def test_thousand_nested_folders(tmp_path, depth):
    folder = tmp_path / "in"
    os.makedirs(folder)
    fd = os.open(folder, os.O_RDONLY)
    try:  # build the chain relative to each level: a full path can be over PATH_MAX
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            nxt = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nxt
        with open(os.open("x.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w", encoding="utf-8") as fh:
            fh.write(SENTENCE)
    finally:
        os.close(fd)
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    try:
        result = _run(folder, out)
    finally:
        _remove_chain(folder, depth)
    docs = _lines(out)
    assert len(docs) == 2 and docs[0]["doc_id"] == "a" and 285 in _values(docs[0])
    if len(str(folder)) + 2 * depth < 4000:  # read at any depth, no RecursionError
        assert result.exit_code == 0
        assert docs[1]["doc_id"] == "d/" * depth + "x" and 285 in _values(docs[1])
    else:  # the folder whose path is too long to list gets its line, saying so
        assert result.exit_code == 1
        assert docs[1]["doc_id"].startswith("d/d/d/") and docs[1]["doc_id"].endswith("/")
        assert "cannot list this folder" in docs[1]["errors"][0]


# --- 2. UTF-32, and UTF-16 without a BOM -----------------------------------------

WIDE = {
    "utf-32 LE BOM": lambda s: s.encode("utf-32"),  # native order, with BOM
    "utf-32 BE BOM": lambda s: b"\x00\x00\xfe\xff" + s.encode("utf-32-be"),
    "utf-16 LE no BOM": lambda s: s.encode("utf-16-le"),
    "utf-16 BE no BOM": lambda s: s.encode("utf-16-be"),
}


@pytest.mark.parametrize("name", list(WIDE))
def test_wide_encodings_give_the_facts(name, tmp_path, pipeline):
    from danvan_extract.io.decoding import read_text

    path = tmp_path / "doc.txt"
    path.write_bytes(WIDE[name](SENTENCE))
    text, errors = read_text(path)
    assert errors == [] and text == SENTENCE
    assert {285, 73.53} <= {f.value for f in pipeline.extract(text) if hasattr(f, "value")}


def test_large_utf32_file_is_streamed_as_utf32(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_bytes(((SENTENCE + "\n") * 40).encode("utf-32"))
    batch.run_batch(folder, tmp_path / "o.jsonl", large_file_bytes=100)
    (doc,) = _lines(tmp_path / "o.jsonl")
    assert doc["errors"] == [] and sum(f["type"] == "count" for f in doc["facts"]) == 40


def test_nul_bytes_that_are_not_utf16_are_still_binary():
    from danvan_extract.io.decoding import decode_bytes

    assert decode_bytes(b"ab\x00\x00cd\x00e\x00" * 10)[1] == ["[E050] binary file (contains NUL bytes), not text"]
    assert decode_bytes(SENTENCE.encode("utf-16-le") + b"\x00")[1][0].startswith("[E050] binary file")


# --- 4. workers die with the main process -------------------------------------------


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_die_with_a_killed_main_process(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3000):
        (folder / f"{i:05}.txt").write_text(SENTENCE * 20, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    main = subprocess.Popen([sys.executable, "-m", "danvan_extract.views.cli", "extract", str(folder), "-o",
                             str(tmp_path / "o.jsonl"), "--workers", "2", "--no-progress"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and main.poll() is None:
            time.sleep(0.2)
            workers = _children(main.pid)
        assert len(workers) >= 2, "the batch did not start its workers"
        main.send_signal(signal.SIGKILL)
        main.wait()
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers)
    finally:
        if main.poll() is None:
            main.kill()
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)


# --- 7. a catastrophic pattern in a user's rules folder ---------------------------------

EVIL_RULES = """
[[count]]
name = "evil"
pattern = '(?:a|aa)+$'
anchor = ["line"]
"""


def _evil_rules(tmp_path: Path) -> Path:
    rules = tmp_path / "evil_rules"
    rules.mkdir()
    (rules / "numeric.toml").write_text(EVIL_RULES, encoding="utf-8")
    return rules


def test_slow_pattern_at_many_anchors_stops_at_the_budget(tmp_path):
    """A pattern slow at each of many anchors, each call under the budget:
    the budget is checked for every call, so the pattern itself is stopped
    (before: checked every 32 calls, it ran on and another rule took the blame)."""
    import time

    import regex

    from danvan_extract import Pipeline
    from danvan_extract.scan.promises import Anchors, ScanPattern
    from danvan_extract.errors import ExtractionTimeout
    from danvan_extract.extractors.base.context import Context

    pipeline = Pipeline()
    slow = ScanPattern("test.slow", regex.compile(r"(?:a|aa)+$", regex.MULTILINE), Anchors.of(line=True))
    line = "a" * 24 + "b\n"
    one_call = float("inf")
    for _ in range(3):  # the fastest of three: a load spike must not inflate the budget
        ctx = Context(line, pipeline.rules, pipeline.anchor_index, budget=60)
        started = time.monotonic()
        ctx.scan(slow)
        one_call = min(one_call, max(time.monotonic() - started, 1e-3))
    # 100 slow lines against a budget of three: stopped long before the end
    ctx = Context(line * 100, pipeline.rules, pipeline.anchor_index, budget=3 * one_call)
    with pytest.raises(ExtractionTimeout, match="test.slow"):
        ctx.scan(slow)


def test_timeout_names_the_pattern_that_spent_the_budget(pipeline):
    import time

    from danvan_extract.errors import ExtractionTimeout
    from danvan_extract.extractors.base.context import Context

    ctx = Context("Có 285 mô hình.", pipeline.rules, pipeline.anchor_index, budget=60)
    ctx.anchors.spent["user.evil"] = 59.5
    ctx.anchors.deadline = time.monotonic() - 1  # spent: the next pattern finds it so
    innocent = pipeline.rules.patterns["count"][0]
    with pytest.raises(ExtractionTimeout, match=r"pattern 'user\.evil' took 59\.5s of this document's 60s"):
        ctx.scan(innocent)


def test_time_budget_option_bounds_a_hostile_rules_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "b.txt").write_text("Có 285 mô hình.\n" + ("a" * 60 + "b\n") * 3, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = _run(folder, out, "--rules", str(_evil_rules(tmp_path)), "--time-budget", "0.5")
    assert result.exit_code == 1, result.output
    a, b = _lines(out)
    assert a["errors"] == [] and 73.53 in _values(a)
    assert b["facts"] == [] and len(b["errors"]) == 1
    assert b["errors"][0].startswith("ExtractionTimeout: [E006] pattern 'evil' took ")
    assert "0.5s time budget" in b["errors"][0]


@pytest.mark.parametrize("bad", ["nan", "0", "-1", "soon"])
def test_time_budget_option_rejects_nonsense(tmp_path, bad):
    folder = tmp_path / "in"
    folder.mkdir()
    result = _run(folder, tmp_path / "o.jsonl", "--time-budget", bad)
    assert result.exit_code == 2 and "Traceback" not in result.output


# --- 12. Pipeline(time_budget=...) -----------------------------------------------------


def test_time_budget_inf_means_no_limit_and_nonsense_is_refused():
    from danvan_extract import Pipeline
    from danvan_extract.errors import InputError

    facts = Pipeline(time_budget=float("inf")).extract(SENTENCE)
    assert {285, 73.53} <= {getattr(f, "value", None) for f in facts}
    for bad in (float("nan"), True, False, "60", 0, -5, None):
        with pytest.raises(InputError, match="time_budget must be a positive number"):
            Pipeline(time_budget=bad)


# --- 8. two runs on one output --------------------------------------------------------------


def test_second_run_on_a_locked_output_is_refused(tmp_path):
    import fcntl

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    out.write_text('{"doc_id": "x", "facts": [], "errors": []}\n', encoding="utf-8")
    with out.open("a") as other:  # another run holds the output
        fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        for extra in ((), ("--resume",)):
            result = _run(folder, out, *extra)
            assert result.exit_code == 2
            assert "another run is writing" in result.output
            assert out.read_text(encoding="utf-8") == '{"doc_id": "x", "facts": [], "errors": []}\n'
    assert _run(folder, out).exit_code == 0  # released: the next run writes it
    assert [d["doc_id"] for d in _lines(out)] == ["a"]


# --- 10. output problems ----------------------------------------------------------------------


def test_output_that_is_a_folder_or_under_a_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for target, words in ((tmp_path, "is a folder; name a file"), (tmp_path / "file" / "o.jsonl", "cannot write")):
        result = _run(folder, Path(target))
        assert result.exit_code == 2, result.output
        assert words in result.output and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_output_in_a_read_only_folder(tmp_path):
    import tempfile

    from .test_inputs import _as_nobody

    base = Path(tempfile.mkdtemp(prefix="danvan-ro-"))
    try:
        (base / "in").mkdir()
        (base / "in" / "a.txt").write_text(SENTENCE, encoding="utf-8")
        (base / "ro").mkdir()
        for p in (base, base / "in", base / "in" / "a.txt"):
            os.chmod(p, 0o755)
        os.chmod(base / "ro", 0o555)
        codes = []

        def run() -> int:
            result = _run(base / "in", base / "ro" / "o.jsonl")
            codes.append(result.output)
            ok = result.exit_code == 2 and "Permission denied" in result.output and "Traceback" not in result.output
            return 0 if ok else 3

        code = _as_nobody(run) if os.geteuid() == 0 else run()
        assert code == 0
    finally:
        os.chmod(base / "ro", 0o755)
        import shutil

        shutil.rmtree(base, ignore_errors=True)


def test_full_disk_mid_run_keeps_whole_lines_and_resumes(tmp_path, monkeypatch):
    import errno

    from danvan_extract.io import output

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(SENTENCE, encoding="utf-8")
    clean = tmp_path / "clean.jsonl"
    assert _run(folder, clean).exit_code == 0

    class FillsUp:
        """A file that takes two lines and half of the third, then is full."""

        def __init__(self, fh):
            self.fh, self.lines = fh, 0

        def write(self, text):
            if self.lines == 2:
                self.fh.write(text[: len(text) // 2])
                self.fh.flush()
                raise OSError(errno.ENOSPC, "No space left on device")
            self.lines += text.endswith("\n")
            return self.fh.write(text)

        def __getattr__(self, name):
            return getattr(self.fh, name)

    real_init = output.Output.__init__

    def init(self, path):
        real_init(self, path)
        self.fh = FillsUp(self.fh)

    out = tmp_path / "o.jsonl"
    monkeypatch.setattr(output.Output, "__init__", init)
    result = _run(folder, out)
    assert result.exit_code == 2 and "No space left on device" in result.output and "--resume" in result.output
    assert [d["doc_id"] for d in _lines(out)] == ["0", "1"]  # whole lines only
    monkeypatch.setattr(output.Output, "__init__", real_init)
    assert _run(folder, out, "--resume").exit_code == 0
    assert out.read_bytes() == clean.read_bytes()


def test_output_is_dev_full(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    result = _run(folder, Path("/dev/full"))
    assert result.exit_code == 2 and "No space left on device" in result.output


# --- 11. broken --rules for show; a lexicon that is not UTF-8 ------------------------------


def test_show_with_a_broken_rules_folder_is_one_clear_error(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "numeric.toml").write_text("[[count]\nname = ", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE, encoding="utf-8")
    result = runner.invoke(app, ["show", str(article), "-o", str(tmp_path / "p.html"), "--rules", str(rules)])
    assert result.exit_code == 2 and "numeric.toml" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "p.html").exists()


def test_lexicon_that_is_not_utf8_names_the_file(tmp_path):
    from danvan_extract import Pipeline
    from danvan_extract.errors import RulesError

    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "counted_nouns.txt").write_bytes(b"m\xf4 h\xecnh\n")  # Latin-1
    with pytest.raises(RulesError, match=r"counted_nouns\.txt.*not UTF-8.*save the lexicon as UTF-8"):
        Pipeline(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    result = _run(folder, tmp_path / "o.jsonl", "--rules", str(tmp_path))
    assert result.exit_code == 2 and "not UTF-8" in result.output


# --- 13. references that expand exponentially -----------------------------------------------


def test_exponential_references_are_refused_at_load(tmp_path):
    from danvan_extract import Pipeline
    from danvan_extract.errors import RulesError

    refs = {"r0": "(?:a|b)"}
    for level in range(1, 7):
        refs[f"r{level}"] = "".join("{r%d}" % (level - 1) for _ in range(8))
    body = "\n".join(f"{k} = '{v}'" for k, v in refs.items())
    bundled = (Path(__file__).resolve().parent.parent / "rules" / "numeric.toml").read_text(encoding="utf-8")
    assert "\n[refs]\n" in bundled
    (tmp_path / "numeric.toml").write_text(  # the bundled rules, plus 8 references x 6 levels
        bundled.replace("\n[refs]\n", f"\n[refs]\n{body}\n", 1) + "\n[[count]]\nname = 'bomb'\npattern = '{r6}'\n",
        encoding="utf-8")
    with pytest.raises(RulesError, match=r"bomb: its references expand to more than 200,000 characters"):
        Pipeline(tmp_path)


# --- 15. links out of the rules folder; formulas in CSV ----------------------------------------


@pytest.mark.parametrize("linked", ["lexicons/surnames.txt", "persons.toml"])
def test_rules_file_linking_out_of_the_folder_is_refused(tmp_path, linked):
    from danvan_extract import Pipeline
    from danvan_extract.errors import RulesError

    rules = tmp_path / "rules"
    (rules / "lexicons").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    (rules / linked).symlink_to(secret)
    with pytest.raises(RulesError, match="outside the rules folder"):
        Pipeline(rules)


def test_csv_cells_that_look_like_formulas_are_escaped(tmp_path):
    pytest.importorskip("pandas")
    import csv

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "plain"):
        (folder / f"{name}.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert _run(folder, out, "--format", "csv").exit_code == 0
    with out.open(encoding="utf-8", newline="") as fh:
        ids = {row["doc_id"] for row in csv.DictReader(fh)}
    assert ids == {"'+1", "'-2", "'=HYPERLINK(1)", "'@SUM(A1)", "plain"}
    assert {d["doc_id"] for d in _lines(tmp_path / "facts.jsonl")} == {"+1", "-2", "=HYPERLINK(1)", "@SUM(A1)", "plain"}


# --- 9. the share_row chrome rule on one long line ------------------------------------------


@pytest.mark.parametrize("tail", ["x", ""])
def test_long_share_row_is_linear(pipeline, seconds_per_char, tail):
    """A 500 KB line of "fb | " took 17.6 s (quadratic backtracking); the
    bound of the fuzz suite (in a forked child: 10 CPU s, or eight times the
    line's length at the linear rate measured in this process) now holds,
    and a row that is all share links is still chrome (no facts on it)."""
    from .test_fuzz import linear_bound, run_bounded

    pipeline.extract("warm up: 285 mô hình")
    text = "Có 285 mô hình.\n" + "fb | " * 100_000 + tail + "\ncó 12 tổ.\n"
    bound = linear_bound(text, seconds_per_char)
    outcome, payload, seconds = run_bounded(pipeline, text, bound)
    assert outcome == "ok" and seconds < bound, (outcome, seconds, bound)
    assert [t for _, _, t in payload] == ["285 mô hình", "12 tổ"]


@pytest.mark.parametrize("line, chrome", [
    ("fb | zalo | in bài", True), ("Chia sẻ  facebook, twitter /", True), ("In bài | Email", True),
    ("share|tweet|like ", True), ("  yt  ", True), ("fb x", False), ("in bài viết", False), ("facebooks", False),
])
def test_share_row_still_matches_share_lines(pipeline, line, chrome):
    (share_row,) = [p for p in pipeline.rules.chrome_patterns if p.name == "share_row"]
    assert bool(share_row.regex.search(line)) == chrome


# --- 6. invisible characters never reach a field ----------------------------------------------

_INVISIBLE = ["\u200b", "\u200d", "\u00ad", "\u200c", "\u2060", "\ufeff"]


def _sprinkle(text: str, seed: int) -> str:
    import random

    rng = random.Random(seed)
    return "".join(ch + (rng.choice(_INVISIBLE) if not ch.isspace() and rng.random() < 0.15 else "")
                   for ch in text)


def test_invisible_characters_do_not_leak_into_fields(pipeline):
    from .conftest import GOLD

    def fields(fact):
        d = fact.model_dump(exclude_none=True)
        return {k: v for k, v in d.items() if k not in ("start", "end", "text")}

    checked = 0
    for path in sorted(GOLD.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        dirty = _sprinkle(text, 7)
        clean_facts, dirty_facts = pipeline.extract(text), pipeline.extract(dirty)
        assert [fields(f) for f in dirty_facts] == [fields(f) for f in clean_facts], path.name
        for f in dirty_facts:
            assert dirty[f.start:f.end] == f.text  # offsets into the text as given
        checked += len(dirty_facts)
    assert checked > 100
    (fact,) = [f for f in pipeline.extract("Có 285 mô\u200b hình.") if f.type == "count"]
    assert fact.noun == "mô hình" and fact.text == "285 mô\u200b hình"


# --- 5. a stray byte in a UTF-8 file -----------------------------------------------------------


def test_stray_byte_in_a_small_utf8_file_is_reported_not_fatal(tmp_path, pipeline):
    from danvan_extract.io.decoding import read_text

    data = (SENTENCE + "\n").encode("utf-8") * 3
    cut = len((SENTENCE + "\n").encode("utf-8"))
    path = tmp_path / "x.txt"
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    text, errors = read_text(path)
    assert errors == [f"x.txt: [E062] 1 byte sequence(s) not valid UTF-8, each read as U+FFFD (the rest of the text "
                      f"is extracted): at byte offset(s) {cut}"]
    assert text == SENTENCE + "\n\ufffd" + SENTENCE + "\n" + SENTENCE + "\n"
    assert sum(f.type == "count" for f in pipeline.extract(text)) == 3


@pytest.mark.parametrize("workers", [1, 2])
def test_stray_byte_in_a_large_utf8_file_is_streamed(tmp_path, workers):
    folder = tmp_path / "in"
    folder.mkdir()
    line = (SENTENCE + "\n").encode("utf-8")
    (folder / "big.txt").write_bytes(line * 200 + b"\xc3(" + line * 200)  # a broken 2-byte letter
    (folder / "clean.txt").write_bytes(line * 400)
    out = tmp_path / "o.jsonl"
    batch.run_batch(folder, out, workers=workers, large_file_bytes=1000)
    big, clean = _lines(out)
    assert big["errors"] == [f"big.txt: [E062] 1 byte sequence(s) not valid UTF-8, each read as U+FFFD (the rest of "
                             f"the text is extracted): at byte offset(s) {len(line) * 200}"]
    assert clean["errors"] == []
    assert sum(f["type"] == "count" for f in big["facts"]) == 400 == sum(f["type"] == "count" for f in clean["facts"])


def test_legacy_bytes_are_not_taken_for_utf8_with_stray_bytes():
    from danvan_extract.io.decoding import decode_bytes, scan_utf8

    from .test_cli import _cp1258

    assert scan_utf8([_cp1258(SENTENCE)]) is None  # nearly every letter is a bad sequence
    text, errors = decode_bytes(_cp1258(SENTENCE * 3))
    import unicodedata

    assert errors == [] and unicodedata.normalize("NFC", text) == SENTENCE * 3


# --- what a new user sees ----------------------------------------------------------------------


def test_help_is_plain_at_80_columns():
    result = runner.invoke(app, ["extract", "--help"], terminal_width=80, env={"COLUMNS": "80"})
    assert result.exit_code == 0
    text = result.output
    assert "<bool>" not in text and "{input_dir}" not in text and "INPUT_DIR" in text
    assert "--time-budget SECONDS" in text
    assert max(len(line) for line in text.splitlines()) <= 80
    # descriptions start left of the middle: no narrow column
    starts = [line.index("Skip documents") for line in text.splitlines() if "Skip documents" in line]
    assert starts and starts[0] < 40


def test_show_page_has_no_float_noise_and_says_where_to_open_it(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Diện tích 36.618 m2 đất trồng chè.", encoding="utf-8")
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["show", str(article), "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "hectares: 3.6618" in html and "3.6618000000000004" not in html
    assert page.resolve().as_uri() in result.output.replace("\n", "")


# --- TCVN3: capitals with a tone mark ------------------------------------------------------------


def _to_tcvn3(text: str) -> bytes:
    """Unicode to TCVN3 as a .VnTime typist wrote it: a capital with a tone
    mark (which TCVN3 lacks) becomes its lower-case code."""
    import tomllib
    import unicodedata

    from .conftest import ROOT

    table = tomllib.loads((ROOT / "rules" / "encodings" / "tcvn3.toml").read_text(encoding="utf-8"))["bytes"]
    code = {v: int(k, 16) for k, v in table.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in code or ch.lower() in code:
            out.append(code.get(ch, code.get(ch.lower())))
        else:
            out += ch.encode("cp1252", errors="replace")
    return bytes(out)


def test_tcvn3_capitals_with_tone_marks_are_recovered(pipeline):
    import unicodedata

    from danvan_extract.io.decoding import decode_bytes

    from .conftest import GOLD

    def people(text):
        return [(f.person, f.roles) for f in pipeline.extract(text) if f.type == "person_role"]

    for path in sorted(GOLD.glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        converted, errors = decode_bytes(_to_tcvn3(text))
        assert errors == [] and len(converted) == len(text)
        assert people(converted) == people(text), path.name
    text, _ = decode_bytes(_to_tcvn3("Đồng chí Phạm Tất Thắng - Ủy viên Trung ương Đảng.\nẢnh: Thanh Lê. "
                                     "Ở xã Phúc Yên - đầu tư lớn, nơi “ở đâu” cũng có."))
    assert text == ("Đồng chí Phạm Tất Thắng - Ủy viên Trung ương Đảng.\nẢnh: Thanh Lê. "
                    "Ở xã Phúc Yên - đầu tư lớn, nơi “ở đâu” cũng có.")


def test_show_a_file_whose_name_is_not_utf8(tmp_path):
    article = tmp_path / os.fsdecode(b"caf\xe9.txt")
    article.write_text(SENTENCE, encoding="utf-8")
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["show", str(article), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert "caf\\xe9.txt" in page.read_text(encoding="utf-8")
