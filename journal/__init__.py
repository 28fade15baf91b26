"""Pain & Mood Journal: a private, local-first pain and mood diary."""

__version__ = "0.1.0"
