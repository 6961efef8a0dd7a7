/* Dossier search index: [kind, title, site URL, detail, more words]. Loaded by search.html. */
window.DOSSIER_SEARCH = {{ data.entries|tojson }};
