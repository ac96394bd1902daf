from .feedback import ReaderFeedback
from .glossary import GlossaryTerm
from .mission import MissionPage
from .mixins import ContentPage, ServiceStatus, ServiceStatusMixin
from .review_task import EditorialReviewTask
from .section import SectionPage
from .space import AccessMode, SpacePage
from .tool_guide import SkillLevel, ToolCategory, ToolGuidePage

__all__ = [
    "AccessMode", "ContentPage", "EditorialReviewTask", "GlossaryTerm", "MissionPage", "ReaderFeedback",
    "SectionPage", "ServiceStatus", "ServiceStatusMixin", "SkillLevel", "SpacePage", "ToolCategory", "ToolGuidePage",
]
