"""The faces: the command line, the HTML view and the spaCy component."""
