"""The library's exceptions and its one message catalogue.

Every message the package raises or writes to an output line is here, with
a code (``[E013]``) that stays the same when the wording changes, so that
users can search for it and tests can name it.  A new message gets the next
free number; a removed one leaves its number unused.  ``tests/test_errors.py``
fails on a ``raise`` or an error line written with an inline message.
"""

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


class DependencyError(DanvanError, ImportError):
    """An optional or required package is not installed."""


class InternalError(DanvanError, RuntimeError):
    """A bug inside the package (or a rule that breaks what its extractor
    expects), never the caller's input: please report it."""


# --- the catalogue ---------------------------------------------------------
# The API: what the caller passed.
E_NOT_STR = "[E001] extract() takes a str, got {kind}; decode bytes first (e.g. data.decode('utf-8'))"
E_BUDGET = "[E007] time_budget must be a positive number of seconds (inf for no limit), got {value!r}"
E_INPUT_FOLDER = "[E013] input folder {root} does not exist or is not a folder; pass a folder of *.txt files"
E_LIST_INPUT = "[E014] cannot list the input folder {root}: {reason}"
E_WORKERS = "[E015] workers must be at least 1, got {workers}"
E_PARTITION = "[E016] partition size must be at least 1, got {value}"
E_TABLE_FORMAT = "[E017] table format must be csv or parquet, not {fmt!r}"
E_TABLE_DIR = "[E018] {path} is a file; with the dask engine the Parquet table is a folder of parts"
E_NOT_A_NUMBER = "[E019] not a Vietnamese number: {token!r}"
E_SPELLED_EMPTY = "[E020] empty spelled number"
E_SPELLED_WORD = "[E021] not a spelled number word: {token!r} in {words!r}"

# Rules folders and data files.
E_RULES_DIR = "[E002] rules folder {path} does not exist; pass an existing folder or omit it to use the bundled rules"
E_RULES_NOT_DIR = ("[E003] rules folder {path} is a file; pass the folder that holds the rules files "
                   "(numeric.toml, lexicons/, ...)")
E_RULES_TYPE = "[E004] rules_dir must be a folder path (str or pathlib.Path) or None, got {kind}"
E_RULES_FILE = "[E005] rules file {path}: {problem}"
E_ANCHOR = ("[E008] rule '{rule}': its anchor promise does not hold: a full scan finds a different match at "
            "character {pos} ({text!r}); fix or remove the rule's `anchor`")
E_LEXICON_UTF8 = "[E022] rules file {path}: not UTF-8 (byte {byte}); save the lexicon as UTF-8"
E_LEXICON_READ = "[E023] rules file {path}: cannot read: {reason}"
E_RULES_LINK = "[E024] rules file {path}: is a link to {real}, outside the rules folder {root}; copy the file in instead"
E_RULES_REFERENCE = "[E025] rules file {path}: unknown reference {{{key}}}"
E_RULES_TOO_LONG = ("[E026] rules file {path}: its references expand to more than {limit:,} characters (a reference "
                    "used several times in references that are themselves nested); simplify the references")
E_RULES_REGEX = "[E027] rules file {path}: {rule}: {problem}"
E_RULES_ANCHOR_LIST = "[E028] rules file {path}: anchor {anchor} is not a word list"
E_RULES_NUMBER_WORDS = ("[E073] rules file {path}: the number words are the package's own and a rules folder "
                        "cannot replace them; remove the file (or change rules/numbers.toml in a checkout)")
E_RULES_AFTER = ("[E072] rules file {path}: `after` needs the anchor \"number\", \"digit\" or \"line\" (it says "
                 "what follows the number, digits or line start a match starts at)")
E_RULES_AFTER_WORD = ("[E074] rules file {path}: `after_word` needs an anchor word (it says what follows "
                      "the word a match starts with)")
E_RULES_AFTER_CLASS = ("[E075] rules file {path}: `after` cannot hold {entries} (a kind of character after an "
                       "anchor word: put it in `after_word`, with the anchor word)")
E_RULES_HOLDS = ("[E076] rules file {path}: `holds` needs the anchor \"line\" (it says what every matching "
                 "line holds)")
E_RULES_GROUPS = ("[E070] rules file {path}: pattern {rule} lacks the named group(s) {groups} that the "
                  "{extractor} extractor reads; add them to the pattern")
E_RULES_PATTERN_MISSING = "[E071] rules file {path}: [grammar] has no pattern {rule}, which the {extractor} extractor reads"
E_QUALIFIER_KIND = "[E029] unknown qualifier(s) {kinds}"
E_RULES_TOO_BIG = ("[E030] rules folder {root} holds more than {mb} MB; it is sent to every worker, "
                   "keep only the rules files in it")
E_ENCODING_TABLE = "[E031] encoding table {path}: {problem!r}; reinstall the package or fix the file"
E_ENCODING_MAP = "[E032] encoding table {path}: [{key}] must map strings to non-empty strings"
E_ENCODING_BYTE = "[E033] encoding table tcvn3.toml: {key!r} must be a byte 80..FF mapped to one letter"

# Extraction.
E_TIMEOUT = ("[E006] pattern '{rule}' took {spent:.1f}s of this document's {seconds:g}s time budget (--time-budget); "
             "the document was skipped")
E_CONTEXT_TIMEOUT = ("[E077] the context stage ({step}) ran past this document's {seconds:g}s time budget "
                     "(--time-budget); the document was skipped")
E_INTERNAL = ("[E034] a bug in danvan-extract, not in the input: {kind}: {message}; please report it "
              "(with a rules folder of your own: check that each pattern has the named groups its extractor reads)")
E_FIELD_NOT_IN_SCHEMA = "[E035] fact field {key!r} is not in the fact schema"

# Output.
E_OUTPUT = "[E010] cannot write {path}: {reason}{after}"
E_OUTPUT_DIR = "[E011] output {path} is a folder; name a file (e.g. {path}/facts.jsonl)"
E_OUTPUT_LOCKED = ("[E012] another run is writing {path} right now; wait for it to finish or choose another output "
                   "(two runs on one file would interleave their lines)")
E_STRAY_BYTES = ("[E062] {n} byte sequence(s) not valid UTF-8, each read as U+FFFD (the rest of the text is "
                 "extracted): at byte offset(s) {where}")

# Gold files.
E_GOLD = "[E009] {path}:{line}: {problem}"
E_GOLD_FOLDER = "[E036] gold folder {path} does not exist"
E_GOLD_UTF8 = "[E037] gold {what} {path} cannot be read as UTF-8 ({problem}); save it as UTF-8"
E_GOLD_EMPTY = "[E038] no <name>.txt + <name>.facts.jsonl pairs in {path}"
E_GOLD_DOC = "[E063] gold article file {path} cannot be read ({problem}); save it as UTF-8 JSON"

# Packages.
E_NO_UNDERTHESEA = "[E039] underthesea is not installed: pip install underthesea"
E_NO_PANDAS = "[E040] tables need pandas and pyarrow: pip install 'danvan-extract[tables]'"
E_NO_DASK = "[E041] the dask engine needs dask and distributed: pip install 'danvan-extract[dask]'"
E_NO_GAZETTEER = "[E042] the 'vietnamadminunits' package is missing; reinstall danvan-extract"

# A Dask cluster.
E_NO_SCHEDULER = ("[E043] cannot reach the Dask scheduler at {scheduler} within {seconds:g} s{reason}; start it "
                  "with `dask scheduler` or leave out --scheduler for a local cluster")
E_NO_WORKERS = ("[E044] the Dask scheduler at {address} has no workers after {seconds:g} s; "
                "start some with `dask worker {address}`")
E_WORKER_IMPORT = ("[E045] {missing} of {found} Dask worker(s) cannot import {module} (e.g. {worker}: {reason}); "
                   "install danvan-extract on every worker (pip install 'danvan-extract[dask]') in the environment "
                   "`dask worker` runs in")
E_WORKER_VERSION = ("[E046] Dask worker {worker} has danvan-extract {version}, this client {client}; "
                    "install the same version everywhere")

# Error lines of the output ("errors" of one document): after "<file name>: "
# when a file is named.
E_LINE = "{name}: {message}"
E_DOCUMENT = "{kind}: {message}"
E_EMPTY_FILE = "[E047] empty file"
E_EMPTY_BOM = "[E048] empty file (only a byte-order mark)"
E_EMPTY_SPACE = "[E049] empty file (only white space)"
E_BINARY_NUL = "[E050] binary file (contains NUL bytes), not text"
E_BINARY_CONTROLS = "[E051] binary file ({controls} control bytes in {size}), not text"
E_UNDECODABLE = "[E052] not decodable as {codec} {how}: {problem}"
E_UNKNOWN_ENCODING = ("[E053] unknown encoding: not UTF-8, and it reads as Vietnamese in none of Windows-1258, "
                      "TCVN3 (ABC) or VNI (Vietnamese words/accented words: {tried}); convert the file to UTF-8")
E_IS_DIRECTORY = "[E054] is a directory, not a file"
E_CANNOT_READ = "[E055] cannot read: {reason}"
E_NO_TEXT_IN_HTML = "[E056] no text left after removing the HTML markup"
E_FOLDER_UNLISTABLE = "[E057] cannot list this folder, its files were not read: {reason}"
E_FOLDER_VANISHED = "[E058] could not be listed during the run, its files were not read"
E_WORKER_DIED = "[E059] the worker process died while extracting this document (killed, out of memory or a crash)"
E_READ_PAST = "[E060] cannot read past character {chars}: {problem}"
E_FAILED_AFTER = "[E061] {kind} after character {chars}: {problem}"
