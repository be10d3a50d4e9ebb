"""Extraction assets: documents → date, actor and place mentions → events."""
