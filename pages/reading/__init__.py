"""The reading chrome of public pages: phone menu drawer, on-this-page contents, the sidebar's
disclosure buttons, readers' display settings, videos loaded only after consent, the library's
palette and the 404's ways on."""
