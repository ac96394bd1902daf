from .feedback import ReaderFeedback
from .glossary import GlossaryTerm
from .mission import MissionPage
from .mixins import ContentPage, ServiceStatus, ServiceStatusMixin
from .section import SectionPage
from .space import AccessMode, SpacePage
from .tool_guide import SkillLevel, ToolCategory, ToolGuidePage

__all__ = [
    "AccessMode", "ContentPage", "GlossaryTerm", "MissionPage", "SectionPage", "ServiceStatus", "ServiceStatusMixin",
    "ReaderFeedback", "SkillLevel", "SpacePage", "ToolCategory", "ToolGuidePage",
]
