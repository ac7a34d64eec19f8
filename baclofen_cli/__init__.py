"""baclofen: a plain-language, sourced guide to baclofen for patients and carers."""

__version__ = "0.1.0"
