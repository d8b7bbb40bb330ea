"""Repairs of OCR and PDF-extraction damage: rule modules, their evidence, and the engine."""

from __future__ import annotations

from .base import Evidence, Finding, Proposal
from .engine import Decisions, repair_document
from .lexicon import Lexicon, lexicon_for
from .rules import RULES

__all__ = ["RULES", "Decisions", "Evidence", "Finding", "Lexicon", "Proposal", "lexicon_for",
           "repair_document"]
