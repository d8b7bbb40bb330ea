"""Helpers shared by the test modules (goldens, word survival checks)."""
