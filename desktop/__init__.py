"""Marginalia: a desktop reader and annotator for news articles."""

__version__ = "0.1.0"
APP_NAME = "Marginalia"
APP_ID = "org.marginalia.Marginalia"
