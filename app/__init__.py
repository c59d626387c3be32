"""FocusCoder: qualitative coding of focus-group and interview transcripts."""

__version__ = "0.1.0"
