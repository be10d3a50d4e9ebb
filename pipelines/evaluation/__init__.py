"""Scoring against the project's gold files and the shared corpus: dates (hand gold and news
gold), actors, NER and events. Tests import these modules; scripts/eval_*.py are their command
lines, which print what these return."""
