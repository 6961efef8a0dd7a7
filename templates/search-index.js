/* Dossier search manifest: which shard scripts exist (prefix → entries; negative: cut short).
   search.js loads the shards a query needs from the folder below. */
window.DOSSIER_SEARCH = {"folder": {{ data.folder|tojson }}, "shards": {{ data.shards|tojson }}};
