DOSSIER_SEARCH_SHARD({{ data.prefix|tojson }}, {{ data.entries|tojson }});
