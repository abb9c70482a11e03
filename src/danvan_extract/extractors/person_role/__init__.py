"""Person/role pairs: "Đồng chí Nguyễn Xuân Dậu, Trưởng Ban Dân vận Huyện ủy",
"Bộ trưởng Bộ Y tế Đào Hồng Lan", "Là Bí thư ..., anh Tráng Khuấy Hiệu",
"Ảnh: Thanh Lê", "các đồng chí: A - Role; B - Role", "nguyên Phó Chủ tịch
nước: A, B", "phó giám đốc là ông A".

Names are runs of capitalised (or upper-case) syllables; the role grammar
(titles, organization words, honorifics, bylines) comes from
``rules/persons.toml``.  Where a name has no known surname and no honorific
or list vouches for it, underthesea's NER is asked about a small window
around it.

The extractor is one class, :class:`extractor.PersonRoleExtractor`, put
together from one mixin per job:

- extractor.py: the grammar and word sets read from the rules, and the scan
  (the name-first forms, then the role-first ones)
- name_first.py: bylines, "hon Name, Role", "Name - Role", name cards, form
  fields and signatures
- lists.py: lists of people under an honorific or a post, and their items
- role_first.py: "Role [org] Name", "Name, Role", "Role, hon Name", career
  lists and plural posts
- roles.py: the posts written from a position (title, organization, their
  separators)
- organizations.py: where the organization that continues a title ends
- org_words.py: what each word read after a title is to its organization
- names.py: the shapes and ends of personal names, and honorifics
- text_helpers.py: a span of the text, the words just before a position
"""
