"""Writes of the diaspora room, by part: registry, experts, personal_data, survey."""

from migdev.diaspora.services import experts, personal_data, registry, survey

__all__ = ["experts", "personal_data", "registry", "survey"]
