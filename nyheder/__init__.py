"""Positive stories from the neighbourhood, with feeds and a story-tip form."""
