"""Input and output: bytes to text (encodings, legacy fonts), very large files block by block, the output file, fact tables (CSV, Parquet)."""
