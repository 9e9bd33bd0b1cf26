"""One demo page of each page type, by its path: what the page benchmarks measure."""

PAGE_TYPES = {
    "HomePage": "/da/",
    "HomePage (ar)": "/ar/",
    "PlanPage": "/da/helhedsplanen/",
    "FocusAreaPage": "/da/helhedsplanen/uddannelse-beskaeftigelse-og-erhverv/",
    "ActivityPage": "/da/helhedsplanen/uddannelse-beskaeftigelse-og-erhverv/de-aktive-unge/",
    "StandardPage": "/da/kvarternetvaerk/",
    "NetworkPage": "/da/kvarternetvaerk/kvarternetvaerk-agerhusene/",
    "ContactPage": "/da/kontakt/",
    "EventIndexPage": "/da/det-sker/",
    "EventPage": "/da/det-sker/lektiehjaelp/",
    "StoryIndexPage": "/da/historier/",
    "StoryPage": "/da/historier/lektiecafeen-fylder-fem-borde/",
    "GuideIndexPage": "/da/guides/",
    "GuidePage": "/da/guides/start-en-forening/",
    "HelpDeskPage": "/da/frivilligdesk/",
    "ArchiveIndexPage": "/da/agerposten/",
    "IssuePage": "/da/agerposten/2024/nr-40/",
    "NewsletterIndexPage": "/da/nyhedsbrev/",
}
