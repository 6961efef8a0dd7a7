"""Dossier: news reports of official visits → structured analyses → a static site."""

__version__ = "0.1.0"
