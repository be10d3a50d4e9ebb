"""Linimasa: Indonesian news articles into an event warehouse."""
