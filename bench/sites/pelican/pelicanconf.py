# Minimal Pelican site for the benchmark: one HTML page per article plus the index page.
# Category, tag, author and archive pages, feeds and the content cache are off, so it does
# the same job as the Hugo site beside it (and every build is cold).
AUTHOR = "Bench"
SITENAME = "Bench"
SITEURL = ""
PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
DEFAULT_PAGINATION = False
DIRECT_TEMPLATES = ["index"]
ARTICLE_URL = ARTICLE_SAVE_AS = "{slug}.html"
# no pages other than the articles and the index
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
PAGE_SAVE_AS = DRAFT_SAVE_AS = DRAFT_PAGE_SAVE_AS = ARTICLE_LANG_SAVE_AS = PAGE_LANG_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
STATIC_PATHS = []
THEME_STATIC_PATHS = []
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
