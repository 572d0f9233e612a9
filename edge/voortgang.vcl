vcl 4.1;
# The local edge: Varnish with the rules of the Front Door routes in infra/edge-routes.bicep, so that ./run.sh, the
# tests and the bench see what the public sees in Azure. run.sh and the tests fill in the @…@ ports and names.
#   /api/*        → the local Functions host; cache key: host, path and only the documented query parameters
#                   (edge/queryparameters.json, the same list Bicep gives Front Door); an unknown one cannot bust it.
#   /open-data/*  → the open-data container in Azurite (the blob path, as on the storage origin in Azure).
# Kept by the answer's Cache-Control (s-maxage before max-age; private, no-store and no-cache are never kept); a
# request with Authorization or a Cookie never meets the cache (Varnish's built-in rule; a rule set in Front Door).
# The app purges after every commit with PURGE <path>, exact (every query string of it) or ending in /*, as Front
# Door's purge takes content paths; only from loopback.

backend api {
    .host = "127.0.0.1";
    .port = "@API_POORT@";
    .first_byte_timeout = 60s;
}

backend opendata {
    .host = "127.0.0.1";
    .port = "@BLOB_POORT@";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.url !~ "^/[A-Za-z0-9/._-]*(/\*)?$" || req.url ~ "\.\.") {
            return (synth(400, "Bad purge path"));
        }
        if (req.url ~ "/\*$") {
            ban("obj.http.X-Url ~ ^" + regsuball(regsub(req.url, "\*$", ""), "\.", "[.]"));
        } else {
            ban("obj.http.X-Url ~ ^" + regsuball(req.url, "\.", "[.]") + "([?]|$)");
        }
        return (synth(200, "Purged"));
    }

    if (req.url ~ "^/open-data/") {
        set req.backend_hint = opendata;
    } else {
        set req.backend_hint = api;
    }

    # What Front Door adds to every request it forwards: the client's host and scheme, and its own id (the app treats
    # a request with X-Azure-FDID as an edge fill; a client's own value is overwritten).
    set req.http.X-Forwarded-Host = req.http.host;
    set req.http.X-Forwarded-Proto = "http";
    set req.http.X-Azure-FDID = "lokaal";
    # Varnish's built-in vcl_recv follows: only GET and HEAD are looked up; Authorization or Cookie → pass.
}

sub vcl_hash {
    hash_data(req.http.host);
    hash_data(regsub(req.url, "[?].*$", ""));
    # The query string with only the documented parameters ("" when none is left: /themas?x=1 is /themas).
    hash_data(regsuball(regsub(req.url, "^[^?]*([?]|$)", "&"),
        "&(?!(?:bekendOp|cyclus|na|page|pageSize|partij|peildatum|status|tenOpzichteVan|thema|zoek)=)[^&]*", ""));
    return (lookup);
}

sub vcl_backend_fetch {
    if (bereq.backend == opendata) {
        set bereq.url = regsub(bereq.url, "^/open-data/", "/@ACCOUNT@/@CONTAINER@/");
    }
}

sub vcl_backend_response {
    # The public path (bans match it; never shown to a client).
    set beresp.http.X-Url = regsub(bereq.url, "^/@ACCOUNT@/@CONTAINER@/", "/open-data/");
    # Front Door serves nothing stale after the answer's age runs out.
    set beresp.grace = 0s;
    # The platform's own refusals (an unknown route, a host without a worker) come without a body or Cache-Control;
    # the app's answers always name their policy. Such an error is never kept (Varnish's default would be 2 minutes).
    if (beresp.status >= 400 && !beresp.http.Cache-Control) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (beresp.http.Content-Type ~ "^(application/(json|problem\+json|atom\+xml|ld\+json|schema\+json)|text/(csv|html|css|javascript))"
        && !beresp.http.Content-Encoding) {
        set beresp.do_gzip = true;
    }
}

sub vcl_deliver {
    unset resp.http.X-Url;
    # As Front Door says it (TCP_HIT / TCP_MISS).
    if (obj.hits > 0) {
        set resp.http.X-Cache = "TCP_HIT";
    } else {
        set resp.http.X-Cache = "TCP_MISS";
    }
}
