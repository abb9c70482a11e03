"""Coverage-guided fuzzing of decoding + extraction with atheris (not run in CI).

    pip install atheris
    python fuzz/atheris_extract.py -runs=20000 -max_len=4096 [-timeout=10] [corpus_dir]

Each input is decoded like a file (:func:`decode_bytes`: UTF-8/16, cp1258,
TCVN3, VNI, binary and unknown-encoding errors) and, when it decodes, run
through the pipeline; every fact must satisfy ``text[start:end] == fact.text``.
Library errors (:class:`DanvanError`, e.g. a per-document timeout) are fine;
any other exception is a finding.  libFuzzer's ``-timeout`` flags hangs.
"""

import sys

import atheris

with atheris.instrument_imports():
    from danvan_extract.io.decoding import decode_bytes
    from danvan_extract.errors import DanvanError
    from danvan_extract.pipeline import Pipeline

PIPELINE = Pipeline()


def test_one(data: bytes) -> None:
    text, errors = decode_bytes(data)
    if text is None:
        assert errors and errors[0], "a failed decode must say why"
        return
    try:
        facts = PIPELINE.extract(text)
    except DanvanError:
        return
    for f in facts:
        assert text[f.start : f.end] == f.text, (f, text[f.start : f.end])


def main() -> None:
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
