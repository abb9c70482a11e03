"""Document references: "Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban chấp
hành Trung ương (Khóa XI) về “...”", "Công điện 134/CĐ-TTg", "Số:67/2022/TT-BTC",
"Quy định 217, 218 của Bộ Chính trị".

The extractor is one class, :class:`extractor.DocumentRefExtractor`, put
together from one mixin per job:

- extractor.py: the grammar and word sets read from ``rules/documents.toml``,
  and the scan (type word and number, then bare codes) with its tests of
  which matches are references
- codes.py: a document's number read into its type code, issuer code and
  year, and the type its code names
- fields.py: one reference read in full from its number on (date, term,
  issuer, title, and where each falls back)
- issuer_after.py: the issuer named after the number ("của X", "được X ban
  hành", after an aside) and the bodies joined to it; a proposal's body
- issuer_names.py: the words of an issuing body's name, and the office
  holder's name left out of it
- issuer_before.py: the subject of an issuing verb before the document, and
  the date or year of its clause
- lists.py: what the items of one list share (a list's head, the subject
  before its first item, the tail after its last)
- headers.py: a document's own header ("Số: 97-QĐ/TW"), its issuer lines
"""
