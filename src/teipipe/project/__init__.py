"""The editor's inputs: where a project keeps its files, register, sidecars, edition."""

from .layout import SHIPPED_SCHEMA, Project, find

__all__ = ["SHIPPED_SCHEMA", "Project", "find"]
