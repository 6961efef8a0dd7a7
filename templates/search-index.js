/* Dossier search manifest: which shard scripts exist (prefix → entries; negative: cut short)
   and their versions. search.js loads the shards a query needs from the folder below. */
window.DOSSIER_SEARCH = {"folder": {{ data.folder|tojson }}, "shards": {{ data.shards|tojson }}, "versions": {{ data.versions|tojson }}};
