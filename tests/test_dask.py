"""The Dask engine: the same output as the local engine, on real worker
processes over loopback, also when a worker is killed mid-run.

Every process a test starts is stopped by its PID in a ``finally``; no
assertion depends on timing (waits are long deadlines, never measurements).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import danvan_extract  # noqa: E402
from danvan_extract.engines.local import run_batch  # noqa: E402
from danvan_extract.engines import dask_engine  # noqa: E402
from danvan_extract.engines.document import failed_result, rules_bundle, rules_dir_of_bundle  # noqa: E402
from danvan_extract.errors import E_WORKER_DIED  # noqa: E402
from danvan_extract.io.tables import to_dataframe, write_table, read_jsonl  # noqa: E402

from .conftest import GOLD, ROOT  # noqa: E402

DEV = ROOT / "gold" / "dev"
DEADLINE = 600  # seconds: a generous bound on a loaded machine, never a measurement


def _env() -> dict:
    """The environment of a child process: it imports this very package
    (installed or from the source tree, whichever the tests import)."""
    env = dict(os.environ)
    here = str(Path(danvan_extract.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join([here] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _scheduler(port: int, logs) -> subprocess.Popen:
    """A Dask scheduler on this machine at ``port``, its output in ``logs``."""
    return subprocess.Popen([sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1",
                             "--port", str(port), "--no-dashboard", "--dashboard-address", "127.0.0.1:0"],
                            env=_env(), stdout=logs, stderr=logs)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "danvan_extract.views.cli", "extract", *args, "--no-progress"]


def _stop(proc: subprocess.Popen) -> None:
    """Stop ``proc`` (by its PID): politely, then for sure."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def _corpus(folder: Path, copies: int = 1) -> Path:
    """gold/seeds and gold/dev texts (``copies`` times, in sub-folders), a
    binary file and a file in no known encoding."""
    for i in range(copies):
        sub = folder / f"c{i:02d}" if copies > 1 else folder
        (sub / "dev").mkdir(parents=True)
        for src in sorted(GOLD.glob("*.txt")):
            shutil.copy(src, sub / src.name)
        for src in sorted(DEV.glob("*.txt")):  # only the texts: gold files come and go there
            shutil.copy(src, sub / "dev" / src.name)
    (folder / "page.html").write_text("<html><body><script>var x = 5;</script><p>Có 12 xã đạt chuẩn, "
                                      "chiếm 73,53%.</p></body></html>", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (folder / "latin.txt").write_bytes("Số liệu: 12 xã ".encode("utf-8")[:8] + bytes(range(0x80, 0x100)) * 4)
    return folder


def _local(src: Path, out: Path, **kw) -> bytes:
    run_batch(src, out, **kw)
    return out.read_bytes()


def test_local_cluster_cli_writes_the_local_bytes_and_table(tmp_path):
    src = _corpus(tmp_path / "in")
    expected = _local(src, tmp_path / "local.jsonl", html=True)
    docs = read_jsonl(tmp_path / "local.jsonl")
    assert {d["doc_id"] for d in docs if d["errors"]} == {"binary", "latin"}
    assert any(d["doc_id"] == "page" and d["facts"] for d in docs)
    run = subprocess.run(_cli(str(src), "-o", str(tmp_path / "facts.parquet"), "--format", "parquet", "--html",
                              "--engine", "dask", "--workers", "2", "--partition-size", "3", "--progress"),
                         env=_env(), capture_output=True, text=True, timeout=DEADLINE)
    assert run.returncode == 1, run.stderr  # the two bad files, as locally
    assert "Traceback" not in run.stderr
    assert (tmp_path / "facts.jsonl").read_bytes() == expected
    parts = sorted((tmp_path / "facts.parquet").glob("part-*.parquet"))
    assert len(parts) == -(-len(expected.splitlines()) // 3)
    write_table(tmp_path / "local.jsonl", tmp_path / "local.parquet", "parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "facts.parquet"), pd.read_parquet(tmp_path / "local.parquet"))


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster, set_as_default=False) as c:
        c.wait_for_workers(2, timeout=DEADLINE)
        yield c


def test_resume_and_summary_as_locally(tmp_path, client):
    src = _corpus(tmp_path / "in")
    local = tmp_path / "local.jsonl"
    local_summary = run_batch(src, local)
    out = tmp_path / "dask.jsonl"
    summary = dask_engine.run_dask(src, out, client=client, partition_size=5)
    assert out.read_bytes() == local.read_bytes()
    for name in ("documents", "skipped", "failed", "facts", "characters"):
        assert getattr(summary, name) == getattr(local_summary, name), name
    # interrupted: 10 lines and a torn one; resume writes the rest, nothing twice
    lines = local.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:10]) + lines[10][:25])
    resumed = dask_engine.run_dask(src, out, client=client, partition_size=5, resume=True,
                                   table_dir=tmp_path / "t.parquet")
    assert out.read_bytes() == local.read_bytes()
    assert (resumed.skipped, resumed.documents) == (10, len(lines) - 10)
    assert len(pd.read_parquet(tmp_path / "t.parquet")) == sum(local_summary.facts.values())


def test_large_files_are_streamed_on_the_workers_as_locally(tmp_path, client):
    src = _corpus(tmp_path / "in")
    big = "\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt")))
    (src / "big.txt").write_text(big, encoding="utf-8")
    local = _local(src, tmp_path / "local.jsonl", large_file_bytes=len(big) // 2)
    out = tmp_path / "dask.jsonl"
    summary = dask_engine.run_dask(src, out, client=client, large_file_bytes=len(big) // 2)
    assert out.read_bytes() == local
    assert summary.documents == len(local.splitlines())


def test_rules_folder_reaches_the_workers_by_value(tmp_path, client):
    rules = tmp_path / "rules"
    (rules / "lexicons").mkdir(parents=True)
    (rules / "lexicons" / "counted_nouns.txt").write_text("xuồng máy\n", encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Có 7 xuồng máy và hai xuồng máy.", encoding="utf-8")
    copy = Path(rules_dir_of_bundle(rules_bundle(rules)))
    assert copy != rules and (copy / "lexicons" / "counted_nouns.txt").read_text(encoding="utf-8") == "xuồng máy\n"
    local = tmp_path / "local.jsonl"
    run_batch(src, local, rules_dir=str(rules))
    assert "hai xuồng máy" in local.read_text(encoding="utf-8")
    out = tmp_path / "dask.jsonl"
    dask_engine.run_dask(src, out, client=client, rules_dir=str(rules))
    assert out.read_bytes() == local.read_bytes()


def test_workers_without_the_package_are_named(client):
    with pytest.raises(dask_engine.ClusterError, match="cannot import no_such_package_here"):
        dask_engine.check_workers(client, module="no_such_package_here")
    assert dask_engine.check_workers(client) == 2


def test_bag_and_dataframe_on_the_cluster_with_a_rules_folder(tmp_path, client):
    rules = tmp_path / "rules"
    (rules / "lexicons").mkdir(parents=True)
    (rules / "lexicons" / "counted_nouns.txt").write_text("xuồng máy\n", encoding="utf-8")
    src = _corpus(tmp_path / "in")
    (src / "boats.txt").write_text("Có 7 xuồng máy và hai xuồng máy.", encoding="utf-8")
    local = tmp_path / "local.jsonl"
    run_batch(src, local, rules_dir=str(rules))
    bag = dask_engine.documents_bag(None, src, rules_dir=rules, partition_size=9)
    docs = client.compute(bag).result()
    assert [d.model_dump_json(exclude_none=True) for d in docs] == local.read_text(encoding="utf-8").splitlines()
    df = client.compute(dask_engine.facts_dataframe(None, src, rules_dir=rules, partition_size=9)).result()
    assert len(df) == sum(len(d.facts) for d in docs)
    assert "hai xuồng máy" in set(df.text)


def test_a_scheduler_without_workers_is_a_clear_error(tmp_path):
    from distributed import LocalCluster

    (tmp_path / "a.txt").write_text("Có 12 xã.", encoding="utf-8")
    with LocalCluster(n_workers=0, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster:
        with pytest.raises(dask_engine.ClusterError, match="has no workers after 1 s; start some with `dask worker"):
            dask_engine.run_dask(tmp_path, tmp_path / "o.jsonl", scheduler=cluster.scheduler_address,
                                 workers_timeout=1)


def test_bag_and_dataframe_api(tmp_path):
    src = _corpus(tmp_path / "in")
    local = tmp_path / "local.jsonl"
    run_batch(src, local)
    docs = dask_engine.documents_bag(None, src, partition_size=7).compute(scheduler="sync")
    assert [d.model_dump_json(exclude_none=True) for d in docs] == local.read_text(encoding="utf-8").splitlines()
    paths = sorted(src.glob("*.txt"))
    df = dask_engine.facts_dataframe(paths, src, partition_size=2)
    assert list(df.columns) == list(to_dataframe([]).columns)
    got = df.compute(scheduler="sync").reset_index(drop=True)
    want = to_dataframe([d for d in read_jsonl(local) if "/" not in d["doc_id"]])
    assert list(got.dtypes) == list(want.dtypes)

    def blanks_as_none(df):  # to_dataframe's text columns hold None or NaN, by pandas' inference per chunk
        return df.astype(object).where(df.notna(), None)

    pd.testing.assert_frame_equal(blanks_as_none(got), blanks_as_none(want))


def test_separate_scheduler_and_workers_with_one_worker_killed_mid_run(tmp_path):
    src = _corpus(tmp_path / "in", copies=24)
    expected = _local(src, tmp_path / "local.jsonl")
    total = len(expected.splitlines())
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    started: list[subprocess.Popen] = []
    logs = open(tmp_path / "cluster.log", "wb")
    try:
        started.append(_scheduler(port, logs))
        for _ in range(2):
            # no nanny: the worker is this very process, so killing its PID kills the worker
            started.append(subprocess.Popen([sys.executable, "-m", "dask", "worker", address, "--nthreads", "1",
                                             "--nworkers", "1", "--no-nanny", "--no-dashboard", "--dashboard-address", "127.0.0.1:0", "--host", "127.0.0.1",
                                             "--death-timeout", "120"],
                                            env=_env(), stdout=logs, stderr=logs))
        from distributed import Client

        with Client(address, timeout=DEADLINE, set_as_default=False) as c:
            c.wait_for_workers(2, timeout=DEADLINE)
        victim = started[2]
        out = tmp_path / "dask.jsonl"
        run = subprocess.Popen(_cli(str(src), "-o", str(out), "--engine", "dask", "--scheduler", address,
                                    "--partition-size", "4"),
                               env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        started.append(run)
        end = time.monotonic() + DEADLINE
        written = 0
        while run.poll() is None and time.monotonic() < end:
            written = out.read_bytes().count(b"\n") if out.exists() else 0
            if written >= 40:
                break
            time.sleep(0.02)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait(timeout=60)
        assert written < total, "the run ended before the worker could be killed; give it more input"
        stdout, stderr = run.communicate(timeout=DEADLINE)
        assert run.returncode == 1, stderr.decode()  # the two bad files
        assert b"Traceback" not in stderr
        assert out.read_bytes() == expected  # complete, in order, nothing twice
    finally:
        for proc in reversed(started):
            _stop(proc)
        logs.close()
    assert all(proc.poll() is not None for proc in started)


def test_a_worker_without_the_package_stops_the_run_with_one_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Có 12 xã.", encoding="utf-8")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    # a worker process in which `import danvan_extract` fails, as where it is not installed
    blind = ("import sys; sys.modules['danvan_extract'] = None; "
             f"sys.argv = ['dask', 'worker', {address!r}, '--nthreads', '1', '--no-nanny', '--no-dashboard', '--dashboard-address', '127.0.0.1:0', "
             "'--host', '127.0.0.1', '--death-timeout', '120']; "
             "from dask.cli import run_cli; run_cli()")
    started: list[subprocess.Popen] = []
    logs = open(tmp_path / "cluster.log", "wb")
    try:
        started.append(_scheduler(port, logs))
        started.append(subprocess.Popen([sys.executable, "-c", blind], env=_env(), stdout=logs, stderr=logs))
        run = subprocess.Popen(_cli(str(src), "-o", str(tmp_path / "o.jsonl"), "--engine", "dask",
                                    "--scheduler", address),
                               env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(run)
        _, stderr = run.communicate(timeout=DEADLINE)
        assert run.returncode == 2, stderr
        lines = stderr.strip().splitlines()
        assert len(lines) == 1, stderr
        assert "1 of 1 Dask worker(s) cannot import danvan_extract" in lines[0]
        assert "install danvan-extract on every worker" in lines[0]
    finally:
        for proc in reversed(started):
            _stop(proc)
        logs.close()


def test_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Có 12 xã.", encoding="utf-8")
    run = subprocess.run(_cli(str(src), "-o", str(tmp_path / "o.jsonl"), "--engine", "dask",
                              "--scheduler", f"tcp://127.0.0.1:{_free_port()}"),
                         env=_env(), capture_output=True, text=True, timeout=DEADLINE)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("error: [E043] cannot reach the Dask scheduler at tcp://127.0.0.1:")


def test_the_rule_only_path_never_imports_dask(tmp_path):
    (tmp_path / "a.txt").write_text("Có 12 xã.", encoding="utf-8")
    code = (
        "import sys\n"
        "import danvan_extract\n"
        "from danvan_extract import extract\n"
        "from danvan_extract.engines.local import run_batch\n"
        "import danvan_extract.engines.dask_engine\n"
        "assert extract('Huyện có 285 mô hình.')\n"
        f"run_batch(__import__('pathlib').Path({str(tmp_path)!r}), __import__('pathlib').Path({str(tmp_path / 'o.jsonl')!r}))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed'))\n"
        "assert not bad, bad\n"
    )
    run = subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True, text=True, timeout=DEADLINE)
    assert run.returncode == 0, run.stderr


def _poisoned(fn):
    """``fn``, except that a partition holding a document named "poison" kills
    its worker process (built here so that it is sent by value)."""

    def run(items, *args):
        if any(doc_id.endswith("poison") for _, doc_id in items):
            os._exit(1)
        return fn(items, *args)

    return run


def test_a_document_that_kills_its_workers_gets_one_error_line(tmp_path):
    import dask
    from distributed import Client, LocalCluster

    src = tmp_path / "in"
    src.mkdir()
    for i, text in enumerate(["Có 12 xã.", "Huyện có 285 mô hình.", "poison", "Có 7 hộ.", "Chiếm 73,53%."]):
        (src / ("poison.txt" if text == "poison" else f"d{i}.txt")).write_text(text, encoding="utf-8")
    local = tmp_path / "local.jsonl"
    run_batch(src, local)
    items = [(str(p), p.stem) for p in sorted(src.glob("*.txt"))]
    # one death is enough to give up on a task (the default tries 4 workers)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address="127.0.0.1:0") as cluster, Client(cluster, set_as_default=False) as c:
            c.wait_for_workers(2, timeout=DEADLINE)
            runner = dask_engine._Runner(c, None, False, 2**30, True, window=2,
                                         fn=_poisoned(dask_engine._run_partition))
            parts = list(runner.run(dask_engine.batches(iter(items), 3)))
    lines = [r[0] for results, _ in parts for r in results]
    want = local.read_text(encoding="utf-8").splitlines()
    poison = next(i for i, (_, doc_id) in enumerate(items) if doc_id == "poison")
    assert lines[poison] == failed_result(items[poison][0], "poison", E_WORKER_DIED)[0]
    assert lines[:poison] + lines[poison + 1:] == want[:poison] + want[poison + 1:]
    assert all(table is not None for _, table in parts)


def test_engine_options_are_checked(tmp_path):
    from typer.testing import CliRunner

    from danvan_extract.views.cli import app

    runner = CliRunner()
    for args, message in ((["--engine", "spark"], "--engine must be local or dask"),
                          (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask")):
        result = runner.invoke(app, ["extract", str(GOLD), "-o", str(tmp_path / "o.jsonl"), *args])
        assert result.exit_code == 2 and message in result.output
