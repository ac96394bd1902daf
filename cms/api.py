"""The API v2 router (pages, images, documents, headless preview, catalogues); the endpoints are in pages/api/ and
pages/preview/."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from pages.api.v2 import LocalizedPagesAPIViewSet
from pages.catalogues.api import ModelSourceAPIViewSet, SoftwareAPIViewSet
from pages.preview.api import PagePreviewAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
api_router.register_endpoint("software", SoftwareAPIViewSet)
api_router.register_endpoint("model_sources", ModelSourceAPIViewSet)
