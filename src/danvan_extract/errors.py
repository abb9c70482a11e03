"""The library's exceptions: one base class, one message catalogue."""

from __future__ import annotations


class DanvanError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(DanvanError, ValueError):
    """The caller passed something the library cannot work on."""


class RulesError(DanvanError):
    """A rules or lexicon file is missing, malformed or inconsistent."""


class ExtractionTimeout(DanvanError):
    """A pattern ran longer than its time budget on one document."""


class OutputError(DanvanError):
    """The output cannot be written (a folder, no permission, a full disk, locked)."""


class GoldError(DanvanError):
    """A gold annotation file does not follow the fact contract."""


# Message catalogue, so wording stays consistent across CLI, API and tests.
E_NOT_STR = "extract() takes a str, got {kind}; decode bytes first (e.g. data.decode('utf-8'))"
E_RULES_DIR = "rules folder {path} does not exist; pass an existing folder or omit it to use the bundled rules"
E_RULES_NOT_DIR = "rules folder {path} is a file; pass the folder that holds the rules files (numeric.toml, lexicons/, ...)"
E_RULES_TYPE = "rules_dir must be a folder path (str or pathlib.Path) or None, got {kind}"
E_RULES_FILE = "rules file {path}: {problem}"
E_TIMEOUT = ("pattern '{rule}' took {spent:.1f}s of this document's {seconds:g}s time budget (--time-budget); "
             "the document was skipped")
E_BUDGET = "time_budget must be a positive number of seconds (inf for no limit), got {value!r}"
E_ANCHOR = ("rule '{rule}': its anchor promise does not hold: a full scan finds a different match at "
            "character {pos} ({text!r}); fix or remove the rule's `anchor`")
E_GOLD = "{path}:{line}: {problem}"
E_OUTPUT = "cannot write {path}: {reason}{after}"
E_OUTPUT_DIR = "output {path} is a folder; name a file (e.g. {path}/facts.jsonl)"
E_OUTPUT_LOCKED = ("another run is writing {path} right now; wait for it to finish or choose another output "
                   "(two runs on one file would interleave their lines)")
E_STRAY_BYTES = ("{n} byte sequence(s) not valid UTF-8, each read as U+FFFD (the rest of the text is "
                 "extracted): at byte offset(s) {where}")
