"""The page types and what they share. Models of the features built on them (review step, reader
feedback, glossary) live in those features' packages (pages/review/, pages/feedback/,
pages/translation/), still in the pages app."""

from .mission import MissionPage
from .mixins import ContentPage, ServiceStatus, ServiceStatusMixin
from .section import SectionPage
from .space import AccessMode, SpacePage
from .tool_guide import SkillLevel, ToolCategory, ToolGuidePage

__all__ = [
    "AccessMode", "ContentPage", "MissionPage", "SectionPage", "ServiceStatus", "ServiceStatusMixin",
    "SkillLevel", "SpacePage", "ToolCategory", "ToolGuidePage",
]
